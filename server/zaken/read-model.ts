import { z } from 'zod';
import type { WorkflowEngine } from '../../engine/port.ts';
import type { Db } from '../db/database.ts';
import { problems } from '../http/problem.ts';
import { dwangsomVan, dwangsomVaststelling, klokUitFeiten, zaakFeiten } from './clock.ts';
import { zaakEventsInOrder } from './events.ts';
import { actorsOf, inWoorden } from './tijdlijn.ts';
import { besluitStand } from './besluit-stand.ts';
import { zaakFase } from './fase.ts';
import { ContactmomentSchema } from '../dossier/routes.ts';
import type { Services } from '../services.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { pgbBwWachtlijst } from '../pgb-bw/wachtlijst.ts';

export const KlokSchema = z.object({
  startdatum: z.string(),
  einddatumGepland: z.string(),
  uiterlijkeEinddatumAfdoening: z.string(),
  status: z.enum(['op-tijd', 'servicenorm-overschreden', 'termijn-verlopen']),
  opgeschort: z.boolean(),
  opgeschorteDagen: z.number(),
  verdaagd: z.boolean(),
  afgehandeld: z.boolean(),
  dagenTotUiterlijkeEinddatum: z.number(),
  werkdagenTotUiterlijkeEinddatum: z.number(),
  /** After a registered ingebrekestelling (Awb 4:17); null without one. */
  dwangsom: z
    .object({
      ingebrekestellingOntvangen: z.string(),
      status: z.enum(['voorbarig', 'nog-niet-verbeurd', 'loopt', 'maximum-bereikt', 'beeindigd']),
      eersteDag: z.string().nullable(),
      laatsteMogelijkeDag: z.string().nullable(),
      dagen: z.number().int(),
      bedragCent: z.number().int(),
      dagtariefCent: z.number().int(),
      maximumCent: z.number().int(),
      /** Awb 4:18: the last day to fix the amount owed by beschikking; null while it still accrues or nothing is owed. */
      vaststellenUiterlijk: z.string().nullable(),
      vastgesteld: z.object({ datum: z.string(), bedragCent: z.number().int() }).nullable(),
    })
    .nullable(),
});

export const ZaakSummarySchema = z
  .object({
    id: z.string(),
    identificatie: z.string(),
    regeling: z.string(),
    klant: z.object({ id: z.string(), naam: z.string() }),
    status: z.string(),
    fase: z.string().nullable(),
    startdatum: z.string(),
    einddatum: z.string().nullable(),
    resultaat: z.string().nullable(),
    klok: KlokSchema,
    /**
     * After a gegrond bezwaar reopened the zaak (Awb 7:11), until a new besluit is sent on it: the
     * besluit sent earlier was herroepen. `besluit`: the beslissing op bezwaar is the new besluit;
     * `toelating`: the aanvraag is handled further. Null otherwise.
     */
    heroverweging: z.object({ stap: z.enum(['besluit', 'toelating']) }).nullable(),
  })
  .meta({ id: 'ZaakSamenvatting' });

export const TimelineItemSchema = z.object({
  op: z.string(),
  soort: z.string(),
  omschrijving: z.string(),
  /** Username of who did it (null: Regie itself). */
  door: z.string().nullable(),
  /** Their display name and the role they acted in, when they are a user of this gemeente. */
  doorNaam: z.string().nullable(),
  doorRol: z.string().nullable(),
  /** What they did, to follow "<wie>": "heeft „Intake vastleggen” afgerond" (null when nobody did it). */
  handeling: z.string().nullable(),
  /** The whole sentence: "Anna de Vries (klantmanager) heeft „Intake vastleggen” afgerond." */
  zin: z.string(),
  fase: z.string().nullable(),
});

export const BudgetSchema = z.object({
  toegekendCents: z.number().int(),
  gereserveerdCents: z.number().int(),
  betaaldCents: z.number().int(),
  resterendCents: z.number().int(),
  betalingen: z.array(
    z.object({
      id: z.string(),
      datum: z.string(),
      omschrijving: z.string().nullable(),
      payeeNaam: z.string(),
      bedragCents: z.number().int(),
      status: z.string(),
      /** Why a refused (afgewezen) payment was not made, in Dutch for the klant; null otherwise. */
      reden: z.string().nullable(),
    }),
  ),
  /** The approved begroting lines: what may be invoiced or declared against (verplichtingId). */
  verplichtingen: z.array(z.object({ id: z.string(), omschrijving: z.string(), payeeNaam: z.string().nullable(), bedragCents: z.number().int() })),
});

