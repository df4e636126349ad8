import { DEMO_PASSWORD } from '../../server/seed/demo.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token like the UI does. */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async login(username: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }

  static async as(baseUrl: string, username: string): Promise<ApiClient> {
    const c = new ApiClient(baseUrl);
    const res = await c.login(username);
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return c;
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    opts: { rawBody?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && opts.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined = opts.rawBody;
    if (body !== undefined && payload === undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = /=\s*$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? undefined : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
}
