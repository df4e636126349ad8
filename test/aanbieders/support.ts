import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/database.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import type { Regeling } from '../../server/zaken/tables.ts';

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
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('zaken')
    .values({
      id,
      identificatie: `T-${regeling}-${process.pid}-${seq}`,
      tenant_id: tenantId,
      regeling,
      klant_id: klant.id!,
      hoofdzaak_id: null,
      bpmn_process_id: regeling,
      process_instance_key: null,
      policy_id: null,
      status: 'in-behandeling',
      doorlooptijd: 'P8W',
      servicenorm: 'P8W',
      startdatum: '2026-03-01',
      einddatum: null,
      resultaat: null,
      created_by: 'test',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
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
