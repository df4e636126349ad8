import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, doTask, eindgesprek, factuur, openTask, TODAY, toegekendeZaak, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

async function openTaskIds(zaakId: string): Promise<string[]> {
  const z = await zaak((await accounts(srv, 'almere', 3)).km, zaakId);
  const tasks = await srv.engine.queryUserTasks({ tenantId: 'almere', processInstanceKey: z.processInstanceKey!, state: 'created', limit: 50 });
  return tasks.map((t) => t.elementId).sort();
}

describe('prb in Almere: the traject ends while an invoice still awaits finance', () => {
  it('keeps the payment and its approval alive; the zaak goes on only after finance decided', async () => {
    const a = await accounts(srv, 'almere', 3);
    const { id } = await toegekendeZaak(a);

    // Above Almere's finance threshold: the invoice waits for financieel.
    expect((await factuur(a.klant, id, 1, 300_000, 'ROC-OPEN-1')).status).toBe(202);
    await openTask(a.fin, id, 'BetalingGoedkeuren');

    // The klantmanager closes the traject meanwhile; the approval is not cancelled.
    await doTask(a.km, id, 'TrajectVolgen', { trajectAfronding: { reden: 'plan-uitgevoerd', einddatum: TODAY } });
    const afronden = await openTask(a.fin, id, 'BetalingenAfronden');
    expect(afronden.formId).toBe('prb-betalingen-afronden');
    expect(await openTaskIds(id)).toEqual(['BetalingGoedkeuren', 'BetalingenAfronden']);

    // Ticking the box without deciding does not end the traject: the count runs again.
    await doTask(a.fin, id, 'BetalingenAfronden', { afronding: { afgehandeld: true } });
    await openTask(a.fin, id, 'BetalingenAfronden');
    expect((await zaak(a.km, id)).budget!.betalingen.map((b) => b.status)).toEqual(['voorgesteld']);

    await doTask(a.fin, id, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: 'Factuur klopt met de offerte.' } });
    await until(async () => (await zaak(a.km, id)).budget!.betalingen.every((b) => b.status === 'goedgekeurd'), 'goedgekeurd');
    await doTask(a.fin, id, 'BetalingenAfronden', { afronding: { afgehandeld: true } });

    await doTask(a.km, id, 'Eindgesprek', eindgesprek);
    const closed = await until(async () => {
      const z = await zaak(a.km, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.budget).toMatchObject({ gereserveerdCents: 300_000 });

    // A late invoice on the closed zaak is refused in words, not accepted and left unpaid.
    const laat = await factuur(a.klant, id, 1, 10_000, 'ROC-LAAT');
    expect(laat.status).toBe(409);
    expect(JSON.stringify(laat.body)).toMatch(/afgesloten/);
    expect((await zaak(a.km, id)).budget!.betalingen).toHaveLength(1);
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});
