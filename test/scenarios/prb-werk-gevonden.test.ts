import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, berichten, doTask, factuur, openTask, TODAY, toegekendeZaak, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('prb in Almere: werk gevonden early in the uitvoering (no no cure less pay)', () => {
  it('tells the klantmanager, pays nothing extra, and the traject goes on', async () => {
    const a = await accounts(srv, 'almere', 2);
    const { id } = await toegekendeZaak(a);

    // Only the klantmanager reports work; the klant cannot.
    const body = { soort: 'tijdelijk', startdatum: TODAY, werkgever: 'Grand Café Almere' };
    expect((await a.klant.post(`/api/zaken/${id}/werk-gevonden`, body)).status).toBe(403);
    const gemeld = await a.km.post<{ verwerkt: boolean }>(`/api/zaken/${id}/werk-gevonden`, body);
    expect(gemeld.status, JSON.stringify(gemeld.body)).toBe(202);

    const bericht = await until(async () => (await berichten(a.km)).find((b) => b.zaakId === id && b.onderwerp === 'Werk gevonden'), 'bericht aan de klantmanager');
    expect(bericht.tekst).toMatch(/traject loopt door/);
    // Almere has no no cure less pay: nothing is paid for the result.
    const werkVerwerkt = await until(async () => {
      const events = await srv.engine.queryEvents({ tenantId: 'almere', processInstanceKey: (await zaak(a.km, id)).processInstanceKey!, types: ['element.completed'] });
      return events.find((e) => e.elementId === 'EindWerk');
    }, 'werk gevonden verwerkt');
    expect(werkVerwerkt).toBeTruthy();
    expect((await zaak(a.km, id)).budget!.betalingen).toEqual([]);

    // The traject goes on: TrajectVolgen is open and invoices are still paid.
    await openTask(a.km, id, 'TrajectVolgen');
    expect((await factuur(a.klant, id, 2, 50_000, 'COACH-1')).status).toBe(202);
    const betaald = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.budget?.betalingen.find((b) => b.bedragCents === 50_000 && b.status === 'goedgekeurd') ? z : null;
    }, 'factuur na werk gevonden');
    expect(betaald.status).toBe('besloten');
    expect(betaald.budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 50_000 });

    // A second report is the same message (one werk-gevonden per zaak) and changes nothing.
    expect((await a.km.post(`/api/zaken/${id}/werk-gevonden`, body)).status).toBe(202);
    await doTask(a.km, id, 'TrajectVolgen', { trajectAfronding: { reden: 'plan-uitgevoerd', einddatum: TODAY } });
    await openTask(a.km, id, 'Eindgesprek');
    expect((await berichten(a.km)).filter((b) => b.zaakId === id && b.onderwerp === 'Werk gevonden')).toHaveLength(1);
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});
