import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../server/auth/login.ts';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ loginAttemptsPerIp: 1_000 });
});
afterAll(() => srv?.stop());

describe('login', () => {
  it('logs a klantmanager in and returns user, gemeente, roles and a CSRF token', async () => {
    const c = new ApiClient(srv.url);
    const res = await c.login('klantmanager.almere');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { username: 'klantmanager.almere' },
      tenant: { id: 'almere', naam: 'Almere', soort: 'gemeente', cbsCode: '0034' },
      roles: ['klantmanager'],
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'klantmanager.almere' } });
  });

  it('gives the same 401 for an unknown user and a wrong password, without saying which', async () => {
    const unknown = await new ApiClient(srv.url).login('niemand.almere', 'regie-demo');
    const wrong = await new ApiClient(srv.url).login('beslisser.almere', 'fout-wachtwoord');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect((wrong.body as { detail: string }).detail).toBe('De combinatie van gebruikersnaam en wachtwoord is onjuist.');
  });

  it('locks an account after repeated failures, with 423 and the time until retry, even for the right password', async () => {
    const user = 'financieel.delft';
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await new ApiClient(srv.url).login(user, `fout-${i}`)).status).toBe(401);
    }
    const locking = await new ApiClient(srv.url).login(user, 'nog-steeds-fout');
    expect(locking.status).toBe(423);
    const right = await new ApiClient(srv.url).login(user);
    expect(right.status).toBe(423);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((right.body as { detail: string }).detail).toMatch(/Probeer het over 15 minuten opnieuw/);
    expect(right.headers.get('set-cookie')).toBeNull();
  });

  it('lets the account in again after the lock has passed and resets the count', async () => {
    const user = 'manager.delft';
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await new ApiClient(srv.url).login(user, 'fout');
    expect((await new ApiClient(srv.url).login(user)).status).toBe(423);
    await srv.database.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('username', '=', user)
      .execute();
    expect((await new ApiClient(srv.url).login(user)).status).toBe(200);
    const row = await srv.database.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('username', '=', user).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('refuses a login body with missing or unknown fields with per-field Dutch messages', async () => {
    const c = new ApiClient(srv.url);
    const res = await c.request('POST', '/api/auth/login', { username: 'x', wachtwoord: 'y' });
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: { field: string; message: string }[] }).errors;
    expect(errors).toContainEqual({ field: 'password', message: 'Dit veld is verplicht.' });
    expect(errors).toContainEqual({ field: 'wachtwoord', message: 'Onbekend veld "wachtwoord".' });
  });

  it('refuses a login posted from another origin (login CSRF)', async () => {
    const res = await new ApiClient(srv.url).request(
      'POST',
      '/api/auth/login',
      { username: 'klantmanager.almere', password: 'regie-demo' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('sessions', () => {
  it('answers 401 without a session and with a made-up cookie', async () => {
    expect((await new ApiClient(srv.url).get('/api/me')).status).toBe(401);
    const res = await fetch(`${srv.url}/api/me`, { headers: { cookie: 'regie_session=verzonnen' } });
    expect(res.status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token and keeps the session', async () => {
    const c = await ApiClient.as(srv.url, 'klantmanager.breda');
    const refused = await c.request('POST', '/api/auth/logout', undefined, { csrf: false });
    expect(refused.status).toBe(403);
    const wrongToken = await c.request('POST', '/api/auth/logout', undefined, { csrf: false, headers: { 'x-csrf-token': 'fout' } });
    expect(wrongToken.status).toBe(403);
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const c = await ApiClient.as(srv.url, 'beslisser.breda');
    const stolen = new ApiClient(srv.url);
    Object.assign(stolen, { cookie: (c as unknown as { cookie: string }).cookie });
    expect((await stolen.get('/api/me')).status).toBe(200);
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/regie_session=;/);
    expect((await stolen.get('/api/me')).status).toBe(401);
    const sessions = await srv.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('users.username', '=', 'beslisser.breda')
      .execute();
    expect(sessions).toHaveLength(0);
  });

  it('does not accept an expired session', async () => {
    const c = await ApiClient.as(srv.url, 'procesontwerper.breda');
    await srv.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1).toISOString() }).execute();
    expect((await c.get('/api/me')).status).toBe(401);
  });
});

describe('throttling per IP', () => {
  it('answers 429 after too many failed logins from one address', async () => {
    const strict = await startTestServer({ loginAttemptsPerIp: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await new ApiClient(strict.url).login('onbekend', 'x')).status).toBe(401);
      const res = await new ApiClient(strict.url).login('klantmanager.almere');
      expect(res.status).toBe(429);
      expect((res.body as { title: string }).title).toBe('Te veel pogingen');
    } finally {
      await strict.stop();
    }
  });
});
