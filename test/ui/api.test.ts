/** The UI's API client: CSRF header, credentials, problem+json, Retry-After. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, api, parseRetryAfter, request, setCsrfToken } from '../../ui/src/api.ts';
import { formatWait, loginFailure } from '../../ui/src/login-errors.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

function stubFetch(res: Response | (() => Response)) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => (typeof res === 'function' ? res() : res));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problemJson = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

describe('api client', () => {
  it('sends the CSRF token on state-changing requests only, always same-origin', async () => {
    const fetchMock = stubFetch(() => json({ ok: true }));
    setCsrfToken('tok');
    await request('GET', '/api/x');
    await request('POST', '/api/y', { body: { a: 1 } });
    const [, getInit] = fetchMock.mock.calls[0]!;
    const [, postInit] = fetchMock.mock.calls[1]!;
    expect((getInit!.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((postInit!.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect((postInit!.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(postInit!.body).toBe('{"a":1}');
    expect(getInit!.credentials).toBe('same-origin');
  });

  it('login stores the CSRF token that logout then sends', async () => {
    const session = { user: { id: '1', username: 'a', displayName: 'A' }, tenant: null, roles: [], csrfToken: 'abc' };
    const fetchMock = stubFetch(() => json(session));
    await api.login('a', 'b');
    fetchMock.mockImplementation(async () => new Response(null, { status: 204 }));
    await api.logout();
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/logout');
    expect((init!.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc');
  });

  it('parses problem+json into ApiError with field errors and Retry-After', async () => {
    stubFetch(
      problemJson(
        { type: 'about:blank', title: 'Ongeldig', status: 400, detail: 'Controleer', errors: [{ field: 'username', message: 'Verplicht' }] },
        400,
        { 'retry-after': '30' },
      ),
    );
    const err = await request('POST', '/api/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.status).toBe(400);
    expect(apiErr.problem.errors).toEqual([{ field: 'username', message: 'Verplicht' }]);
    expect(apiErr.retryAfterSeconds).toBe(30);
    expect(apiErr.message).toBe('Controleer');
  });

  it('survives a non-JSON error body', async () => {
    stubFetch(new Response('<html>502</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    const err = (await request('GET', '/api/x').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(loginFailure(err).message).toBe('Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });

  it('me() is null on 401 and does not trigger the session-expired handler', async () => {
    stubFetch(problemJson({ type: 'about:blank', title: 'Niet ingelogd', status: 401 }, 401));
    expect(await api.me()).toBeNull();
  });

  it('wraps a failed fetch as NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(request('GET', '/api/x')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('wait times', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('rounds up and uses Dutch singular/plural', () => {
    expect(formatWait(1)).toBe('1 seconde');
    expect(formatWait(59)).toBe('59 seconden');
    expect(formatWait(60)).toBe('1 minuut');
    expect(formatWait(61)).toBe('2 minuten');
    expect(formatWait(900)).toBe('15 minuten');
    expect(formatWait(3601)).toBe('2 uur');
  });
});
