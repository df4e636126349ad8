import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { inTransaction, type DbOrTx, type Tx } from '../db/transaction.ts';
import type { LedgerTables } from '../ledger/tables.ts';
import { isValidIban, isValidKvk, normalizeIban, normalizeKvk } from '../../workers/betaling/regels.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { contractGeldig, parseList, POOL_STATUSES } from './commands.ts';
import { AanbiederFout } from './fout.ts';
import type { AanbiederContractTable, AanbiederTable, ContractStatus } from './tables.ts';

type AanbiederRow = Selectable<AanbiederTable>;
type ContractRow = Selectable<AanbiederContractTable>;

/**
 * Outcome figures of one aanbieder, from the viewer's own tenant's afgesloten zaken only
 * (docs/aanbieders.md: why there is no cross-tenant figure).
 */
export interface Cijfers {
  /** Closed zaken with a recorded result for this aanbieder. */
  trajecten: number;
  geplaatst: number;
  afgerond: number;
  nietGeplaatst: number;
  voortijdigGestopt: number;
  /** geplaatst / trajecten in whole percent; null without trajecten. */
  percentageGeplaatst: number | null;
  /** Paid betalingen to this aanbieder in those zaken, divided by trajecten; null without trajecten. */
  gemiddeldeKostenCents: number | null;
  /** The same counts per regeling: the client group (iro: WW/WIA, rio: bijstand/nug, pib: inburgeraars). */
  perRegeling: { regeling: string; trajecten: number; geplaatst: number }[];
}

export interface ContractView {
  status: ContractStatus;
  regelingen: string[];
  sinds: string;
  tot: string | null;
  gemeenteklanten: boolean;
  /** Usable today for at least one regeling. */
  inPool: boolean;
  reden: string | null;
  toelichting: string | null;
  voorgesteldDoorU: boolean;
  voorgesteldVoorZaak: string | null;
}

export interface AanbiederView {
  id: string;
  naam: string;
  kvk: string;
  iban: string;
  diensten: string[];
  rollen: string[];
  regio: string;
  website: string | null;
  omschrijving: string | null;
  /** This tenant's contract; null when the aanbieder is only in another organisation's pool. */
  contract: ContractView | null;
  /** UWV contracted it for the iro and it takes gemeente clients (the shared rib pool, rio). */
  uwvIroPool: boolean;
  cijfers: Cijfers;
}

export interface Viewer {
  tenantId: string;
  userId: string;
  /** A klant sees the pool and their own proposals; caseworkers see every status. */
  isKlant: boolean;
}

export interface ZoekFilters {
  regeling?: string | undefined;
  dienst?: string | undefined;
  regio?: string | undefined;
  q?: string | undefined;
  /** Caseworkers only: also aanbieders in another organisation's pool that this tenant has no contract with yet. */
  alle?: boolean | undefined;
}

const LEGE_CIJFERS: Cijfers = {
  trajecten: 0,
  geplaatst: 0,
  afgerond: 0,
  nietGeplaatst: 0,
  voortijdigGestopt: 0,
  percentageGeplaatst: null,
  gemiddeldeKostenCents: null,
  perRegeling: [],
};

