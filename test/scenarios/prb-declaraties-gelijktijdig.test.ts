import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, berichten, factuur, openTask, toegekendeZaak, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

interface Betaling {
  zaakId: string;
  bedragCents: number;
  status: string;
}

describe('prb in Almere: two declaraties at once that together exceed the budget', () => {
  it('accepts one, refuses the other with a reason, and never overspends', async () => {
    const a = await accounts(srv, 'almere', 3);
    const { id } = await toegekendeZaak(a); // € 4.500: ROC € 3.000 (r1), coach € 1.500 (r2)

    // Two invoices of € 2.500 each: each fits the budget and its line alone, together they do not.
    const [een, twee] = await Promise.all([factuur(a.klant, id, 1, 250_000, 'ROC-A'), factuur(a.klant, id, 1, 250_000, 'ROC-B')]);
    expect([een.status, twee.status]).toEqual([202, 202]);

    const alle = await until(async () => {
      const rows = (await a.fin.get<Betaling[]>('/api/betalingen')).body.filter((b) => b.zaakId === id);
      return rows.length === 2 ? rows : null;
    }, 'beide declaraties verwerkt');
    expect(alle.map((b) => b.status).sort()).toEqual(['afgewezen', 'voorgesteld']);

    const weigering = await until(async () => (await berichten(a.klant)).find((b) => b.zaakId === id && b.tekst.includes('niet doen')), 'weigeringsbericht');
    expect(weigering.tekst).toMatch(/past niet in het toegekende budget|hoger dan wat er op/);

    // The accepted one waits for finance; the budget carries exactly one.
    await openTask(a.fin, id, 'BetalingGoedkeuren');
    const z = await zaak(a.km, id);
    expect(z.budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 250_000, resterendCents: 200_000 });
    expect(z.budget!.betalingen.filter((b) => b.status !== 'afgewezen').map((b) => b.bedragCents)).toEqual([250_000]);
    // The refused one is shown to the klant with its reason, and reserves nothing.
    expect(z.budget!.betalingen.filter((b) => b.status === 'afgewezen')).toHaveLength(1);
    expect(z.budget!.gereserveerdCents).toBeLessThanOrEqual(z.budget!.toegekendCents);
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});
