/**
 * Small typed client for the Regie HTTP API (see DESIGN.md §6).
 *
 * - cookies are same-origin only (the session cookie is http-only; we never see it);
 * - state-changing requests carry the CSRF token returned by login and /api/me;
 * - errors arrive as application/problem+json and are thrown as ApiError.
 */

export const ROLES = [
  'klant',
  'klantmanager',
  'pgb-adviseur',
  'beslisser',
  'financieel',
  'procesontwerper',
  'manager',
  'beheerder',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

export interface User {
  id: string;
  username: string;
  displayName: string;
}

export interface Tenant {
  id: string;
  naam: string;
  soort: string;
  cbsCode: string | null;
}

/** Shape of `POST /api/auth/login` and `GET /api/me`. */
export interface Session {
  user: User;
  tenant: Tenant | null;
  /** Unknown role names from the server are kept; the UI ignores them. */
  roles: string[];
  csrfToken: string;
  /** For a klant: name and BSN as the gemeente knows them (an aanmelding starts with them). */
  klant?: { naam: string; bsn: string } | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as the server sends them (Dutch title/detail). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from the Retry-After header (423, 429), when present. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Thrown when the server cannot be reached at all (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('De server is niet bereikbaar.', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Remember the CSRF token of the current session (from login or /api/me). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when an authenticated request gets 401 (session expired or ended elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Parses Retry-After: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

async function toProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? res.statusText,
        status: body.status ?? res.status,
        ...(body.detail !== undefined ? { detail: body.detail } : {}),
        ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
      };
    } catch {
      // fall through: a broken body is reported as a generic problem
    }
  }
  return { type: 'about:blank', title: res.statusText || 'Fout', status: res.status };
}

export interface RequestOptions {
  body?: unknown;
  /** Do not call the unauthorized handler on 401 (login itself, the first /api/me). */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }

  if (!res.ok) {
    const problem = await toProblem(res);
    if (res.status === 401 && !opts.expectUnauthorized) onUnauthorized?.();
    throw new ApiError(problem, parseRetryAfter(res.headers.get('retry-after')));
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  async login(username: string, password: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/auth/login', {
      body: { username, password },
      expectUnauthorized: true,
    });
    setCsrfToken(session.csrfToken);
    return session;
  },

  /** The current session, or null when not logged in. */
  async me(signal?: AbortSignal): Promise<Session | null> {
    try {
      const session = await request<Session>('GET', '/api/me', {
        expectUnauthorized: true,
        ...(signal ? { signal } : {}),
      });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(undefined);
        return null;
      }
      throw err;
    }
  },

  async logout(): Promise<void> {
    try {
      await request<void>('POST', '/api/auth/logout', { expectUnauthorized: true });
    } finally {
      setCsrfToken(undefined);
    }
  },
};

/**
 * Uploads a file to a zaak's documents with progress (XMLHttpRequest: fetch has no upload
 * progress). The server accepts PDF, PNG and JPEG up to 10 MB and checks the content.
 */
export function uploadDocument(
  zaakId: string,
  file: File,
  soort: 'offerte' | 'factuur' | 'bijlage' | 'rapportage',
  onProgress: (fraction: number) => void,
): Promise<{ documentId: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ soort, bestandsnaam: file.name });
    xhr.open('POST', `/api/zaken/${encodeURIComponent(zaakId)}/documenten?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload')));
    xhr.onload = () => {
      let body: Partial<Problem> & { documentId?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON */
      }
      if (xhr.status === 201 && body.documentId) return resolve({ documentId: body.documentId });
      reject(
        new ApiError({
          type: 'about:blank',
          title: body.title ?? 'Toevoegen mislukt',
          status: xhr.status,
          ...(body.detail ? { detail: body.detail } : {}),
        }),
      );
    };
    xhr.send(file);
  });
}
