import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyLedger, LedgerFout } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import { IdempotencyConflictError } from '../../workers/betaling/port.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { IBAN, KVK, declaratieJob, ensureTenant, factuurJob, zaakMetBudget } from './fixtures.ts';

let t: TestDatabase;
let ledger: KyselyLedger;
const T = 'almere';
const label = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';

beforeAll(async () => {
  t = await createTestDatabase();
  ledger = new KyselyLedger(t.db, t.dialect);
  await ensureTenant(t.db, T);
  await ensureTenant(t.db, 'breda');
});
afterAll(() => t?.drop());

describe(`ledger: payment rules on the database (${label})`, () => {
  it('books an invoice within budget and refuses one that would exceed the toekenning', async () => {
    await ledger.recordToekenning({ tenantId: T, zaakId: 'z-budget', bedragCents: 200_000, besluitRef: 'b-budget' });
    const cursus = await ledger.addVerplichting({
      tenantId: T, zaakId: 'z-budget', soort: 'offerte', omschrijving: 'Cursus', payeeNaam: 'Opleidingen BV',
      iban: IBAN.aanbieder, kvk: KVK.aanbieder, bedragCents: 200_000, bekostiging: 'vast', approvedBy: 'km',
    });
    const eerst = await betaling(factuurJob(T, 'z-budget', cursus.id, 150_000), { ledger });
    expect(eerst).toMatchObject({ uitkomst: 'gereserveerd', status: 'goedgekeurd', herhaald: false });
    const teveel = await betaling(factuurJob(T, 'z-budget', cursus.id, 50_001), { ledger });
    expect(teveel.uitkomst).toBe('geweigerd');
    expect(teveel.redenCode).toBe('BOVEN_BUDGET');
    expect(teveel.reden).toContain('€ 500,00');
    // exactly the rest still fits
    const rest = await betaling(factuurJob(T, 'z-budget', cursus.id, 50_000), { ledger });
    expect(rest.uitkomst).toBe('gereserveerd');
    expect(await ledger.budgetOverzicht(T, 'z-budget')).toEqual({
      toegekendCents: 200_000,
      gereserveerdCents: 200_000,
      betaaldCents: 0,
      beschikbaarCents: 0,
    });
  });

  it('refuses a verplichting that would commit more than the toekenning', async () => {
    await ledger.recordToekenning({ tenantId: T, zaakId: 'z-plan', bedragCents: 100_000, besluitRef: 'b-plan' });
    await expect(
      ledger.addVerplichting({
        tenantId: T,
        zaakId: 'z-plan',
        soort: 'offerte',
        omschrijving: 'Te dure cursus',
        payeeNaam: 'Opleidingen BV',
        iban: IBAN.aanbieder,
        kvk: KVK.aanbieder,
        bedragCents: 100_001,
        bekostiging: 'vast',
        approvedBy: 'km',
      }),
    ).rejects.toMatchObject({ code: 'VERPLICHTING_GEWEIGERD', detail: 'BOVEN_BUDGET' });
  });

  it('refuses a payee that is not in the plan (unknown IBAN, or a KvK that does not match)', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-payee' });
    const vreemd = await betaling(
      factuurJob(T, 'z-payee', cursus.id, 10_000, { begunstigde: { naam: 'Snelle Jongens BV', iban: IBAN.vreemd } }),
      { ledger },
    );
    expect(vreemd).toMatchObject({ uitkomst: 'geweigerd', redenCode: 'BEGUNSTIGDE_NIET_IN_PLAN' });
    expect(vreemd.reden).toMatch(/Snelle Jongens BV .* niet als aanbieder in het goedgekeurde plan/);
    const andereKvk = await betaling(
      factuurJob(T, 'z-payee', cursus.id, 10_000, { begunstigde: { naam: 'Opleidingen BV', iban: IBAN.aanbieder, kvk: KVK.coach } }),
      { ledger },
    );
    expect(andereKvk.redenCode).toBe('BEGUNSTIGDE_NIET_IN_PLAN');
    const onbekend = await betaling(factuurJob(T, 'z-payee', 'bestaat-niet', 10_000), { ledger });
    expect(onbekend.redenCode).toBe('ONBEKENDE_VERPLICHTING');
    // refused payments are remembered but reserve nothing
    expect((await ledger.budgetOverzicht(T, 'z-payee')).gereserveerdCents).toBe(0);
    const rows = (await ledger.readZaak(T, 'z-payee')).betalingen;
    expect(rows.map((b) => b.status)).toEqual(['afgewezen', 'afgewezen', 'afgewezen']);
  });

  it('pays the klant only for a declaratie, and only under the route klant-declareert', async () => {
    const { cursus, materiaal } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-klant' });
    const factuurAanKlant = await betaling(
      factuurJob(T, 'z-klant', cursus.id, 10_000, { begunstigde: { naam: 'J. de Vries', iban: IBAN.klant } }),
      { ledger },
    );
    expect(factuurAanKlant.redenCode).toBe('KLANT_ALLEEN_DECLARATIE');
    const verkeerdeRoute = await betaling(declaratieJob(T, 'z-klant', materiaal.id, 10_000, { betaalroute: 'aanbieder-factureert-gemeente' }), { ledger });
    expect(verkeerdeRoute.redenCode).toBe('DECLARATIE_NIET_TOEGESTAAN');
    const andereRekening = await betaling(
      declaratieJob(T, 'z-klant', materiaal.id, 10_000, { begunstigde: { naam: 'J. de Vries', iban: IBAN.vreemd } }),
      { ledger },
    );
    expect(andereRekening.redenCode).toBe('DECLARATIE_NIET_AAN_KLANT');
    const ok = await betaling(declaratieJob(T, 'z-klant', materiaal.id, 12_345, { begunstigde: { naam: 'J. de Vries', iban: 'nl91 abna 0417 1643 00' } }), { ledger });
    expect(ok).toMatchObject({ uitkomst: 'gereserveerd', status: 'goedgekeurd' });
    const stored = await ledger.getBetaling(T, ok.betalingId!);
    expect(stored).toMatchObject({ iban: IBAN.klant, soort: 'declaratie', bedragCents: 12_345, approvedBy: 'systeem' });
  });

  it('refuses a klant as provider of a verplichting', async () => {
    await ledger.recordToekenning({ tenantId: T, zaakId: 'z-klantplan', bedragCents: 100_000, besluitRef: 'b', klantIban: IBAN.klant });
    await expect(
      ledger.addVerplichting({
        tenantId: T, zaakId: 'z-klantplan', soort: 'offerte', omschrijving: 'Eigen uren', payeeNaam: 'J. de Vries',
        iban: IBAN.klant, kvk: null, bedragCents: 1000, bekostiging: 'vast', approvedBy: 'km',
      }),
    ).rejects.toMatchObject({ detail: 'KLANT_ALLEEN_DECLARATIE' });
  });

  it('same job key twice: one row, the second call returns the first result', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-idem' });
    const job = factuurJob(T, 'z-idem', cursus.id, 40_000);
    const eerste = await betaling(job, { ledger });
    const tweede = await betaling({ ...job }, { ledger });
    expect(tweede).toEqual({ ...eerste, herhaald: true });
    expect((await ledger.readZaak(T, 'z-idem')).betalingen).toHaveLength(1);
    // concurrently as well
    const job2 = factuurJob(T, 'z-idem', cursus.id, 1_000);
    const [a, b] = await Promise.all([betaling(job2, { ledger }), betaling({ ...job2 }, { ledger })]);
    expect(a.betalingId).toBe(b.betalingId);
    expect([a.herhaald, b.herhaald].sort()).toEqual([false, true]);
    expect((await ledger.readZaak(T, 'z-idem')).betalingen).toHaveLength(2);
    // a refusal is remembered too
    const weiger = factuurJob(T, 'z-idem', cursus.id, 9_999_999);
    const w1 = await betaling(weiger, { ledger });
    const w2 = await betaling(weiger, { ledger });
    expect(w2).toEqual({ ...w1, herhaald: true });
    // the same key with another amount is a conflict, never a second payment
    await expect(betaling({ ...job, bedragCents: 41_000 }, { ledger })).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await ledger.readZaak(T, 'z-idem')).betalingen).toHaveLength(3);
  });

  it('refuses the same invoice number twice for a verplichting', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-dubbel' });
    expect((await betaling(factuurJob(T, 'z-dubbel', cursus.id, 10_000, { referentie: 'F-2026-001' }), { ledger })).uitkomst).toBe('gereserveerd');
    const again = await betaling(factuurJob(T, 'z-dubbel', cursus.id, 10_000, { referentie: 'F-2026-001' }), { ledger });
    expect(again.redenCode).toBe('DUBBELE_FACTUUR');
  });

  it('above the threshold finance must approve; four eyes; a refusal releases the budget', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-fin' });
    const groot = await betaling(factuurJob(T, 'z-fin', cursus.id, 150_000, { financieGrensCents: 100_000, ingediendDoor: 'km-1' }), { ledger });
    expect(groot).toMatchObject({ uitkomst: 'gereserveerd', status: 'voorgesteld', financieGoedkeuringNodig: true });
    // a proposal reserves budget: the rest of the course (50,000) still fits, more does not
    expect((await betaling(factuurJob(T, 'z-fin', cursus.id, 50_001), { ledger })).redenCode).toBe('BOVEN_VERPLICHTING');
    await expect(ledger.approveBetaling(T, groot.betalingId!, 'km-1')).rejects.toMatchObject({ code: 'VIER_OGEN' });
    await expect(ledger.approveBetaling('breda', groot.betalingId!, 'fin-1')).rejects.toMatchObject({ code: 'BETALING_NIET_GEVONDEN' });
    const ok = await ledger.approveBetaling(T, groot.betalingId!, 'fin-1');
    expect(ok).toMatchObject({ status: 'goedgekeurd', approvedBy: 'fin-1' });
    expect((await ledger.approveBetaling(T, groot.betalingId!, 'fin-1')).status).toBe('goedgekeurd');

    const tweede = await betaling(factuurJob(T, 'z-fin', cursus.id, 40_000, { financieGrensCents: 10_000 }), { ledger });
    expect(tweede.status).toBe('voorgesteld');
    const af = await ledger.rejectBetaling(T, tweede.betalingId!, 'fin-1', 'factuur niet gespecificeerd');
    expect(af).toMatchObject({ status: 'afgewezen', redenCode: 'GEWEIGERD_DOOR_FINANCIEN' });
    expect((await ledger.budgetOverzicht(T, 'z-fin')).gereserveerdCents).toBe(150_000);
    await expect(ledger.approveBetaling(T, tweede.betalingId!, 'fin-2')).rejects.toBeInstanceOf(LedgerFout);
  });

  it('no cure less pay: start share now, the rest on "werk gevonden", summing exactly to the contract', async () => {
    await ledger.recordToekenning({ tenantId: T, zaakId: 'z-nclp', bedragCents: 500_000, besluitRef: 'b-nclp', klantIban: IBAN.klant });
    const contract = await ledger.addVerplichting({
      tenantId: T, zaakId: 'z-nclp', soort: 'contract', omschrijving: 'Traject hoofdaannemer', payeeNaam: 'Coach & Co',
      iban: IBAN.coach, kvk: KVK.coach, bedragCents: 333_333, bekostiging: 'no-cure-less-pay', startAandeelBp: 3333, approvedBy: 'km',
    });
    const job = (termijn: 'start' | 'resultaat', bedragCents: number, werkGevonden?: boolean) =>
      factuurJob(T, 'z-nclp', contract.id, bedragCents, {
        soort: 'termijn', termijn, werkGevonden, begunstigde: { naam: 'Coach & Co', iban: IBAN.coach, kvk: KVK.coach }, financieGrensCents: 1_000_000,
      });
    // 333,333 × 33.33% = 111,099.88… → 111,099 now, 222,234 on the result
    expect((await betaling(factuurJob(T, 'z-nclp', contract.id, 1000, { begunstigde: { naam: 'Coach & Co', iban: IBAN.coach } }), { ledger })).redenCode).toBe('TERMIJN_VEREIST');
    expect((await betaling(job('start', 111_100), { ledger })).redenCode).toBe('TERMIJN_ONGELDIG');
    expect((await betaling(job('start', 111_099), { ledger })).uitkomst).toBe('gereserveerd');
    expect((await betaling(job('start', 111_099), { ledger })).redenCode).toBe('TERMIJN_AL_BETAALD');
    expect((await betaling(job('resultaat', 222_234), { ledger })).redenCode).toBe('RESULTAAT_NIET_BEHAALD');
    expect((await betaling(job('resultaat', 222_234, true), { ledger })).uitkomst).toBe('gereserveerd');
    const paid = (await ledger.readZaak(T, 'z-nclp')).betalingen.filter((b) => b.status !== 'afgewezen');
    expect(paid.reduce((s, b) => s + b.bedragCents, 0)).toBe(333_333);
  });

  it('a later besluit replaces the toekenning and keeps history; never below what is reserved', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-bezwaar', budget: 300_000 });
    await betaling(factuurJob(T, 'z-bezwaar', cursus.id, 120_000), { ledger });
    await expect(
      ledger.recordToekenning({ tenantId: T, zaakId: 'z-bezwaar', bedragCents: 119_999, besluitRef: 'bezwaar-1' }),
    ).rejects.toMatchObject({ code: 'TOEKENNING_ONDER_GERESERVEERD' });
    const nieuw = await ledger.recordToekenning({ tenantId: T, zaakId: 'z-bezwaar', bedragCents: 500_000, besluitRef: 'bezwaar-2', klantIban: IBAN.klant });
    expect((await ledger.recordToekenning({ tenantId: T, zaakId: 'z-bezwaar', bedragCents: 500_000, besluitRef: 'bezwaar-2' })).id).toBe(nieuw.id);
    const historie = await ledger.toekenningHistorie(T, 'z-bezwaar');
    expect(historie.map((h) => [h.besluitRef, h.bedragCents])).toEqual([
      ['besluit-z-bezwaar-1', 300_000],
      ['bezwaar-2', 500_000],
    ]);
    expect((await ledger.readZaak(T, 'z-bezwaar')).toekenning?.id).toBe(nieuw.id);
    expect((await ledger.budgetOverzicht(T, 'z-bezwaar')).beschikbaarCents).toBe(380_000);
  });

  it('is tenant-scoped: another tenant sees no toekenning and cannot pay from it', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-tenant' });
    expect((await ledger.readZaak('breda', 'z-tenant')).toekenning).toBeNull();
    const r = await betaling(factuurJob('breda', 'z-tenant', cursus.id, 1_000), { ledger });
    expect(r.redenCode).toBe('GEEN_TOEKENNING');
  });

  it('refuses malformed amounts and IBANs before touching the ledger', async () => {
    const { cursus } = await zaakMetBudget(ledger, { tenantId: T, zaakId: 'z-vorm' });
    for (const bedragCents of [0, -5, 10.5, Number.NaN]) {
      const r = await betaling(factuurJob(T, 'z-vorm', cursus.id, bedragCents), { ledger });
      expect(r).toMatchObject({ uitkomst: 'geweigerd', redenCode: 'BEDRAG_ONGELDIG', betalingId: null });
    }
    const r = await betaling(factuurJob(T, 'z-vorm', cursus.id, 100, { begunstigde: { naam: 'X', iban: 'NL00ABNA0000000000' } }), { ledger });
    expect(r.redenCode).toBe('IBAN_ONGELDIG');
    expect((await ledger.readZaak(T, 'z-vorm')).betalingen).toHaveLength(0);
  });
});
