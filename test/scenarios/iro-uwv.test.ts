import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, doTask, procesVariabelen, TODAY, until, zaak, type Accounts } from './prb-support.ts';
import { afgesloten, catalogMetKortePlaatsingsduur, geplaatst, goedkeuren, iroAanmelding, start, totUitvoering, zaakAanbieders } from './iro-support.ts';

let srv: TestServer;
let a: Accounts;
beforeAll(async () => {
  srv = await startTestServer({ catalog: catalogMetKortePlaatsingsduur() });
  a = await accounts(srv, 'uwv');
});
afterAll(() => srv?.stop());

const afstand = (trajectindicatie: string) => ({
  afstand: { uitkering: 'WW', casemanager: 'werkcoach', trajectindicatie, lopendTraject: 'nee', toelichting: 'Na het eerste gesprek en het werkplan.' },
});
const voorlichting = { voorlichting: { datum: TODAY, gegevenDoor: 'werkcoach', klantKiestIro: true, toelichting: '' } };

async function ribGekozen(id: string) {
  await doTask(a.km, id, 'AfstandBepalen', afstand('volledig-traject'));
  await doTask(a.km, id, 'Voorlichting', voorlichting);
  await doTask(a.klant, id, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute', motivatie: 'Goede cijfers in de gids.' } });
}

describe('iro (UWV): only with a full traject indicated', () => {
  it('refuses with coded reason IRO_GEEN_VOLLEDIG_TRAJECT when UWV indicates less, in a beschikking', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding());
    await doTask(a.km, id, 'AfstandBepalen', afstand('beperkte-ondersteuning'));
    const z = await afgesloten(a.klant, id);
    expect(z.resultaat).toBe('niet-toegelaten');
    expect(z.documenten.some((d) => d.soort === 'beschikking')).toBe(true);
    expect(z.bezwaar?.mogelijk).toBe(true);
    const v = await procesVariabelen(srv, id);
    expect((v.besluit as { gronden: { code: string }[] }).gronden.map((g) => g.code)).toEqual(['IRO_GEEN_VOLLEDIG_TRAJECT']);
    expect(z.budget?.toegekendCents ?? 0).toBe(0);
  });
});

describe('iro (UWV): the klant chooses the rib, UWV contracts it, no cure less pay', () => {
  it('pays the start part at the start and the result part after a placement that lasted six months', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding());
    const z = await totUitvoering(a, id, () => ribGekozen(id));
    expect(z.budget).toMatchObject({ toegekendCents: 500_000, gereserveerdCents: 250_000 });
    // Who wrote the plan is recorded with the plan check (seed-000 L1202–1204).
    expect((await procesVariabelen(srv, id)).planToets).toMatchObject({ opgesteldDoor: 'samen', prijsCent: 500_000, plafondCent: 500_000 });
    expect(await zaakAanbieders(srv, id)).toEqual([expect.objectContaining({ aanbieder_id: 'demo-werkroute', status: 'gecontracteerd', gekozen_door: 'klant', bedrag_cents: 500_000 })]);

    await doTask(a.km, id, 'TrajectVolgen', geplaatst);
    await doTask(a.km, id, 'PlaatsingControleren', { plaatsingControle: { nogInDienst: 'ja', controledatum: TODAY, toelichting: 'Vast contract, nog in dienst.' } });
    await doTask(a.fin, id, 'ResultaatGoedkeuren', goedkeuren);
    const klaar = await afgesloten(a.km, id);
    expect(klaar.resultaat).toBe('geplaatst');
    expect(klaar.budget!.betalingen.map((b) => [b.bedragCents, b.status])).toEqual([
      [250_000, 'goedgekeurd'],
      [250_000, 'goedgekeurd'],
    ]);
    expect(klaar.budget).toMatchObject({ gereserveerdCents: 500_000, resterendCents: 0 });
    expect((await zaakAanbieders(srv, id))[0]).toMatchObject({ resultaat: 'geplaatst' });
  });

  it('pays nothing on the result part when the placement does not last', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Anouk Jansen' }));
    await totUitvoering(a, id, () => ribGekozen(id));
    await doTask(a.km, id, 'TrajectVolgen', geplaatst);
    await doTask(a.km, id, 'PlaatsingControleren', { plaatsingControle: { nogInDienst: 'nee', controledatum: TODAY, toelichting: 'Na vier maanden ontslagen.' } });
    const klaar = await afgesloten(a.km, id);
    expect(klaar.resultaat).toBe('plaatsing-niet-duurzaam');
    expect(klaar.budget!.betalingen.map((b) => [b.bedragCents, b.status])).toEqual([[250_000, 'goedgekeurd']]);
    expect(klaar.budget).toMatchObject({ gereserveerdCents: 250_000, resterendCents: 250_000 });
    expect((await zaakAanbieders(srv, id))[0]).toMatchObject({ resultaat: 'niet-geplaatst' });
    // No finance task is left waiting for a result part.
    const open = await until(async () => (await a.fin.get<{ items: { elementId: string }[] }>(`/api/tasks?zaakId=${id}&pageSize=100`)).body.items, 'takenlijst');
    expect(open.map((t) => t.elementId)).not.toContain('ResultaatGoedkeuren');
  });
});