export const ZaakDetailSchema = ZaakSummarySchema.extend({
  budget: BudgetSchema.nullable(),
  /** geopend: when the klant first opened it (receipt of a beschikking). */
  documenten: z.array(z.object({ id: z.string(), titel: z.string(), soort: z.string(), aangemaakt: z.string(), geopend: z.string().nullable() })),
  contactmomenten: z.array(ContactmomentSchema),
  /**
   * The sent besluit that still stands (Awb 6:7): the last day an objection against it is on time.
   * Null without one, and after a gegrond bezwaar herriep it (see `heroverweging`).
   */
  bezwaar: z.object({ mogelijk: z.boolean(), uiterlijkeReactiedatum: z.string() }).nullable(),
  processInstanceKey: z.string().nullable(),
  policyId: z.string().nullable(),
  doorlooptijd: z.string(),
  servicenorm: z.string(),
  hoofdzaakId: z.string().nullable(),
  tijdlijn: z.array(TimelineItemSchema),
  /**
   * Pgb bw only, for the gemeente's staff (null for other regelingen and for the klant): whether the
   * gemeente pre-finances while the klant waits on the wachtlijst, and the date "klant aan de beurt"
   * was received (from then the Wsw budget pays). The zaakdossier offers the aan-de-beurt form only
   * when voorgefinancierd and not yet aan de beurt; the route refuses the other cases.
   */
  pgbBw: z.object({ voorgefinancierd: z.boolean(), aanDeBeurtOp: z.string().nullable() }).nullable(),
}).meta({ id: 'Zaak' });

const EVENT_TEXT: Record<string, string> = {
  'zaak.aangemaakt': 'Zaak aangemaakt',
  'zaak.beslistermijn-bepaald': 'Beslistermijn bepaald',
  'zaak.proces-gestart': 'Behandeling gestart',
  'zaak.opgeschort': 'Behandeltermijn opgeschort',
  'zaak.hervat': 'Behandeltermijn loopt weer',
  'zaak.verdaagd': 'Beslistermijn verdaagd',
  'zaak.ingebrekestelling-ontvangen': 'Ingebrekestelling ontvangen',
  'zaak.dwangsom-vastgesteld': 'Dwangsom vastgesteld',
  'zaak.besluit-vastgelegd': 'Besluit genomen',
  'zaak.besluit-bekendgemaakt': 'Besluit verzonden',
  'zaak.beschikking-geopend': 'Beschikking geopend door de klant',
  'zaak.afgesloten': 'Zaak afgesloten',
  'zaak.heropend': 'Zaak heropend na bezwaar',
  'zaak.aanvraag-ingetrokken': 'Aanvraag ingetrokken',
  'zaak.aanbieder-gekozen': 'Aanbieder gekozen',
  'zaak.aanbieder-gecontracteerd': 'Aanbieder gecontracteerd',
  'zaak.aanbieder-resultaat': 'Resultaat van de aanbieder vastgelegd',
  'user_task.created': 'Taak klaargezet',
  'user_task.completed': 'Taak afgerond',
  'user_task.assigned': 'Taak opgepakt',
};

/** Zaken of a tenant as the API shows them; the fase comes from the engine's event log. */
export class ZaakReadModel {
  private readonly db: Db;
  private readonly engine: WorkflowEngine;

  constructor(private readonly services: Pick<Services, 'database' | 'engine' | 'documenten' | 'ledger'>) {
    this.db = services.database.db;
    this.engine = services.engine;
  }