/** Figures per aanbieder from the tenant's afgesloten zaken and the ledger's paid betalingen. */
export async function berekenCijfers(db: DbOrTx, tenantId: string, aanbieders: readonly Pick<AanbiederRow, 'id' | 'kvk' | 'iban'>[]): Promise<Map<string, Cijfers>> {
  const result = new Map<string, Cijfers>();
  if (aanbieders.length === 0) return result;
  const ids = aanbieders.map((a) => a.id);
  const trajecten = await db
    .selectFrom('zaak_aanbieders as za')
    .innerJoin('zaken as z', 'z.id', 'za.zaak_id')
    .select(['za.aanbieder_id', 'za.zaak_id', 'za.resultaat', 'z.regeling'])
    .where('za.tenant_id', '=', tenantId)
    .where('z.tenant_id', '=', tenantId)
    .where('z.status', '=', 'afgesloten')
    .where('za.resultaat', 'is not', null)
    .where('za.aanbieder_id', 'in', ids)
    .execute();
  const zaakIds = [...new Set(trajecten.map((t) => t.zaak_id))];
  const betalingen = zaakIds.length
    ? await db
        .withTables<LedgerTables>()
        .selectFrom('betalingen')
        .select(['zaak_id', 'kvk', 'iban', 'bedrag_cents'])
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'betaald')
        .where('zaak_id', 'in', zaakIds)
        .execute()
    : [];
  const byId = new Map(aanbieders.map((a) => [a.id, a]));
  for (const id of ids) {
    const a = byId.get(id)!;
    const eigen = trajecten.filter((t) => t.aanbieder_id === id);
    if (eigen.length === 0) {
      result.set(id, { ...LEGE_CIJFERS, perRegeling: [] });
      continue;
    }
    const zaken = new Set(eigen.map((t) => t.zaak_id));
    // A payment belongs to the aanbieder when it went to its KvK or its account.
    const betaald = betalingen
      .filter((b) => zaken.has(b.zaak_id) && ((b.kvk !== null && normalizeKvk(b.kvk) === a.kvk) || normalizeIban(b.iban) === a.iban))
      .reduce((sum, b) => sum + Number(b.bedrag_cents), 0);
    const tel = (r: string) => eigen.filter((t) => t.resultaat === r).length;
    const regelingen = [...new Set(eigen.map((t) => t.regeling as string))].sort();
    result.set(id, {
      trajecten: eigen.length,
      geplaatst: tel('geplaatst'),
      afgerond: tel('afgerond'),
      nietGeplaatst: tel('niet-geplaatst'),
      voortijdigGestopt: tel('voortijdig-gestopt'),
      percentageGeplaatst: Math.round((tel('geplaatst') * 100) / eigen.length),
      gemiddeldeKostenCents: Math.round(betaald / eigen.length),
      perRegeling: regelingen.map((regeling) => {
        const van = eigen.filter((t) => t.regeling === regeling);
        return { regeling, trajecten: van.length, geplaatst: van.filter((t) => t.resultaat === 'geplaatst').length };
      }),
    });
  }
  return result;
}

function contractView(c: ContractRow, viewer: Viewer, today: string): ContractView {
  const regelingen = parseList(c.regelingen);
  return {
    status: c.status,
    regelingen,
    sinds: c.sinds,
    tot: c.tot,
    gemeenteklanten: Boolean(c.gemeenteklanten),
    inPool: regelingen.some((r) => contractGeldig(c, r, today)),
    reden: c.reden,
    toelichting: c.toelichting,
    voorgesteldDoorU: c.voorgesteld_door === viewer.userId,
    voorgesteldVoorZaak: c.voorgesteld_door === viewer.userId || !viewer.isKlant ? c.voorgesteld_voor_zaak : null,
  };
}

/** May this viewer see this contract row of their tenant? A klant: the pool and their own proposals. */
function zichtbaar(c: ContractRow, viewer: Viewer): boolean {
  if (!viewer.isKlant) return true;
  return (POOL_STATUSES as readonly string[]).includes(c.status) || c.voorgesteld_door === viewer.userId;
}

async function uwvIroPool(db: DbOrTx, ids: string[], today: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('aanbieder_contracten')
    .select(['aanbieder_id', 'status', 'regelingen', 'sinds', 'tot'])
    .where('tenant_id', '=', 'uwv')
    .where('gemeenteklanten', '=', 1)
    .where('aanbieder_id', 'in', ids)
    .execute();
  return new Set(rows.filter((r) => contractGeldig(r, 'iro', today)).map((r) => r.aanbieder_id));
}

function matches(a: AanbiederRow, c: ContractRow | undefined, f: ZoekFilters): boolean {
  if (f.regeling && !(c && parseList(c.regelingen).includes(f.regeling))) return false;
  if (f.dienst) {
    const d = f.dienst.toLocaleLowerCase('nl');
    if (!parseList(a.diensten).some((x) => x.toLocaleLowerCase('nl').includes(d))) return false;
  }
  if (f.regio) {
    const r = a.regio.toLocaleLowerCase('nl');
    // A nationwide aanbieder works in every region.
    if (r !== 'landelijk' && !r.includes(f.regio.toLocaleLowerCase('nl'))) return false;
  }
  if (f.q) {
    const q = f.q.toLocaleLowerCase('nl');
    const tekst = [a.naam, a.kvk, a.omschrijving ?? '', ...parseList(a.diensten)].join(' ').toLocaleLowerCase('nl');
    if (!tekst.includes(q)) return false;
  }
  return true;
}

