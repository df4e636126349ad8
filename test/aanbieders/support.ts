import type { Db } from '../../server/db/database.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import type { Regeling } from '../../server/zaken/tables.ts';
import { insertZaak } from '../support/zaak-rows.ts';

let seq = 0;

/** A zaak row for a klant of the tenant, as start-zaak leaves it (the process itself is not needed here). */
export async function maakZaak(db: Db, tenantId: string, regeling: Regeling, klantUsername = `klant1.${tenantId}`): Promise<string> {
  seq++;
  const klant = await db
    .selectFrom('users')
    .select('klant_id as id')
    .where('username', '=', klantUsername)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return insertZaak(db, {
    tenantId,
    regeling,
    klantId: klant.id!,
    identificatie: `T-${regeling}-${process.pid}-${seq}`,
    startdatum: '2026-03-01',
    servicenorm: 'P8W',
  });
}

export async function sluitZaak(db: Db, zaakId: string): Promise<void> {
  await db.updateTable('zaken').set({ status: 'afgesloten', einddatum: '2026-10-01' }).where('id', '=', zaakId).execute();
}

/**
 * Pays `bedragen` to the aanbieder through the ledger (toekenning, contract verplichting, factuur,
 * batch, paid), as a pib/iro process would after contracteerAanbieder.
 */
export async function betaalAanbieder(
  ledger: KyselyLedger,
  tenantId: string,
  zaakId: string,
  payee: { naam: string; iban: string; kvk: string },
  bedragen: number[],
  status: 'betaald' | 'goedgekeurd' = 'betaald',
): Promise<void> {
  const totaal = bedragen.reduce((s, b) => s + b, 0);
  await ledger.recordToekenning({ tenantId, zaakId, bedragCents: totaal + 100_000, besluitRef: `b-${zaakId}` });
  const v = await ledger.addVerplichting({
    tenantId,
    zaakId,
    soort: 'contract',
    omschrijving: `Traject ${payee.naam}`,
    payeeNaam: payee.naam,
    iban: payee.iban,
    kvk: payee.kvk,
    bedragCents: totaal,
    bekostiging: 'vast',
    approvedBy: 'klantmanager',
  });
  for (const bedrag of bedragen) {
    seq++;
    await betaling(
      {
        jobKey: `aanb-${process.pid}-${seq}-${Date.now()}`,
        tenantId,
        zaakId,
        soort: 'factuur',
        verplichtingId: v.id,
        bedragCents: bedrag,
        begunstigde: payee,
        referentie: `F-${seq}`,
        betaalroute: 'aanbieder-factureert-gemeente',
        financieGrensCents: 10_000_000,
        ingediendDoor: 'klantmanager',
      },
      { ledger },
    );
  }
  if (status === 'betaald') {
    const batch = await ledger.createBatch({ tenantId, createdBy: 'financieel', uitvoeringsdatum: '2026-10-01' });
    if (batch) await ledger.markBatchBetaald(tenantId, batch.batch.id);
  }
}