  private async budget(tenantId: string, zaakId: string) {
    const snapshot = await this.services.ledger.readZaak(tenantId, zaakId);
    if (!snapshot.toekenning) return null;
    const o = await this.services.ledger.budgetOverzicht(tenantId, zaakId);
    return {
      toegekendCents: o.toegekendCents,
      gereserveerdCents: o.gereserveerdCents,
      betaaldCents: o.betaaldCents,
      resterendCents: o.beschikbaarCents,
      // A refused factuur stays in the list with its reason: the klant who sent it must see what became of it.
      betalingen: snapshot.betalingen.map((b) => ({
        id: b.id,
        datum: b.createdAt,
        omschrijving: b.omschrijving,
        payeeNaam: b.payeeNaam,
        bedragCents: b.bedragCents,
        status: b.status,
        reden: b.status === 'afgewezen' ? (b.reden ?? null) : null,
      })),
      verplichtingen: snapshot.verplichtingen.map((v) => ({ id: v.id, omschrijving: v.omschrijving, payeeNaam: v.payeeNaam, bedragCents: v.bedragCents })),
    };
  }

  private base(tenantId: string) {
    return this.db
      .selectFrom('zaken')
      .innerJoin('klanten', 'klanten.id', 'zaken.klant_id')
      .selectAll('zaken')
      .select('klanten.naam as klant_naam')
      .where('zaken.tenant_id', '=', tenantId);
  }

  private async summary(
    row: Awaited<ReturnType<ReturnType<ZaakReadModel['base']>['executeTakeFirstOrThrow']>>,
    /** The zaak's events when the caller already has them (the detail reads them for the timeline). */
    known?: readonly { type: string; data: string }[],
  ) {
    const events = known ?? (await zaakEventsInOrder(this.db, row.id));
    const feiten = zaakFeiten(row, events);
    const klok = klokUitFeiten(row, feiten);
    return {
      id: row.id,
      identificatie: row.identificatie,
      regeling: row.regeling,
      klant: { id: row.klant_id, naam: row.klant_naam },
      status: row.status,
      fase: await zaakFase(this.engine, row.tenant_id, row.process_instance_key),
      startdatum: row.startdatum,
      einddatum: row.einddatum,
      resultaat: row.resultaat,
      klok: {
        startdatum: klok.startdatum,
        einddatumGepland: klok.einddatumGepland,
        uiterlijkeEinddatumAfdoening: klok.uiterlijkeEinddatumAfdoening,
        status: klok.status,
        opgeschort: klok.opgeschort,
        opgeschorteDagen: klok.opgeschorteDagen,
        verdaagd: klok.verdaagd,
        afgehandeld: klok.afgehandeld,
        dagenTotUiterlijkeEinddatum: klok.dagenTotUiterlijkeEinddatum,
        werkdagenTotUiterlijkeEinddatum: klok.werkdagenTotUiterlijkeEinddatum,
        dwangsom: dwangsomVan(klok, feiten, dwangsomVaststelling(events)),
      },
      heroverweging: besluitStand(events).heroverweging,
    };
  }

  async list(tenantId: string, filter: { klantId?: string; regeling?: string; status?: string; ids?: readonly string[] }) {
    if (filter.ids?.length === 0) return [];
    let q = this.base(tenantId);
    if (filter.ids) q = q.where('zaken.id', 'in', [...filter.ids]);
    if (filter.klantId) q = q.where('zaken.klant_id', '=', filter.klantId);
    if (filter.regeling) q = q.where('zaken.regeling', '=', filter.regeling as never);
    if (filter.status) q = q.where('zaken.status', '=', filter.status as never);
    const rows = await q.orderBy('zaken.created_at', 'desc').limit(500).execute();
    return Promise.all(rows.map((r) => this.summary(r)));
  }

