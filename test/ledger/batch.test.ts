import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../server/db/database.ts';
import { KyselyLedger, type BatchOpdracht } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import { buildPain001, overboekingenVoor, SepaFout } from '../../workers/sepa/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { IBAN, declaratieJob, ensureTenant, factuurJob, zaakMetBudget } from './fixtures.ts';

const onPg = Boolean(process.env.DATABASE_URL);
let t: TestDatabase;
let second: Database | undefined;
let ledger: KyselyLedger;

beforeAll(async () => {
  t = await createTestDatabase();
  ledger = new KyselyLedger(t.db, t.dialect);
  for (const id of ['almere', 'delft', 'utrecht']) await ensureTenant(t.db, id);
  if (onPg) second = createDatabase({ databaseUrl: t.databaseUrl });
});
afterAll(async () => {
  await second?.close();
  await t?.drop();
});

const sepa =
  (iban = IBAN.gemeente): BatchOpdracht['pain001'] =>
  (batch, betalingen) =>
    buildPain001({
      messageId: batch.messageId,
      uitvoeringsdatum: batch.uitvoeringsdatum,
      opdrachtgever: { naam: 'Gemeente Almere', iban, bic: 'ABNANL2A' },
      overboekingen: overboekingenVoor(betalingen),
    }).xml;

describe(`batches (${onPg ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('collects approved payments once, with their pain.001; proposals wait for finance', async () => {
    const T = 'almere';
    const { cursus, materiaal } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-b1' });
    const f1 = await betaling(factuurJob(T, 'z-b1', cursus.id, 80_000), { ledger });
    const d1 = await betaling(declaratieJob(T, 'z-b1', materiaal.id, 4_599), { ledger });
    const groot = await betaling(factuurJob(T, 'z-b1', cursus.id, 100_000, { financieGrensCents: 90_000 }), { ledger });
    await betaling(factuurJob(T, 'z-b1', cursus.id, 999_999), { ledger }); // refused
    expect(groot.status).toBe('voorgesteld');

    // a broken gemeente IBAN: no batch, nothing changes status
    await expect(ledger.createBatch({ tenantId: T, createdBy: 'fin-1', uitvoeringsdatum: '2026-03-02', pain001: sepa('NL00ABNA0000000000') })).rejects.toBeInstanceOf(SepaFout);
    expect((await ledger.getBetaling(T, f1.betalingId!))?.status).toBe('goedgekeurd');

    const eerste = await ledger.createBatch({ tenantId: T, createdBy: 'fin-1', uitvoeringsdatum: '2026-03-02', pain001: sepa() });
    expect(eerste).not.toBeNull();
    expect(eerste!.batch).toMatchObject({ aantal: 2, totaalCents: 84_599, createdBy: 'fin-1' });
    expect(eerste!.betalingen.map((b) => b.id).sort()).toEqual([f1.betalingId, d1.betalingId].sort());
    expect(eerste!.batch.pain001).toContain('<CtrlSum>845.99</CtrlSum>');
    expect(eerste!.batch.pain001).toContain(`<MsgId>${eerste!.batch.messageId}</MsgId>`);
    expect(eerste!.batch.messageId.length).toBeLessThanOrEqual(35);

    // nothing new approved: no batch
    expect(await ledger.createBatch({ tenantId: T, createdBy: 'fin-1', uitvoeringsdatum: '2026-03-02' })).toBeNull();
    await ledger.approveBetaling(T, groot.betalingId!, 'fin-2');
    const tweede = await ledger.createBatch({ tenantId: T, createdBy: 'fin-1', uitvoeringsdatum: '2026-03-03', pain001: sepa() });
    expect(tweede!.betalingen.map((b) => b.id)).toEqual([groot.betalingId]);

    // in a batch: no longer refusable; after the bank: betaald
    await expect(ledger.rejectBetaling(T, f1.betalingId!, 'fin-1', 'te laat')).rejects.toMatchObject({ code: 'BETALING_NIET_AF_TE_WIJZEN' });
    await ledger.markBatchBetaald(T, eerste!.batch.id);
    await ledger.markBatchBetaald(T, eerste!.batch.id);
    expect((await ledger.getBatch(T, eerste!.batch.id))!.betalingen.map((b) => b.status)).toEqual(['betaald', 'betaald']);
    expect(await ledger.budgetOverzicht(T, 'z-b1')).toMatchObject({ betaaldCents: 84_599, gereserveerdCents: 184_599 });
    // another tenant cannot see or settle it
    expect(await ledger.getBatch('delft', eerste!.batch.id)).toBeUndefined();
    await expect(ledger.markBatchBetaald('delft', eerste!.batch.id)).rejects.toMatchObject({ code: 'BATCH_NIET_GEVONDEN' });
  });

  it('a batch only takes its own tenant’s payments', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: 'delft', zaakId: 'z-d1' });
    await betaling(factuurJob('delft', 'z-d1', cursus.id, 1_000), { ledger });
    const b = await ledger.createBatch({ tenantId: 'utrecht', createdBy: 'fin', uitvoeringsdatum: '2026-03-02' });
    expect(b).toBeNull();
    expect((await ledger.createBatch({ tenantId: 'delft', createdBy: 'fin', uitvoeringsdatum: '2026-03-02' }))!.batch.aantal).toBe(1);
  });

  it('concurrent batch runs never put a payment in two batches', async () => {
    const T = 'utrecht';
    const ids: string[] = [];
    for (let z = 0; z < 5; z++) {
      const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: `z-u${z}` });
      for (let i = 0; i < 8; i++) ids.push((await betaling(factuurJob(T, `z-u${z}`, cursus.id, 1_000 + i), { ledger })).betalingId!);
    }
    const other = second ? new KyselyLedger(second.db, 'postgres') : ledger;
    const runs = await Promise.allSettled([
      ledger.createBatch({ tenantId: T, createdBy: 'a', uitvoeringsdatum: '2026-03-02', maxAantal: 15 }),
      other.createBatch({ tenantId: T, createdBy: 'b', uitvoeringsdatum: '2026-03-02', maxAantal: 15 }),
      ledger.createBatch({ tenantId: T, createdBy: 'c', uitvoeringsdatum: '2026-03-02', maxAantal: 15 }),
    ]);
    const inBatches = runs.flatMap((r) => (r.status === 'fulfilled' && r.value ? r.value.betalingen.map((b) => b.id) : []));
    expect(new Set(inBatches).size).toBe(inBatches.length);
    const rows = await Promise.all(ids.map((id) => ledger.getBetaling(T, id)));
    for (const r of rows) {
      if (r!.status === 'in-batch') expect(inBatches).toContain(r!.id);
      else expect(r!.status).toBe('goedgekeurd');
    }
    expect(rows.filter((r) => r!.status === 'in-batch')).toHaveLength(inBatches.length);
    // what is left goes into a later batch
    const rest = await ledger.createBatch({ tenantId: T, createdBy: 'd', uitvoeringsdatum: '2026-03-02' });
    expect(inBatches.length + (rest?.betalingen.length ?? 0)).toBe(40);
  });
});
