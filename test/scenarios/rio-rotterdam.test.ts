import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, doTask, openTask, procesVariabelen, TODAY, zaak, type Accounts } from './prb-support.ts';
import { afgesloten, catalogMetKortePlaatsingsduur, geplaatst, goedkeuren, iroAanmelding, start, totUitvoering, zaakAanbieders } from './iro-support.ts';

let srv: TestServer;
let a: Accounts;
beforeAll(async () => {
  srv = await startTestServer({ catalog: catalogMetKortePlaatsingsduur() });
  a = await accounts(srv, 'rotterdam');
});
afterAll(() => srv?.stop());

const jaarGeleden = `${Number(TODAY.slice(0, 4)) - 1}${TODAY.slice(4)}`;
const aanmelding = () => iroAanmelding({ uitkering: 'WWB', werkloosSinds: jaarGeleden, contact: { email: 'klant@example.nl', telefoon: '' } });
const intake = (regulierTrajectKansrijk: string, werkloosSinds = jaarGeleden) => ({
  afstand: { uitkering: 'WWB', werkloosSinds, regulierTrajectKansrijk, lopendTraject: 'nee', toelichting: 'Twee reguliere trajecten zonder resultaat.' },
});

describe('rio (Rotterdam): the iro for WWB and NUG clients, with a rib from the UWV pool', () => {
  it('refuses when a regular traject is expected to work and the klant is less than six months without work', async () => {
    const id = await start(a.klant, 'rio', aanmelding());
    await doTask(a.km, id, 'AfstandBepalen', intake('ja', TODAY));
    const z = await afgesloten(a.klant, id);
    expect(z.resultaat).toBe('niet-toegelaten');
    const v = await procesVariabelen(srv, id);
    expect((v.besluit as { gronden: { code: string }[] }).gronden.map((g) => g.code).sort()).toEqual(['TOELATING_REGULIER_TRAJECT_KANSRIJK', 'TOELATING_WERKLOOSHEIDSDUUR']);
  });

  it('klant and klantmanager choose a rib UWV contracted for the iro; Rotterdam signs its own agreement and pays on the result', async () => {
    const id = await start(a.klant, 'rio', aanmelding());
    await doTask(a.km, id, 'AfstandBepalen', intake('nee'));
    await openTask(a.km, id, 'RibKiezen');
    // The choice list: UWV's iro ribs that take gemeente clients — not the one that only serves UWV clients.
    const opties = ((await procesVariabelen(srv, id)).ribOpties as { value: string }[]).map((o) => o.value);
    expect(opties).toContain('demo-havenwerk');
    expect(opties).not.toContain('demo-startpunt');
    const buitenPool = await a.km.post(`/api/tasks/${(await openTask(a.km, id, 'RibKiezen')).key}/complete`, {
      variables: { ribKeuze: { aanbiederId: 'demo-startpunt', gekozenDoor: 'klantmanager', motivatie: '' } },
    });
    expect(buitenPool.status).toBe(422);

    await totUitvoering(a, id, () => doTask(a.km, id, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-havenwerk', gekozenDoor: 'klantmanager', motivatie: 'Kent de haven.' } }));
    const uwvContract = await srv.database.db.selectFrom('aanbieder_contracten').select(['regelingen', 'status']).where('tenant_id', '=', 'uwv').where('aanbieder_id', '=', 'demo-havenwerk').executeTakeFirstOrThrow();
    expect(JSON.parse(uwvContract.regelingen)).toContain('iro');
    const [keuze] = await zaakAanbieders(srv, id);
    expect(keuze).toMatchObject({ aanbieder_id: 'demo-havenwerk', gekozen_door: 'klantmanager', status: 'gecontracteerd', bedrag_cents: 500_000 });
    const contract = await srv.database.db.selectFrom('zaak_aanbieders').select('tenant_id').where('zaak_id', '=', id).executeTakeFirstOrThrow();
    expect(contract.tenant_id).toBe('rotterdam');

    await doTask(a.km, id, 'TrajectVolgen', geplaatst);
    await doTask(a.km, id, 'PlaatsingControleren', { plaatsingControle: { nogInDienst: 'ja', controledatum: TODAY, toelichting: '' } });
    await doTask(a.fin, id, 'ResultaatGoedkeuren', goedkeuren);
    const klaar = await afgesloten(a.km, id);
    expect(klaar.resultaat).toBe('geplaatst');
    expect(klaar.budget).toMatchObject({ toegekendCents: 500_000, gereserveerdCents: 500_000 });
    expect((await zaak(a.klant, id)).documenten.some((d) => d.soort === 'beschikking')).toBe(true);
  });
  it('the klant withdraws the rio aanvraag while the rib is being chosen; after the besluit the same request is refused', async () => {
    const id = await start(a.klant, 'rio', aanmelding());
    await doTask(a.km, id, 'AfstandBepalen', intake('nee'));
    await openTask(a.km, id, 'RibKiezen');
    const res = await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 'Ik ga verhuizen.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const z = await afgesloten(a.klant, id);
    expect(z.resultaat).toBe('ingetrokken');

    // A refused aanvraag has its besluit: nothing left to withdraw, and nothing changes.
    const geweigerd = await start(a.klant, 'rio', aanmelding());
    await doTask(a.km, geweigerd, 'AfstandBepalen', intake('ja', TODAY));
    expect((await afgesloten(a.klant, geweigerd)).resultaat).toBe('niet-toegelaten');
    const laat = await a.klant.post<{ detail: string }>(`/api/zaken/${geweigerd}/intrekken`, {});
    expect(laat.status).toBe(409);
    expect((await zaak(a.klant, geweigerd)).resultaat).toBe('niet-toegelaten');
  });
});
