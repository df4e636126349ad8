import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegelingCatalog } from '../../server/zaken/catalog.ts';
import { defaultCatalog } from '../../server/zaken/default-catalog.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, berichten, doTask, openTask, procesVariabelen, totPlanIngediend, trajectplan, until, zaak } from './prb-support.ts';

/**
 * Breda requires zelfbewustwording, bemiddeling and nazorg in every plan (L1644); a plan that
 * names none of them is incomplete (PLAN_ONDERDEEL_ONTBREEKT), which the klant can repair.
 * (Almere and Groningen have no rule the klant can miss through the forms: offertes, the
 * hoofdaanbieder and the relation of a material item are required fields there.)
 */
function bredaPlan(metOnderdelen: boolean) {
  const plan = trajectplan() as { trajectplan: { activiteiten: Record<string, unknown>[] } };
  if (metOnderdelen) {
    plan.trajectplan.activiteiten[0]!.planonderdelen = ['zelfbewustwording'];
    plan.trajectplan.activiteiten[1]!.planonderdelen = ['bemiddeling', 'nazorg'];
  }
  return plan;
}

/** The shipped catalog with another hersteltermijn: configuration, as a gemeente could set it. */
function catalogMetHersteltermijn(hersteltermijn: string) {
  const prb = defaultCatalog().get('prb')!;
  return new RegelingCatalog([
    {
      ...prb,
      parameters(tenantId, startdatum) {
        const p = prb.parameters(tenantId, startdatum);
        return p && { ...p, variables: { ...p.variables, hersteltermijn } };
      },
    },
  ]);
}

async function zaakEvents(srv: TestServer, id: string) {
  return (await srv.database.db.selectFrom('zaak_events').select(['type', 'data']).where('zaak_id', '=', id).orderBy('id').execute()).map((e) => ({
    type: e.type,
    data: JSON.parse(e.data) as Record<string, string>,
  }));
}

describe('hersteltermijn (Awb 4:5, 4:15): an incomplete aanvraag suspends the clock', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv?.stop());

  it('the klant completes the aanvraag in time: the clock resumes and the beoordeling follows', async () => {
    const a = await accounts(srv, 'breda');
    const id = await aanmelden(a.klant);
    await totPlanIngediend(a, id, bredaPlan(false));

    const opgeschort = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'opgeschort' ? z : null;
    }, 'opgeschort');
    // Awb 4:15: the clock stands still from the day after the request; the request is today.
    const opschorting = (await zaakEvents(srv, id)).find((e) => e.type === 'zaak.opgeschort')!;
    expect(opschorting.data.van).toBe(opgeschort.startdatum);
    expect(opschorting.data.reden).toMatch(/hersteltermijn/);
    const brief = await until(async () => (await berichten(a.klant)).find((b) => b.zaakId === id && b.onderwerp === 'Uw aanvraag is nog niet compleet'), 'hersteltermijnbericht');
    expect(brief.tekst).toMatch(/zelfbewustwording/);
    expect(brief.tekst).toMatch(/artikel 4:15 Awb/);
    const { planToets } = (await procesVariabelen(srv, id)) as { planToets: { volledig: boolean; ontbrekend: { code: string }[] } };
    expect(planToets.volledig).toBe(false);
    expect(new Set(planToets.ontbrekend.map((o) => o.code))).toEqual(new Set(['PLAN_ONDERDEEL_ONTBREEKT']));

    await doTask(a.klant, id, 'Aanvullen', { ...bredaPlan(true), aanvulling: { toelichting: 'De onderdelen staan nu bij de activiteiten.' } });
    await openTask(a.km, id, 'Beoordeling');
    const hervat = await zaak(a.klant, id);
    expect(hervat.status).toBe('in-behandeling');
    expect(hervat.klok.opgeschort).toBe(false);
    expect(hervat.klok.afgehandeld).toBe(false);
    expect((await zaakEvents(srv, id)).map((e) => e.type)).toEqual(expect.arrayContaining(['zaak.opgeschort', 'zaak.hervat']));
    expect(((await procesVariabelen(srv, id)) as { planToets: { volledig: boolean } }).planToets.volledig).toBe(true);
    expect(await srv.engine.listIncidents({ tenantId: 'breda', state: 'active' })).toEqual([]);
  });
});

describe('hersteltermijn passes without an aanvulling: buiten behandeling', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ catalog: catalogMetHersteltermijn('PT1S') });
  });
  afterAll(() => srv?.stop());

  it('suspends, then ends the zaak buiten behandeling with a beschikking', async () => {
    const a = await accounts(srv, 'breda', 2);
    const id = await aanmelden(a.klant);
    await totPlanIngediend(a, id, bredaPlan(false));

    const closed = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.resultaat).toBe('buiten-behandeling');
    expect(closed.documenten.map((d) => d.soort)).toContain('beschikking');
    expect(closed.klok.opgeschort).toBe(false);

    const types = (await zaakEvents(srv, id)).map((e) => e.type);
    expect(types.indexOf('zaak.opgeschort')).toBeGreaterThan(-1);
    expect(types.indexOf('zaak.hervat')).toBeGreaterThan(types.indexOf('zaak.opgeschort'));
    expect(types.at(-1)).toBe('zaak.afgesloten');
    const onderwerpen = (await berichten(a.klant)).filter((b) => b.zaakId === id).map((b) => b.onderwerp);
    expect(onderwerpen).toEqual(expect.arrayContaining(['Uw aanvraag is nog niet compleet', 'Er is een besluit over uw aanvraag']));
    const { besluit } = (await procesVariabelen(srv, id)) as { besluit: { uitkomst: string; gronden: { code: string }[] } };
    expect(besluit.uitkomst).toBe('buiten-behandeling');
    expect(besluit.gronden.map((g) => g.code)).toEqual(['AWB_4_5']);
    // The klant's task went with the term.
    expect((await a.klant.get<{ items: unknown[] }>(`/api/tasks?zaakId=${id}`)).body.items).toEqual([]);
    expect(await srv.engine.listIncidents({ tenantId: 'breda', state: 'active' })).toEqual([]);
  });
});
