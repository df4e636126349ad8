import { addDuration, hersteltermijnVerstreken, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { afsluiten } from '../zaken/commands/afsluiten.ts';
import { hervatten } from '../zaken/commands/hervatten.ts';
import { opschorten } from '../zaken/commands/opschorten.ts';
import { verdagen } from '../zaken/commands/verdagen.ts';
import { diagramTermijnen, zaakKlok } from '../zaken/clock.ts';
import { zaakEventsInOrder } from '../zaken/events.ts';
import type { Db } from '../db/database.ts';
import { header, variable, type JobHandler } from './job-handler.ts';

const SYSTEEM = 'regie';

/** The zaak clock's dates as the diagrams read them (process variable `termijnen`), after a command changed the clock. */
async function termijnenVan(db: Db, zaakId: string, today: string) {
  const zaak = await db.selectFrom('zaken').selectAll().where('id', '=', zaakId).executeTakeFirstOrThrow();
  return diagramTermijnen(zaakKlok(zaak, await zaakEventsInOrder(db, zaakId), today));
}

/** Only day and month durations map onto calendar days; a test's PT1S ends the same day. */
const endOfTerm = (van: string, duur: string) => (/^P(\d+[YMD])+$/.test(duur) ? addDuration(van, duur) : van);

export const zaakOpschorten: JobHandler = {
  type: 'zaak-opschorten',
  async handle(job, { database, berichten }) {
    const zaakId = variable<string>(job, 'zaakId');
    const van = todayInAmsterdam(new Date());
    const hersteltermijn = variable<string>(job, 'hersteltermijn');
    await opschorten(database.db, {
      tenantId: job.tenantId,
      zaakId,
      van,
      reden: `${header(job, 'reden')} (${job.customHeaders.grondslag ?? 'Awb 4:15'})`,
      actor: SYSTEEM,
      idempotencyKey: job.key,
    });
    const einde = endOfTerm(van, hersteltermijn);
    const ontbrekend = ((job.variables.planToets as { ontbrekend?: { omschrijving: string }[] } | undefined)?.ontbrekend ?? []).map((o) => `- ${o.omschrijving}`);
    const klant = job.variables.klant as string | undefined;
    if (klant) {
      await berichten.plaats({
        tenantId: job.tenantId,
        ontvanger: klant,
        zaakId,
        onderwerp: 'Uw aanvraag is nog niet compleet',
        tekst: `Wij kunnen uw aanvraag nog niet beoordelen. Vul uw aanvraag uiterlijk ${einde} aan.\n${ontbrekend.join('\n')}\nTot u de aanvraag aanvult, staat de beslistermijn stil (artikel 4:15 Awb). Vult u niet aan, dan kunnen wij de aanvraag buiten behandeling laten (artikel 4:5 Awb).`,
        idempotencyKey: `${job.key}:bericht`,
      });
    }
    return { opschorting: { id: job.key, van, hersteltermijnEinde: einde } };
  },
};

export const zaakHervatten: JobHandler = {
  type: 'zaak-hervatten',
  async handle(job, { database }) {
    const zaakId = variable<string>(job, 'zaakId');
    const opschorting = variable<{ hersteltermijnEinde: string }>(job, 'opschorting');
    const verstreken = header(job, 'reden') === 'hersteltermijn-verstreken';
    const today = todayInAmsterdam(new Date());
    // An unused hersteltermijn keeps the clock still through its last day (Awb 4:15 lid 1 a).
    const tot = verstreken ? [hersteltermijnVerstreken(opschorting.hersteltermijnEinde), today].sort()[0]! : today;
    await hervatten(database.db, { tenantId: job.tenantId, zaakId, tot, actor: SYSTEEM, idempotencyKey: job.key });
    return { termijnen: await termijnenVan(database.db, zaakId, today) };
  },
};

const RESULTAAT_BIJ_REDEN: Record<string, string> = {
  'niet-toegelaten': 'niet-toegelaten',
  ingetrokken: 'ingetrokken',
  'buiten-behandeling': 'buiten-behandeling',
  afgewezen: 'afgewezen',
};

export const zaakAfsluiten: JobHandler = {
  type: 'zaak-afsluiten',
  async handle(job, { database }) {
    const reden = header(job, 'afsluitreden');
    let resultaat = RESULTAAT_BIJ_REDEN[reden] ?? reden;
    if (reden === 'traject-afgerond') resultaat = (job.variables.eindgesprek as { resultaat?: string } | undefined)?.resultaat ?? 'traject-afgerond';
    if (reden === 'bezwaar-afgehandeld') resultaat = `bezwaar-${(job.variables.beslissing as { uitkomst?: string } | undefined)?.uitkomst ?? 'afgehandeld'}`;
    await afsluiten(database.db, { tenantId: job.tenantId, zaakId: variable<string>(job, 'zaakId'), resultaat, actor: SYSTEEM, idempotencyKey: job.key });
    return {};
  },
};

export const zaakVerdagen: JobHandler = {
  type: 'zaak-verdagen',
  async handle(job, { database }) {
    const zaakId = variable<string>(job, 'zaakId');
    const termijn = header(job, 'termijn');
    const today = todayInAmsterdam(new Date());
    const exists = await database.db.selectFrom('zaak_events').select('id').where('zaak_id', '=', zaakId).where('type', '=', 'zaak.verdaagd').executeTakeFirst();
    // A retried job finds its own verdaging already recorded.
    if (!exists) {
      await verdagen(database.db, { tenantId: job.tenantId, zaakId, datum: today, termijn, reden: job.customHeaders.grondslag ?? 'Awb 7:10 lid 3', actor: SYSTEEM });
    }
    // The new date is the zaak clock's (Awb 7:10 lid 3: the term in force, which for a bezwaar ran from the end
    // of the bezwaartermijn, plus the verdaging, Atw applied once), so the diagram's due dates, the klant's
    // bericht and the zaak's uiterlijke einddatum never differ.
    const termijnen = await termijnenVan(database.db, zaakId, today);
    return { uiterlijkeEinddatum: termijnen.uiterlijkeEinddatumAfdoening, termijnen, verdaagd: true };
  },
};
