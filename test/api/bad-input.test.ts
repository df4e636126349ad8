import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
let km: ApiClient;
const klantCount = async () =>
  Number((await srv.database.db.selectFrom('klanten').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  srv = await startTestServer();
  km = await ApiClient.as(srv.url, 'klantmanager.almere');
});
afterAll(() => srv?.stop());

describe('bad input changes nothing and says why in Dutch', () => {
  it('malformed JSON → 400 problem+json', async () => {
    const before = await klantCount();
    const res = await km.request('POST', '/api/klanten', undefined, { rawBody: '{"bsn": "1112' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ title: 'Ongeldige invoer', detail: 'De verzonden gegevens zijn geen geldige JSON.' });
    expect(await klantCount()).toBe(before);
  });

  it('unknown fields → 400 naming each of them', async () => {
    const res = await km.post('/api/klanten', { bsn: '111222333', naam: 'A', rol: 'beheerder', tenant_id: 'breda' });
    expect(res.status).toBe(400);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rol', 'tenant_id']));
  });

  it('body too large → 413', async () => {
    const res = await km.post('/api/klanten', { bsn: '111222333', naam: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ title: 'Te veel gegevens' });
  });

  it('a BSN that fails the elfproef is refused per field and nothing is written', async () => {
    const before = await klantCount();
    const res = await km.post('/api/klanten', { bsn: '123456788', naam: 'Test', email: 'geen-mail' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: unknown[] }).errors).toEqual(
      expect.arrayContaining([
        { field: 'bsn', message: 'Het BSN klopt niet.' },
        { field: 'email', message: 'Vul een geldig e-mailadres in.' },
      ]),
    );
    expect(await klantCount()).toBe(before);
  });

  it('a valid klant is registered in the caller\'s own gemeente; the same BSN again is a 409', async () => {
    const res = await km.post<{ id: string; bsn: string }>('/api/klanten', { bsn: '111222333', naam: 'Nieuwe Klant' });
    expect(res.status).toBe(201);
    const row = await srv.database.db.selectFrom('klanten').select('tenant_id').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.tenant_id).toBe('almere');
    const again = await km.post('/api/klanten', { bsn: '111222333', naam: 'Dubbel' });
    expect(again.status).toBe(409);
    // Another gemeente may register the same person: tenants do not see each other.
    const breda = await ApiClient.as(srv.url, 'klantmanager.breda');
    expect((await breda.post('/api/klanten', { bsn: '111222333', naam: 'Nieuwe Klant' })).status).toBe(201);
  });

  it('an unknown query parameter → 400; an unknown API path → 404 problem+json', async () => {
    expect((await km.get('/api/klanten?sorteer=naam')).status).toBe(400);
    const res = await km.get('/api/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
