import { createHmac, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/transaction.ts';
import type { Principal } from './principal.ts';
import { RoleSchema } from './roles.ts';

export const SESSION_COOKIE = 'regie_session';
// Sliding refresh of last_seen_at at most once a minute: reads should not all write.
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionKeys {
  secret: string;
  ttlMs: number;
}

/** Only an HMAC of the cookie token is stored: a leaked table cannot be replayed as cookies. */
const sessionIdOf = (token: string, secret: string) => createHmac('sha256', secret).update(token).digest('base64url');

export async function createSession(db: DbOrTx, userId: string, keys: SessionKeys, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + keys.ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token, keys.secret),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** Resolves a cookie token to the caller, or undefined when absent, unknown or expired. */
export async function principalForToken(
  db: DbOrTx,
  token: string,
  keys: SessionKeys,
  now = new Date(),
): Promise<Principal | undefined> {
  const id = sessionIdOf(token, keys.secret);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.tenant_id',
      'users.klant_id',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    tenantId: row.tenant_id,
    klantId: row.klant_id,
    roles: await rolesOf(db, row.user_id),
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

export async function rolesOf(db: DbOrTx, userId: string) {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  // A role string unknown to this version (newer database) is ignored rather than trusted.
  return rows.flatMap((r) => {
    const parsed = RoleSchema.safeParse(r.role);
    return parsed.success ? [parsed.data] : [];
  });
}