async function views(db: DbOrTx, viewer: Viewer, rows: AanbiederRow[], contracts: Map<string, ContractRow>): Promise<AanbiederView[]> {
  const today = todayInAmsterdam(new Date());
  const ids = rows.map((r) => r.id);
  const cijfers = await berekenCijfers(db, viewer.tenantId, rows);
  const uwv = await uwvIroPool(db, ids, today);
  return rows.map((a) => {
    const c = contracts.get(a.id);
    return {
      id: a.id,
      naam: a.naam,
      kvk: a.kvk,
      iban: a.iban,
      diensten: parseList(a.diensten),
      rollen: parseList(a.rollen),
      regio: a.regio,
      website: a.website,
      omschrijving: a.omschrijving,
      contract: c ? contractView(c, viewer, today) : null,
      uwvIroPool: uwv.has(a.id),
      cijfers: cijfers.get(a.id) ?? { ...LEGE_CIJFERS, perRegeling: [] },
    };
  });
}

/** The catalogue as this viewer may see it, filtered; sorted by name. */
export async function zoekAanbieders(db: DbOrTx, viewer: Viewer, f: ZoekFilters): Promise<AanbiederView[]> {
  const contracts = new Map(
    (await db.selectFrom('aanbieder_contracten').selectAll().where('tenant_id', '=', viewer.tenantId).execute())
      .filter((c) => zichtbaar(c, viewer))
      .map((c) => [c.aanbieder_id, c]),
  );
  let rows: AanbiederRow[];
  if (f.alle && !viewer.isKlant) {
    // Also what other organisations have in their pool: the shared list (e.g. UWV's ribs for Rotterdam).
    const elders = db
      .selectFrom('aanbieder_contracten')
      .select('aanbieder_id')
      .where('status', 'in', POOL_STATUSES as ContractStatus[]);
    const eigen = [...contracts.keys()];
    rows = await db
      .selectFrom('aanbieders')
      .selectAll()
      .where((eb) => eb.or([eb('id', 'in', elders), ...(eigen.length ? [eb('id', 'in', eigen)] : [])]))
      .execute();
  } else {
    const eigen = [...contracts.keys()];
    rows = eigen.length ? await db.selectFrom('aanbieders').selectAll().where('id', 'in', eigen).execute() : [];
  }
  const gefilterd = rows.filter((a) => matches(a, contracts.get(a.id), f)).sort((x, y) => x.naam.localeCompare(y.naam, 'nl'));
  return views(db, viewer, gefilterd, contracts);
}

/** One aanbieder as the viewer may see it; 404 when it is not in their catalogue. */
export async function haalAanbieder(db: DbOrTx, viewer: Viewer, aanbiederId: string): Promise<AanbiederView> {
  const a = await db.selectFrom('aanbieders').selectAll().where('id', '=', aanbiederId).executeTakeFirst();
  const c = await db
    .selectFrom('aanbieder_contracten')
    .selectAll()
    .where('tenant_id', '=', viewer.tenantId)
    .where('aanbieder_id', '=', aanbiederId)
    .executeTakeFirst();
  const eigen = c && zichtbaar(c, viewer) ? c : undefined;
  let zichtbaarVoorViewer = a !== undefined && eigen !== undefined;
  if (a && !eigen && !viewer.isKlant) {
    const elders = await db
      .selectFrom('aanbieder_contracten')
      .select('id')
      .where('aanbieder_id', '=', a.id)
      .where('status', 'in', POOL_STATUSES as ContractStatus[])
      .executeTakeFirst();
    zichtbaarVoorViewer = elders !== undefined;
  }
  if (!a || !zichtbaarVoorViewer) throw new AanbiederFout('onbekend', 'Deze aanbieder staat niet in uw catalogus.');
  const [view] = await views(db, viewer, [a], new Map(eigen ? [[a.id, eigen]] : []));
  return view!;
}

export interface Voorstel {
  naam: string;
  kvk: string;
  iban: string;
  regeling: string;
  diensten: string[];
  regio: string;
  website?: string | null | undefined;
  toelichting: string;
  zaakId?: string | null | undefined;
}

/**
 * A klant (or their klantmanager) brings an aanbieder that is not in the tenant's catalogue:
 * it becomes 'in-beoordeling' for this tenant until a klantmanager vets it. An aanbieder already
 * on the platform (same KvK) keeps its registered data; the proposal only adds this tenant's row.
 */
