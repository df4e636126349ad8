import type { Db } from '../db/database.ts';
import { burnVerifyTime, verifyPassword } from './passwords.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type LoginOutcome =
  | { kind: 'ok'; userId: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: Date };

/**
 * Checks credentials with per-account lockout: after MAX_FAILED_LOGINS wrong
 * passwords the account is locked for LOCKOUT_MS, even for the right password.
 * An unknown username writes nothing and takes as long as a wrong password.
 */
export async function attemptLogin(db: Db, username: string, password: string, now = new Date()): Promise<LoginOutcome> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'failed_logins', 'locked_until'])
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    await burnVerifyTime(password);
    return { kind: 'invalid' };
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    return { kind: 'locked', until: new Date(user.locked_until) };
  }
  if (await verifyPassword(user.password_hash, password)) {
    if (user.failed_logins > 0 || user.locked_until) {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    }
    return { kind: 'ok', userId: user.id };
  }
  // Atomic increment: parallel guesses cannot slip past the limit. An expired lock starts a fresh count.
  const { failed_logins: failed } = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: user.locked_until ? 1 : eb('failed_logins', '+', 1), locked_until: null }))
    .where('id', '=', user.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (failed >= MAX_FAILED_LOGINS) {
    const until = new Date(now.getTime() + LOCKOUT_MS);
    await db.updateTable('users').set({ locked_until: until.toISOString() }).where('id', '=', user.id).execute();
    return { kind: 'locked', until };
  }
  return { kind: 'invalid' };
}
