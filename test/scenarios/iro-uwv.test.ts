import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, doTask, openTask, procesVariabelen, TODAY, until, zaak, type Accounts } from './prb-support.ts';
import { afgesloten, catalogMetKortePlaatsingsduur, geplaatst, goedkeuren, iroAanmelding, plan, start, totUitvoering, zaakAanbieders } from './iro-support.ts';

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

describe('iro (UWV): the other endings', () => {
  it('UWV refuses the plan: no contract, nothing booked, zaak afgewezen', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Sanne Visser' }));
    await ribGekozen(id);
    await doTask(a.klant, id, 'Trajectplan', plan('7.500,00'));
    await openTask(a.km, id, 'Beoordeling');
    expect((await procesVariabelen(srv, id)).planToets).toMatchObject({ bevindingen: [expect.objectContaining({ code: 'BOVEN_PLAFOND_ZONDER_TOELICHTING' })] });
    await doTask(a.km, id, 'Beoordeling', { beoordeling: { advies: 'afwijzen', afwijzingsgronden: ['boven-plafond'], motivering: 'De prijs ligt ruim boven het maximum zonder reden.' } });
    const z = await afgesloten(a.klant, id);
    expect(z.resultaat).toBe('afgewezen');
    expect(z.budget).toBeNull();
    expect(await zaakAanbieders(srv, id)).toEqual([expect.objectContaining({ aanbieder_id: 'demo-werkroute', status: 'gekozen', bedrag_cents: null })]);
  });

  it('a traject that stops early: only the start part was paid, the catalogue records voortijdig-gestopt', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Ruud Smit' }));
    await totUitvoering(a, id, () => ribGekozen(id));
    await doTask(a.km, id, 'TrajectVolgen', { uitvoering: { rapportages: [], uitkomst: 'voortijdig-gestopt', toelichting: 'Klant is verhuisd.' } });
    const z = await afgesloten(a.km, id);
    expect(z.resultaat).toBe('niet-geplaatst');
    expect(z.budget!.betalingen.map((b) => b.bedragCents)).toEqual([250_000]);
    expect((await zaakAanbieders(srv, id))[0]).toMatchObject({ resultaat: 'voortijdig-gestopt' });
  });
});

describe('bezwaar against an iro refusal runs on the shared bezwaar.bpmn (iro-beschikking)', () => {
  it('ongegrond: UWV sends a beslissing op bezwaar and closes the bezwaar zaak without incidents', async () => {
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Kees Bakker' }));
    await doTask(a.km, id, 'AfstandBepalen', afstand('werkfit'));
    const geweigerd = await afgesloten(a.klant, id);
    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: geweigerd.identificatie, gronden: 'Ik heb wel een volledig traject nodig: ik zoek al een jaar zonder succes.', gewenstResultaat: 'Een iro.', horen: 'ja' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend door de belanghebbende.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De heer licht toe waarom hij een traject wil.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'ongegrond', motivering: 'De arbeidsdeskundige heeft de klant terecht werkfit bevonden; de WSP-route past.' } });
    const afgehandeld = await afgesloten(a.klant, bezwaarId);
    expect(afgehandeld.resultaat).toBe('bezwaar-ongegrond');
    expect(afgehandeld.documenten.map((d) => d.soort)).toContain('beschikking');
    expect(await srv.engine.listIncidents({ tenantId: 'uwv', state: 'active' })).toEqual([]);
  });
});
