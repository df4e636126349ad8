import type { Db } from '../../server/db/database.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import type { DialectName } from '../../server/db/database.ts';
import type { BetalingJob } from '../../workers/betaling/handler.ts';

export const IBAN = {
  klant: 'NL91ABNA0417164300',
  aanbieder: 'NL20INGB0001234567',
  coach: 'NL44RABO0123456789',
  vreemd: 'NL12SNSB0123456789',
  gemeente: 'NL02ABNA0123456789',
};
export const KVK = { aanbieder: '12345678', coach: '87654321' };

export async function ensureTenant(db: Db, id: string): Promise<void> {
  const exists = await db.selectFrom('tenants').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) {
    await db
      .insertInto('tenants')
      .values({ id, naam: `Gemeente ${id}`, soort: 'gemeente', cbs_code: null, created_at: new Date().toISOString() })
      .execute();
  }
}

/**
 * A zaak with a toekenning and two verplichtingen: a course at a provider (vast) and a
 * begrotingsregel for study material the klant buys and declares.
 */
export async function zaakMetBudget(
  ledger: KyselyLedger,
  opts: { tenantId: string; zaakId: string; budget?: number; cursus?: number; materiaal?: number },
) {
  const { tenantId, zaakId } = opts;
  const toekenning = await ledger.recordToekenning({
    tenantId,
    zaakId,
    bedragCents: opts.budget ?? 425_000,
    besluitRef: `besluit-${zaakId}-1`,
    klantNaam: 'J. de Vries',
    klantIban: IBAN.klant,
  });
  const cursus = await ledger.addVerplichting({
    tenantId,
    zaakId,
    soort: 'offerte',
    omschrijving: 'Cursus heftruckchauffeur',
    payeeNaam: 'Opleidingen BV',
    iban: IBAN.aanbieder,
    kvk: KVK.aanbieder,
    bedragCents: opts.cursus ?? 200_000,
    bekostiging: 'vast',
    approvedBy: 'klantmanager-1',
  });
  const materiaal = await ledger.addVerplichting({
    tenantId,
    zaakId,
    soort: 'begrotingsregel',
    omschrijving: 'Studiemateriaal',
    payeeNaam: null,
    iban: null,
    kvk: null,
    bedragCents: opts.materiaal ?? 50_000,
    bekostiging: 'vast',
    approvedBy: 'klantmanager-1',
  });
  return { toekenning, cursus, materiaal };
}

let seq = 0;
export function jobKey(prefix = 'job'): string {
  seq += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${seq}`;
}

export function factuurJob(tenantId: string, zaakId: string, verplichtingId: string, bedragCents: number, extra: Partial<BetalingJob> = {}): BetalingJob {
  return {
    jobKey: jobKey(),
    tenantId,
    zaakId,
    soort: 'factuur',
    verplichtingId,
    bedragCents,
    begunstigde: { naam: 'Opleidingen BV', iban: IBAN.aanbieder, kvk: KVK.aanbieder },
    referentie: `F-${seq}`,
    betaalroute: 'aanbieder-factureert-gemeente',
    financieGrensCents: 250_000,
    ingediendDoor: 'klantmanager-1',
    ...extra,
  };
}

export function declaratieJob(tenantId: string, zaakId: string, verplichtingId: string, bedragCents: number, extra: Partial<BetalingJob> = {}): BetalingJob {
  return {
    jobKey: jobKey(),
    tenantId,
    zaakId,
    soort: 'declaratie',
    verplichtingId,
    bedragCents,
    begunstigde: { naam: 'J. de Vries', iban: IBAN.klant },
    referentie: `D-${seq}`,
    betaalroute: 'klant-declareert',
    financieGrensCents: 250_000,
    ingediendDoor: 'klant-1',
    ...extra,
  };
}

export function ledgerFor(db: Db, dialect: DialectName): KyselyLedger {
  return new KyselyLedger(db, dialect);
}
