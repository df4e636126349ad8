import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AanbiederFout,
  aanbiederInPool,
  aanbiedersVanZaak,
  contracteerAanbieder,
  kiesAanbieder,
  registreerResultaat,
} from '../../server/aanbieders/port.ts';
import { berekenCijfers } from '../../server/aanbieders/catalogus.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { betaalAanbieder, maakZaak, sluitZaak } from './support.ts';

const onPg = Boolean(process.env.DATABASE_URL);
let t: TestDatabase;
let ledger: KyselyLedger;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  ledger = new KyselyLedger(t.db, t.dialect);
});
afterAll(() => t?.drop());

const events = async (zaakId: string) =>
  (await t.db.selectFrom('zaak_events').select(['type', 'data']).where('zaak_id', '=', zaakId).orderBy('id').execute()).map((e) => ({
    type: e.type,
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));

async function refusal(p: Promise<unknown>): Promise<AanbiederFout> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AanbiederFout);
  return e as AanbiederFout;
}

describe(`aanbieders port (${onPg ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('one rib list: a rib UWV contracted for the iro that takes gemeente clients is in Rotterdam’s rio pool; one without that is not', async () => {
    expect(await aanbiederInPool(t.db, { tenantId: 'uwv', aanbiederId: 'demo-werkroute', regeling: 'iro' })).toBe(true);
    expect(await aanbiederInPool(t.db, { tenantId: 'rotterdam', aanbiederId: 'demo-werkroute', regeling: 'rio' })).toBe(true);
    expect(await aanbiederInPool(t.db, { tenantId: 'uwv', aanbiederId: 'demo-startpunt', regeling: 'iro' })).toBe(true);
    expect(await aanbiederInPool(t.db, { tenantId: 'rotterdam', aanbiederId: 'demo-startpunt', regeling: 'rio' })).toBe(false);
    // an ended contract and a regeling outside the contract do not count
    expect(await aanbiederInPool(t.db, { tenantId: 'uwv', aanbiederId: 'demo-vakschool', regeling: 'iro' })).toBe(false);
    expect(await aanbiederInPool(t.db, { tenantId: 'rotterdam', aanbiederId: 'demo-werkroute', regeling: 'pib' })).toBe(false);
  });

  it('choose, contract, result: each writes its zaak event; repeats change nothing; the contract returns the payee data', async () => {
    const zaakId = await maakZaak(t.db, 'uwv', 'iro');
    const keuze = { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', gekozenDoor: 'klant' as const, actor: 'klant1.uwv' };
    await Promise.all([kiesAanbieder(t.db, keuze), kiesAanbieder(t.db, keuze)]);
    await kiesAanbieder(t.db, keuze);
    const contract = { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', bedragCent: 450_000, actor: 'klantmanager.uwv' };
    const [payee] = await Promise.all([contracteerAanbieder(t.db, contract), contracteerAanbieder(t.db, contract)]);
    expect(payee).toEqual({ naam: 'Werkroute Re-integratie B.V.', kvk: '90000011', iban: expect.stringMatching(/^NL\d\dINGB\d{10}$/) });
    expect(await contracteerAanbieder(t.db, { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', bedragCent: 450_000, actor: 'x' })).toEqual(payee);
    expect((await refusal(contracteerAanbieder(t.db, { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', bedragCent: 500_000, actor: 'x' }))).code).toBe(
      'al-gecontracteerd',
    );
    const resultaat = { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', resultaat: 'geplaatst' as const, actor: 'klantmanager.uwv' };
    await Promise.all([registreerResultaat(t.db, resultaat), registreerResultaat(t.db, resultaat)]);
    const anders = await refusal(registreerResultaat(t.db, { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', resultaat: 'niet-geplaatst', actor: 'x' }));
    expect(anders.code).toBe('resultaat-al-vastgelegd');

    expect((await events(zaakId)).map((e) => e.type)).toEqual(['zaak.aanbieder-gekozen', 'zaak.aanbieder-gecontracteerd', 'zaak.aanbieder-resultaat']);
    const [rij] = await aanbiedersVanZaak(t.db, { tenantId: 'uwv', zaakId });
    expect(rij).toMatchObject({ status: 'beeindigd', resultaat: 'geplaatst', gekozen_door: 'klant' });
    expect(Number(rij!.bedrag_cents)).toBe(450_000);
  });

  it('refuses in Dutch and writes nothing: not in the pool, not chosen, not contracted, unknown, another tenant’s zaak', async () => {
    const zaakId = await maakZaak(t.db, 'rotterdam', 'rio');
    const nietInPool = await refusal(kiesAanbieder(t.db, { tenantId: 'rotterdam', zaakId, aanbiederId: 'demo-startpunt', gekozenDoor: 'klantmanager', actor: 'km' }));
    expect(nietInPool.code).toBe('niet-in-pool');
    expect(nietInPool.message).toMatch(/Startpunt Werk & Welzijn hoort \(nog\) niet bij de aanbieders/);
    expect((await refusal(kiesAanbieder(t.db, { tenantId: 'rotterdam', zaakId, aanbiederId: 'bestaat-niet', gekozenDoor: 'klant', actor: 'k' }))).code).toBe('onbekend');
    expect((await refusal(contracteerAanbieder(t.db, { tenantId: 'rotterdam', zaakId, aanbiederId: 'demo-havenwerk', bedragCent: 1000, actor: 'k' }))).code).toBe(
      'niet-gekozen',
    );
    expect((await refusal(contracteerAanbieder(t.db, { tenantId: 'rotterdam', zaakId, aanbiederId: 'demo-havenwerk', bedragCent: 0, actor: 'k' }))).code).toBe(
      'ongeldig-bedrag',
    );
    expect((await refusal(registreerResultaat(t.db, { tenantId: 'rotterdam', zaakId, aanbiederId: 'demo-havenwerk', resultaat: 'geplaatst', actor: 'k' }))).code).toBe(
      'niet-gecontracteerd',
    );
    // UWV cannot touch Rotterdam's zaak even with a rib both share
    await expect(kiesAanbieder(t.db, { tenantId: 'uwv', zaakId, aanbiederId: 'demo-werkroute', gekozenDoor: 'klant', actor: 'k' })).rejects.toMatchObject({ status: 404 });
    expect(await events(zaakId)).toEqual([]);
    expect(await aanbiedersVanZaak(t.db, { tenantId: 'rotterdam', zaakId })).toEqual([]);

    // a pib duaal programme: two providers on one zaak
    const pib = await maakZaak(t.db, 'rotterdam', 'pib');
    await kiesAanbieder(t.db, { tenantId: 'rotterdam', zaakId: pib, aanbiederId: 'demo-taalhuis', gekozenDoor: 'klant', actor: 'k' });
    await kiesAanbieder(t.db, { tenantId: 'rotterdam', zaakId: pib, aanbiederId: 'demo-havenwerk', gekozenDoor: 'klant', actor: 'k' });
    expect((await aanbiedersVanZaak(t.db, { tenantId: 'rotterdam', zaakId: pib })).map((r) => r.aanbieder_id).sort()).toEqual(['demo-havenwerk', 'demo-taalhuis']);
  });

  it('a contract that ended after the choice blocks contracting (the pool is checked again)', async () => {
    const zaakId = await maakZaak(t.db, 'groningen', 'prb');
    await kiesAanbieder(t.db, { tenantId: 'groningen', zaakId, aanbiederId: 'demo-jobcoach-noord', gekozenDoor: 'klant', actor: 'k' });
    await t.db.updateTable('aanbieder_contracten').set({ status: 'beeindigd' }).where('tenant_id', '=', 'groningen').where('aanbieder_id', '=', 'demo-jobcoach-noord').execute();
    expect((await refusal(contracteerAanbieder(t.db, { tenantId: 'groningen', zaakId, aanbiederId: 'demo-jobcoach-noord', bedragCent: 1000, actor: 'k' }))).code).toBe(
      'niet-in-pool',
    );
    await t.db.updateTable('aanbieder_contracten').set({ status: 'in-pool' }).where('tenant_id', '=', 'groningen').where('aanbieder_id', '=', 'demo-jobcoach-noord').execute();
  });

  it('figures come from closed zaken of the tenant only, with the average of what the ledger paid to the aanbieder', async () => {
    const T = 'breda';
    await t.db
      .insertInto('aanbieder_contracten')
      .values({
        aanbieder_id: 'demo-werkroute',
        tenant_id: T,
        regelingen: JSON.stringify(['prb']),
        status: 'in-pool',
        gemeenteklanten: 0,
        sinds: '2026-01-01',
        tot: null,
        voorgesteld_door: null,
        voorgesteld_voor_zaak: null,
        toelichting: null,
        beoordeeld_door: null,
        beoordeeld_at: null,
        reden: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const payee = await (async () => {
      const a = await t.db.selectFrom('aanbieders').selectAll().where('id', '=', 'demo-werkroute').executeTakeFirstOrThrow();
      return { naam: a.naam, iban: a.iban, kvk: a.kvk };
    })();
    const plan: { resultaat: 'geplaatst' | 'niet-geplaatst' | 'voortijdig-gestopt' | null; betaald: number[]; gesloten: boolean; open?: number[] }[] = [
      { resultaat: 'geplaatst', betaald: [150_000, 250_000], gesloten: true },
      { resultaat: 'geplaatst', betaald: [300_000], gesloten: true },
      { resultaat: 'niet-geplaatst', betaald: [100_000], gesloten: true },
      { resultaat: 'voortijdig-gestopt', betaald: [], gesloten: true },
      // still running: counts for nothing yet, whatever it paid
      { resultaat: 'geplaatst', betaald: [999_900], gesloten: false },
      // contracted but no result recorded: not a completed traject
      { resultaat: null, betaald: [50_000], gesloten: true },
    ];
    for (const p of plan) {
      const zaakId = await maakZaak(t.db, T, 'prb');
      await kiesAanbieder(t.db, { tenantId: T, zaakId, aanbiederId: 'demo-werkroute', gekozenDoor: 'klant', actor: 'k' });
      await contracteerAanbieder(t.db, { tenantId: T, zaakId, aanbiederId: 'demo-werkroute', bedragCent: 500_000, actor: 'km' });
      if (p.betaald.length) await betaalAanbieder(ledger, T, zaakId, payee, p.betaald);
      if (p.resultaat) await registreerResultaat(t.db, { tenantId: T, zaakId, aanbiederId: 'demo-werkroute', resultaat: p.resultaat, actor: 'km' });
      if (p.gesloten) await sluitZaak(t.db, zaakId);
    }
    // an approved but unpaid invoice is not a cost yet
    const extra = await maakZaak(t.db, T, 'prb');
    await kiesAanbieder(t.db, { tenantId: T, zaakId: extra, aanbiederId: 'demo-werkroute', gekozenDoor: 'klant', actor: 'k' });
    await contracteerAanbieder(t.db, { tenantId: T, zaakId: extra, aanbiederId: 'demo-werkroute', bedragCent: 500_000, actor: 'km' });
    await betaalAanbieder(ledger, T, extra, payee, [70_000], 'goedgekeurd');
    await registreerResultaat(t.db, { tenantId: T, zaakId: extra, aanbiederId: 'demo-werkroute', resultaat: 'afgerond', actor: 'km' });
    await sluitZaak(t.db, extra);

    const gesloten = await t.db
      .selectFrom('zaak_aanbieders as za')
      .innerJoin('zaken as z', 'z.id', 'za.zaak_id')
      .select(['za.resultaat'])
      .where('za.tenant_id', '=', T)
      .where('z.status', '=', 'afgesloten')
      .where('za.resultaat', 'is not', null)
      .execute();
    expect(gesloten).toHaveLength(5);

    const a = await t.db.selectFrom('aanbieders').select(['id', 'kvk', 'iban']).where('id', '=', 'demo-werkroute').executeTakeFirstOrThrow();
    const breda = (await berekenCijfers(t.db, T, [a])).get('demo-werkroute');
    // paid on the 5 closed trajecten: 150k + 250k + 300k + 100k + 0 + 0 (approved, unpaid) = 800k → 160k each
    expect(breda).toEqual({
      trajecten: 5,
      geplaatst: 2,
      afgerond: 1,
      nietGeplaatst: 1,
      voortijdigGestopt: 1,
      percentageGeplaatst: 40,
      gemiddeldeKostenCents: 160_000,
      perRegeling: [{ regeling: 'prb', trajecten: 5, geplaatst: 2 }],
    });
    // UWV's own figures for the same rib know nothing of Breda's zaken (and UWV has none closed)
    expect((await berekenCijfers(t.db, 'uwv', [a])).get('demo-werkroute')).toMatchObject({ trajecten: 0, percentageGeplaatst: null, gemiddeldeKostenCents: null });
  });
});