export function stelAanbiederVoor(db: DbOrTx, viewer: Viewer, v: Voorstel): Promise<AanbiederView> {
  return inTransaction(db, async (tx) => {
    const kvk = normalizeKvk(v.kvk);
    const iban = normalizeIban(v.iban);
    if (!isValidKvk(kvk)) throw new AanbiederFout('ongeldig', 'Het KvK-nummer moet uit 8 cijfers bestaan.');
    if (!isValidIban(iban)) throw new AanbiederFout('ongeldig', 'Het IBAN klopt niet. Controleer het rekeningnummer.');
    if (v.zaakId) {
      let q = tx.selectFrom('zaken').select('id').where('id', '=', v.zaakId).where('tenant_id', '=', viewer.tenantId);
      if (viewer.isKlant) {
        const klantId = (await tx.selectFrom('users').select('klant_id').where('id', '=', viewer.userId).executeTakeFirst())?.klant_id ?? '';
        q = q.where('klant_id', '=', klantId);
      }
      if (!(await q.executeTakeFirst())) throw new AanbiederFout('ongeldig', 'De zaak waarvoor u de aanbieder voorstelt, bestaat niet of is niet van u.');
    }
    const now = new Date().toISOString();
    let aanbieder = await tx.selectFrom('aanbieders').selectAll().where('kvk', '=', kvk).executeTakeFirst();
    if (!aanbieder) {
      aanbieder = {
        id: randomUUID(),
        naam: v.naam.trim(),
        kvk,
        iban,
        diensten: JSON.stringify(v.diensten),
        rollen: JSON.stringify(['overig']),
        regio: v.regio.trim(),
        website: v.website ?? null,
        omschrijving: null,
        created_by: viewer.userId,
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('aanbieders').values(aanbieder).execute();
    }
    const bestaand = await tx
      .selectFrom('aanbieder_contracten')
      .selectAll()
      .where('tenant_id', '=', viewer.tenantId)
      .where('aanbieder_id', '=', aanbieder.id)
      .executeTakeFirst();
    const rij = {
      regelingen: JSON.stringify([v.regeling]),
      status: 'in-beoordeling' as const,
      sinds: todayInAmsterdam(new Date()),
      tot: null,
      voorgesteld_door: viewer.userId,
      voorgesteld_voor_zaak: v.zaakId ?? null,
      toelichting: v.toelichting.trim(),
      beoordeeld_door: null,
      beoordeeld_at: null,
      reden: null,
      updated_at: now,
    };
    if (bestaand) {
      if (bestaand.status === 'in-beoordeling') {
        throw new AanbiederFout('al-in-catalogus', `${aanbieder.naam} is al voorgesteld en wordt beoordeeld door een klantmanager.`);
      }
      if (bestaand.status === 'afgewezen') {
        throw new AanbiederFout('al-in-catalogus', `${aanbieder.naam} is eerder afgewezen: ${bestaand.reden ?? ''} Bespreek dit met uw klantmanager.`);
      }
      if (bestaand.status !== 'beeindigd') {
        throw new AanbiederFout('al-in-catalogus', `${aanbieder.naam} staat al in de catalogus; u kunt deze aanbieder daar kiezen.`);
      }
      // An ended contract may be proposed again: it goes back to vetting.
      await tx.updateTable('aanbieder_contracten').set(rij).where('id', '=', bestaand.id).execute();
    } else {
      await tx
        .insertInto('aanbieder_contracten')
        .values({ ...rij, aanbieder_id: aanbieder.id, tenant_id: viewer.tenantId, gemeenteklanten: 0, created_at: now })
        .execute();
    }
    return haalAanbieder(tx, viewer, aanbieder.id);
  });
}

/** A klantmanager vets a proposed aanbieder: goedkeuren puts it in the pool, afwijzen needs a reason. */
export function beoordeelAanbieder(
  db: DbOrTx,
  viewer: Viewer,
  aanbiederId: string,
  besluit: { besluit: 'goedkeuren' | 'afwijzen'; reden?: string | null | undefined },
): Promise<AanbiederView> {
  return inTransaction(db, async (tx) => {
    const c = await tx
      .selectFrom('aanbieder_contracten')
      .selectAll()
      .where('tenant_id', '=', viewer.tenantId)
      .where('aanbieder_id', '=', aanbiederId)
      .executeTakeFirst();
    if (!c) throw new AanbiederFout('onbekend', 'Deze aanbieder staat niet in uw catalogus.');
    if (c.status !== 'in-beoordeling') throw new AanbiederFout('niet-in-beoordeling', 'Deze aanbieder wacht niet op een beoordeling.');
    const reden = besluit.reden?.trim() || null;
    if (besluit.besluit === 'afwijzen' && !reden) throw new AanbiederFout('ongeldig', 'Geef de reden waarom u deze aanbieder afwijst; de klant krijgt die te zien.');
    const now = new Date().toISOString();
    await tx
      .updateTable('aanbieder_contracten')
      .set({
        status: besluit.besluit === 'goedkeuren' ? 'in-pool' : 'afgewezen',
        reden,
        beoordeeld_door: viewer.userId,
        beoordeeld_at: now,
        updated_at: now,
      })
      .where('id', '=', c.id)
      .execute();
    await meldBeoordeling(tx, viewer, c, besluit.besluit, reden, now);
    return haalAanbieder(tx, viewer, aanbiederId);
  });
}

/**
 * The one who proposed the aanbieder hears the outcome in Berichten, in the same transaction as
 * the decision (so the bericht table is written directly rather than through BerichtenStore).
 */
async function meldBeoordeling(tx: Tx, viewer: Viewer, c: ContractRow, besluit: 'goedkeuren' | 'afwijzen', reden: string | null, now: string) {
  if (!c.voorgesteld_door || c.voorgesteld_door === viewer.userId) return;
  const ontvanger = await tx.selectFrom('users').select('username').where('id', '=', c.voorgesteld_door).where('tenant_id', '=', viewer.tenantId).executeTakeFirst();
  if (!ontvanger) return;
  const a = await tx.selectFrom('aanbieders').select('naam').where('id', '=', c.aanbieder_id).executeTakeFirstOrThrow();
  const tekst =
    besluit === 'goedkeuren'
      ? `De klantmanager heeft ${a.naam} goedgekeurd. U kunt deze aanbieder nu kiezen; u vindt hem onder Aanbieders.`
      : `De klantmanager heeft ${a.naam} afgewezen. De reden: ${reden ?? ''} Heeft u vragen, neem dan contact op met uw klantmanager.`;
  await tx
    .insertInto('berichten')
    .values({
      id: randomUUID(),
      tenant_id: viewer.tenantId,
      ontvanger: ontvanger.username,
      zaak_id: c.voorgesteld_voor_zaak,
      onderwerp: besluit === 'goedkeuren' ? 'Uw voorgestelde aanbieder is goedgekeurd' : 'Uw voorgestelde aanbieder is afgewezen',
      tekst,
      aangemaakt: now,
      gelezen_op: null,
      idempotency_key: `aanbieder-beoordeling:${c.id}:${now}`,
    })
    .execute();
}

export interface ContractWijziging {
  status: ContractStatus;
  regelingen: string[];
  sinds: string;
  tot?: string | null | undefined;
  gemeenteklanten?: boolean | undefined;
  reden?: string | null | undefined;
}

/** The beheerder sets this tenant's contract with a (platform) aanbieder: add to the pool, end, refuse. */
export function zetContract(db: DbOrTx, viewer: Viewer, aanbiederId: string, w: ContractWijziging): Promise<AanbiederView> {
  return inTransaction(db, async (tx) => {
    const a = await tx.selectFrom('aanbieders').select('id').where('id', '=', aanbiederId).executeTakeFirst();
    if (!a) throw new AanbiederFout('onbekend', 'Deze aanbieder staat niet in de catalogus.');
    if (w.tot && w.tot < w.sinds) throw new AanbiederFout('ongeldig', 'De einddatum van het contract ligt vóór de begindatum.');
    const reden = w.reden?.trim() || null;
    if (w.status === 'afgewezen' && !reden) throw new AanbiederFout('ongeldig', 'Geef de reden waarom u deze aanbieder afwijst.');
    const now = new Date().toISOString();
    const rij = {
      regelingen: JSON.stringify([...new Set(w.regelingen)]),
      status: w.status,
      sinds: w.sinds,
      tot: w.tot ?? null,
      gemeenteklanten: w.gemeenteklanten ? 1 : 0,
      reden,
      beoordeeld_door: viewer.userId,
      beoordeeld_at: now,
      updated_at: now,
    };
    const bestaand = await tx
      .selectFrom('aanbieder_contracten')
      .select('id')
      .where('tenant_id', '=', viewer.tenantId)
      .where('aanbieder_id', '=', aanbiederId)
      .executeTakeFirst();
    if (bestaand) await tx.updateTable('aanbieder_contracten').set(rij).where('id', '=', bestaand.id).execute();
    else {
      await tx
        .insertInto('aanbieder_contracten')
        .values({
          ...rij,
          aanbieder_id: aanbiederId,
          tenant_id: viewer.tenantId,
          voorgesteld_door: null,
          voorgesteld_voor_zaak: null,
          toelichting: null,
          created_at: now,
        })
        .execute();
    }
    return haalAanbieder(tx, viewer, aanbiederId);
  });
}
