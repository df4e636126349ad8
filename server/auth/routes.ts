import rateLimit from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { anyUser, publicAccess } from '../http/access.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { attemptLogin } from './login.ts';
import type { Principal } from './principal.ts';
import { RoleSchema } from './roles.ts';
import { createSession, deleteSession, principalForToken, SESSION_COOKIE, type SessionKeys } from './sessions.ts';

const LoginBody = z.strictObject({
  username: z.string().trim().min(1, 'Vul uw gebruikersnaam in.').max(100),
  password: z.string().min(1, 'Vul uw wachtwoord in.').max(200),
});

export const MeSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    tenant: z
      .object({ id: z.string(), naam: z.string(), soort: z.enum(['gemeente', 'gr', 'uwv']), cbsCode: z.string().nullable() })
      .nullable(),
    roles: z.array(RoleSchema),
    csrfToken: z.string(),
    /** For a klant: name and BSN as the gemeente knows them, so an aanmelding starts with them filled in. */
    klant: z.object({ naam: z.string(), bsn: z.string() }).nullable(),
  })
  .meta({ id: 'Me' });

export async function describePrincipal(db: Db, p: Principal): Promise<z.infer<typeof MeSchema>> {
  const tenant = p.tenantId
    ? await db.selectFrom('tenants').select(['id', 'naam', 'soort', 'cbs_code']).where('id', '=', p.tenantId).executeTakeFirst()
    : undefined;
  const klant = p.klantId && p.tenantId
    ? await db.selectFrom('klanten').select(['naam', 'bsn']).where('id', '=', p.klantId).where('tenant_id', '=', p.tenantId).executeTakeFirst()
    : undefined;
  return {
    klant: klant ? { naam: klant.naam, bsn: klant.bsn } : null,
    user: { id: p.userId, username: p.username, displayName: p.displayName },
    tenant: tenant ? { id: tenant.id, naam: tenant.naam, soort: tenant.soort, cbsCode: tenant.cbs_code } : null,
    roles: p.roles,
    csrfToken: p.csrfToken,
  };
}

const invalidCredentials = () =>
  new HttpProblem(401, 'Inloggen mislukt', 'De combinatie van gebruikersnaam en wachtwoord is onjuist.');

function lockedProblem(until: Date, now = new Date()) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpProblem(
    423,
    'Account tijdelijk geblokkeerd',
    `Er is te vaak een onjuist wachtwoord ingevoerd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

/** Per-IP brake on failed logins, on top of the per-account lockout. */
export function loginRateLimiter(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpProblem(429, 'Te veel pogingen', 'Er zijn te veel inlogpogingen vanaf dit adres. Probeer het over 15 minuten opnieuw.')),
  });
}

export function authRoutes(db: Db, keys: SessionKeys, secureCookies: boolean) {
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: secureCookies, path: '/' };
  return [
    defineRoute({
      operationId: 'login',
      method: 'post',
      path: '/api/auth/login',
      summary: 'Inloggen met gebruikersnaam en wachtwoord',
      tag: 'auth',
      access: publicAccess,
      body: LoginBody,
      response: { status: 200, description: 'Ingelogd; zet de sessiecookie', schema: MeSchema },
      errors: { 401: 'Onjuiste combinatie', 423: 'Account tijdelijk geblokkeerd', 429: 'Te veel pogingen' },
      handler: async ({ body, req, res }) => {
        const outcome = await attemptLogin(db, body.username, body.password);
        if (outcome.kind === 'invalid') throw invalidCredentials();
        if (outcome.kind === 'locked') throw lockedProblem(outcome.until);
        // A new session on every login; an old one from this browser ends (no fixation).
        if (req.principal) await deleteSession(db, req.principal.sessionId);
        const session = await createSession(db, outcome.userId, keys);
        res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
        const principal = await principalForToken(db, session.token, keys);
        if (!principal) throw new Error('Sessie direct na aanmaken niet gevonden');
        return describePrincipal(db, principal);
      },
    }),
    defineRoute({
      operationId: 'logout',
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Uitloggen: beëindigt de sessie op de server',
      tag: 'auth',
      access: anyUser,
      response: { status: 204, description: 'Uitgelogd' },
      handler: async ({ principal, res }) => {
        await deleteSession(db, principal.sessionId);
        res.clearCookie(SESSION_COOKIE, cookieOptions);
      },
    }),
    defineRoute({
      operationId: 'me',
      method: 'get',
      path: '/api/me',
      summary: 'De ingelogde gebruiker, organisatie en rollen',
      tag: 'auth',
      access: anyUser,
      response: { status: 200, description: 'De ingelogde gebruiker', schema: MeSchema },
      handler: ({ principal }) => describePrincipal(db, principal),
    }),
  ];
}