  /** A zaak of the tenant (and of this klant, when given); otherwise 404. */
  async detail(tenantId: string, zaakId: string, klantId?: string) {
    const forKlant = klantId !== undefined;
    let q = this.base(tenantId).where('zaken.id', '=', zaakId);
    if (klantId) q = q.where('zaken.klant_id', '=', klantId);
    const row = await q.executeTakeFirst();
    if (!row) throw problems.notFound();
    const zaakEvents = await this.db.selectFrom('zaak_events').selectAll().where('zaak_id', '=', row.id).orderBy('id').execute();
    // A zaak reopened after a gegrond bezwaar ran on more than one instance: its timeline keeps the earlier tasks too.
    const instanceKeys = [
      ...zaakEvents
        .filter((e) => e.type === 'zaak.heropend')
        .map((e) => (JSON.parse(e.data) as { vorigeProcessInstanceKey?: string | null }).vorigeProcessInstanceKey)
        .filter((k): k is string => typeof k === 'string'),
      ...(row.process_instance_key ? [row.process_instance_key] : []),
    ];
    const engineEvents = (
      await Promise.all(
        instanceKeys.map((processInstanceKey) =>
          this.engine.queryEvents({ tenantId, processInstanceKey, types: ['user_task.created', 'user_task.assigned', 'user_task.completed'] }),
        ),
      )
    ).flat();
    const tasks = new Map(
      (await Promise.all(instanceKeys.map((processInstanceKey) => this.engine.queryUserTasks({ tenantId, processInstanceKey, limit: 1000 }))))
        .flat()
        .map((t) => [t.userTaskKey, t]),
    );
    const users = await actorsOf(this.db, tenantId, [...zaakEvents.map((e) => e.actor), ...engineEvents.map((e) => e.actor)]);
    const tijdlijn = [
      ...zaakEvents.map((e) => ({
        op: e.occurred_at,
        soort: e.type,
        omschrijving: EVENT_TEXT[e.type] ?? e.type,
        door: e.actor,
        ...inWoorden(e.type, e.actor, users, { data: JSON.parse(e.data) as Record<string, unknown> }),
        fase: null,
      })),
      ...engineEvents.map((e) => {
        const task = e.subjectKey ? tasks.get(e.subjectKey) : undefined;
        return {
          op: e.occurredAt,
          soort: e.type,
          omschrijving: `${EVENT_TEXT[e.type] ?? e.type}${task?.name ? `: ${task.name}` : ''}`,
          door: e.actor,
          ...inWoorden(e.type, e.actor, users, { taak: task?.name ?? null, taskGroups: task?.candidateGroups ?? [], data: e.data }),
          fase: e.phase,
        };
      }),
    ].sort((a, b) => a.op.localeCompare(b.op));
    const today = todayInAmsterdam(new Date());
    // A besluit herroepen after a gegrond bezwaar is no longer open to bezwaar; a new one sent on the reopened zaak is.
    const reactiedatum = besluitStand(zaakEvents).besluit?.uiterlijkeReactiedatum;
    const contactRows = forKlant
      ? []
      : await this.db
          .selectFrom('contactmomenten')
          .select(['id', 'soort', 'datum', 'samenvatting', 'door'])
          .where('tenant_id', '=', tenantId)
          .where('zaak_id', '=', row.id)
          .orderBy('datum', 'desc')
          .execute();
    const registrators = await actorsOf(this.db, tenantId, contactRows.map((c) => c.door));
    // A registrator who has left keeps their username: the register must still say who it was.
    const contactmomenten = contactRows.map((c) => ({ ...c, doorNaam: registrators.get(c.door)?.naam ?? c.door }));
    const wachtlijst = !forKlant && row.regeling === 'pgb-bw' ? await pgbBwWachtlijst(this.engine, row) : null;
    return {
      ...(await this.summary(row, zaakEvents)),
      budget: await this.budget(tenantId, row.id),
      documenten: (await this.services.documenten.list(tenantId, row.id, forKlant)).map((d) => ({
        id: d.id,
        titel: d.titel,
        soort: d.soort,
        aangemaakt: d.aangemaakt,
        geopend: zaakEvents.find((e) => e.type === 'zaak.beschikking-geopend' && e.idempotency_key === `geopend:${d.id}`)?.occurred_at ?? null,
      })),
      contactmomenten,
      bezwaar: reactiedatum ? { mogelijk: today <= reactiedatum, uiterlijkeReactiedatum: reactiedatum } : null,
      processInstanceKey: row.process_instance_key,
      policyId: row.policy_id,
      doorlooptijd: row.doorlooptijd,
      servicenorm: row.servicenorm,
      hoofdzaakId: row.hoofdzaak_id,
      tijdlijn,
      pgbBw: wachtlijst ? { voorgefinancierd: wachtlijst.voorgefinancierd, aanDeBeurtOp: wachtlijst.aanDeBeurt?.datum ?? null } : null,
    };
  }
}
