import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, berichten, doTask, factuur, openTask, ROC, toegekendeZaak, trajectplan, TODAY, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

/** Groningen buys the whole traject from one hoofdaanbieder (L1198); both lines go through the ROC. */
const plan = trajectplan([
  { categorie: 'scholing-vaardigheden', omschrijving: 'Koksopleiding', aanbieder: ROC.naam, activiteitNr: 1, kvk: ROC.kvk, iban: ROC.iban, bedragCent: '3.000,00', offertes: ['offerte-roc-1'] },
]);

describe('prb in Groningen: ja-tenzij, one hoofdaanbieder, no cure less pay (30% on the result)', () => {
  it('grants, pays the start part on the invoice, and the resultaatdeel when work is found; the traject goes on', async () => {
    const a = await accounts(srv, 'groningen');
    // Groningen admits after six months of unemployment (L1075).
    const { id, zaak: besloten } = await toegekendeZaak(a, { aanmelding: { werkloosSinds: '2024-01-01' }, plan, budget: '3.000,00' });
    expect(besloten.budget).toMatchObject({ toegekendCents: 300_000, gereserveerdCents: 0 });

    // The ROC's first invoice is the start part: 70% of € 3.000.
    const start = await factuur(a.klant, id, 1, 210_000, 'ROC-GR-1');
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    await doTask(a.fin, id, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: 'Startdeel volgens de afspraak.' } });
    const startBetaald = await until(async () => {
      const z = await zaak(a.km, id);
      return z.budget?.betalingen.some((b) => b.bedragCents === 210_000 && b.status === 'goedgekeurd') ? z : null;
    }, 'startdeel goedgekeurd');
    expect(startBetaald.budget).toMatchObject({ gereserveerdCents: 210_000, resterendCents: 90_000 });

    // Werk gevonden: the klantmanager reports it; the 30% result part follows (below the finance threshold).
    const werk = await a.km.post(`/api/zaken/${id}/werk-gevonden`, { soort: 'vast', startdatum: TODAY, werkgever: 'Restaurant De Groene Lantaarn' });
    expect(werk.status, JSON.stringify(werk.body)).toBe(202);
    const resultaat = await until(async () => {
      const z = await zaak(a.km, id);
      return z.budget?.betalingen.find((b) => b.bedragCents === 90_000) ? z : null;
    }, 'resultaatdeel');
    expect(resultaat.budget!.betalingen.map((b) => [b.bedragCents, b.status]).sort()).toEqual([
      [210_000, 'goedgekeurd'],
      [90_000, 'goedgekeurd'],
    ]);
    expect(resultaat.budget).toMatchObject({ toegekendCents: 300_000, gereserveerdCents: 300_000, resterendCents: 0 });
    await until(async () => (await berichten(a.km)).find((b) => b.zaakId === id && b.onderwerp === 'Werk gevonden'), 'bericht aan de klantmanager');

    // Werk gevonden does not end the budget: the traject is still followed.
    const volgen = await openTask(a.km, id, 'TrajectVolgen');
    expect(volgen.elementId).toBe('TrajectVolgen');
    expect((await zaak(a.km, id)).status).toBe('besloten');
    expect(await srv.engine.listIncidents({ tenantId: 'groningen', state: 'active' })).toEqual([]);
  });

  it('a resultaatdeel above the finance threshold waits for financieel, who approves it', async () => {
    const a = await accounts(srv, 'groningen');
    const groot = trajectplan([
      { categorie: 'scholing-vaardigheden', omschrijving: 'Koksopleiding', aanbieder: ROC.naam, activiteitNr: 1, kvk: ROC.kvk, iban: ROC.iban, bedragCent: '5.000,00', offertes: ['offerte-roc-1'] },
    ]);
    const { id } = await toegekendeZaak(a, { aanmelding: { werkloosSinds: '2024-01-01' }, plan: groot, budget: '5.000,00' });
    await openTask(a.km, id, 'TrajectVolgen');
    expect((await a.km.post(`/api/zaken/${id}/werk-gevonden`, { soort: 'vast', startdatum: TODAY, werkgever: 'Hotel Groningen' })).status).toBe(202);
    // 30% of € 5.000 = € 1.500, above € 1.000: proposed, not yet payable.
    const voorgesteld = await until(async () => (await zaak(a.fin, id)).budget?.betalingen.find((b) => b.bedragCents === 150_000 && b.status === 'voorgesteld'), 'voorgesteld resultaatdeel');
    expect(voorgesteld).toBeTruthy();
    await doTask(a.fin, id, 'ResultaatGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: 'Plaatsing bevestigd door de werkgever.' } });
    await until(async () => (await zaak(a.fin, id)).budget?.betalingen.find((b) => b.bedragCents === 150_000 && b.status === 'goedgekeurd'), 'goedgekeurd resultaatdeel');
    expect(await srv.engine.listIncidents({ tenantId: 'groningen', state: 'active' })).toEqual([]);
  });
});
