import { expect } from 'vitest';
import { RegelingCatalog } from '../../server/zaken/catalog.ts';
import { defaultCatalog } from '../../server/zaken/default-catalog.ts';
import type { ApiClient } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { doTask, TODAY, until, zaak, type Accounts } from './prb-support.ts';

/**
 * The shipped catalog with a placement duration of one second instead of six months: the same
 * diagram and policy, only the timer is short (as prb-hersteltermijn shortens its term).
 */
export function catalogMetKortePlaatsingsduur() {
  const catalog = defaultCatalog();
  return new RegelingCatalog(
    catalog.all().map((e) =>
      e.regeling === 'iro' || e.regeling === 'rio'
        ? {
            ...e,
            parameters(tenantId: string, startdatum: string) {
              const p = e.parameters(tenantId, startdatum);
              return p && { ...p, variables: { ...p.variables, plaatsingsduur: 'PT1S' } };
            },
          }
        : e,
    ),
  );
}

export function iroAanmelding(overrides: Record<string, unknown> = {}) {
  return {
    aanmelding: {
      naam: 'Henk de Vries',
      bsn: '111222333',
      geboortedatum: '1972-05-02',
      contact: { email: 'henk@example.nl', telefoon: '' },
      uitkering: 'WW',
      motivatie: 'Ik wil zelf een re-integratiebedrijf kiezen dat de logistiek kent.',
      toestemming: true,
      ...overrides,
    },
  };
}

export async function start(klant: ApiClient, regeling: 'iro' | 'rio', gegevens: Record<string, unknown>) {
  const res = await klant.post<{ id: string }>('/api/zaken', { regeling, gegevens });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export const plan = (prijs = '5.000,00') => ({
  trajectplan: {
    opgesteldDoor: 'samen',
    doel: 'Werk als planner in de logistiek',
    beoogdBeroep: 'Logistiek planner',
    activiteiten: [
      { omschrijving: 'Cursus transportplanning', duurWeken: 8 },
      { omschrijving: 'Jobhunting en sollicitatiebegeleiding', duurWeken: 16 },
    ],
    nazorg: true,
    prijsCent: prijs,
    duurMaanden: 9,
    toelichtingPrijs: '',
  },
});

export const toekennen = (bedrag = '5.000,00') => ({ beoordeling: { advies: 'toekennen', bedragCent: bedrag, afwijzingsgronden: [], motivering: 'Het plan is realistisch en het bedrijf kent de sector.' } });

export const goedkeuren = { goedkeuring: { besluit: 'goedgekeurd', toelichting: '' } };

/** From the rib choice to an open TrajectVolgen: plan, beoordeling, beschikking, the start part approved. */
export async function totUitvoering(a: Accounts, id: string, kiezen: () => Promise<unknown>) {
  await kiezen();
  await doTask(a.klant, id, 'Trajectplan', plan());
  await doTask(a.km, id, 'Beoordeling', toekennen());
  await doTask(a.fin, id, 'StartGoedkeuren', goedkeuren);
  return until(async () => {
    const z = await zaak(a.km, id);
    return z.budget?.betalingen.some((b) => b.bedragCents === 250_000 && b.status === 'goedgekeurd') ? z : null;
  }, 'startdeel goedgekeurd');
}

export const geplaatst = {
  uitvoering: {
    rapportages: [{ datum: TODAY, samenvatting: 'Cursus afgerond; twee sollicitatiegesprekken.' }],
    uitkomst: 'geplaatst',
    plaatsing: { werkgever: 'Transportbedrijf Van Dam', startdatum: TODAY, contract: 'vast' },
    toelichting: '',
  },
};

export async function zaakAanbieders(srv: TestServer, zaakId: string) {
  return srv.database.db.selectFrom('zaak_aanbieders').select(['aanbieder_id', 'status', 'gekozen_door', 'bedrag_cents', 'resultaat']).where('zaak_id', '=', zaakId).execute();
}

export async function afgesloten(c: ApiClient, id: string) {
  return until(async () => {
    const z = await zaak(c, id);
    return z.status === 'afgesloten' ? z : null;
  }, `zaak ${id} afgesloten`);
}
