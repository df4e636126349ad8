import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, openTask, TODAY, toegekendeZaak, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('tenant isolation: a Breda klantmanager and an Almere zaak', () => {
  it('cannot see or act on its zaak, tasks, declaraties or werk-gevonden (404, never a hint that it exists)', async () => {
    const a = await accounts(srv, 'almere');
    const { id } = await toegekendeZaak(a);
    const task = await openTask(a.km, id, 'TrajectVolgen');
    const breda = await ApiClient.as(srv.url, 'klantmanager.breda');
    const bredaManager = await ApiClient.as(srv.url, 'manager.breda');

    expect((await breda.get(`/api/zaken/${id}`)).status).toBe(404);
    expect((await bredaManager.get(`/api/zaken/${id}`)).status).toBe(404);
    expect((await breda.get<{ id: string }[]>('/api/zaken')).body.map((z) => z.id)).not.toContain(id);
    expect((await breda.get<{ items: unknown[]; total: number }>(`/api/tasks?zaakId=${id}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await bredaManager.get<{ items: { key: string }[] }>('/api/tasks?pageSize=100')).body.items.map((t) => t.key)).not.toContain(task.key);
    expect((await breda.get(`/api/tasks/${task.key}`)).status).toBe(404);
    expect((await breda.post(`/api/tasks/${task.key}/claim`)).status).toBe(404);
    expect((await bredaManager.post(`/api/tasks/${task.key}/unclaim`)).status).toBe(404);
    expect((await breda.post(`/api/tasks/${task.key}/complete`, { variables: { trajectAfronding: { reden: 'voortijdig-gestopt', einddatum: TODAY } } })).status).toBe(404);
    const declaratie = await breda.post(`/api/zaken/${id}/declaraties`, { soort: 'factuur', verplichtingId: `${id}:r1`, bedragCents: 10_000, referentie: 'X-1' });
    expect(declaratie.status).toBe(404);
    expect((await breda.post(`/api/zaken/${id}/werk-gevonden`, { soort: 'vast', startdatum: TODAY, werkgever: 'Elders BV' })).status).toBe(404);
    expect((await breda.post(`/api/zaken/${id}/bezwaar`, { gegevens: {} })).status).toBe(404);
    expect((await breda.post(`/api/zaken/${id}/verdagen`, { termijn: 'P6W', reden: 'Meer tijd nodig.' })).status).toBe(404);
    const doc = (await zaak(a.km, id)).documenten[0]!;
    expect((await breda.get(`/api/zaken/${id}/documenten/${doc.id}`)).status).toBe(404);

    // Nothing happened to the zaak.
    const z = await zaak(a.km, id);
    expect(z.budget).toMatchObject({ gereserveerdCents: 0 });
    expect(z.budget!.betalingen).toEqual([]);
    const same = await openTask(a.km, id, 'TrajectVolgen');
    expect(same).toMatchObject({ key: task.key, assignee: null });
  });
});
