import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import { DEMO_PASSWORD, demoBsn, seedDemo } from '../../server/seed/demo.ts';
import { DEMO_TENANTS } from '../../server/seed/demo-tenants.ts';
import { isValidBsn } from '../../forms/index.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('applies migrations once: a second run applies nothing', async () => {
    expect(await migrateToLatest(t)).toEqual([]);
  });

  it('rolls back everything in a transaction when one statement fails', async () => {
    const now = new Date().toISOString();
    await expect(
      inTransaction(t.db, async (tx) => {
        await tx.insertInto('tenants').values({ id: 'test-a', naam: 'A', soort: 'gemeente', cbs_code: '9998', created_at: now }).execute();
        await tx.insertInto('tenants').values({ id: 'test-b', naam: 'B', soort: 'gemeente', cbs_code: '9998', created_at: now }).execute();
      }),
    ).rejects.toThrow();
    expect(await t.db.selectFrom('tenants').select('id').where('id', 'in', ['test-a', 'test-b']).execute()).toEqual([]);
  });

  it('seeds the demo: every tenant with every staff role, three klanten and the platform beheerder; twice is harmless', async () => {
    const first = await seedDemo(t.db);
    expect(first.tenants).toBe(16);
    expect(first.klanten).toBe(48);
    expect(first.users).toBe(16 * 7 + 48 + 1);
    expect(await seedDemo(t.db)).toEqual({ tenants: 0, users: 0, klanten: 0 });
    const names = (await t.db.selectFrom('users').select('username').execute()).map((u) => u.username);
    for (const tenant of DEMO_TENANTS) {
      for (const u of ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'procesontwerper', 'beheerder', 'klant1', 'klant3']) {
        expect(names).toContain(`${u}.${tenant.id}`);
      }
    }
    expect(names).toContain('beheerder');
    const hash = await t.db.selectFrom('users').select('password_hash').where('username', '=', 'pgb-adviseur.eindhoven').executeTakeFirstOrThrow();
    expect(await verifyPassword(hash.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives demo klanten BSNs that pass the elfproef and are unique', async () => {
    const bsns = (await t.db.selectFrom('klanten').select('bsn').execute()).map((k) => k.bsn);
    expect(bsns.every(isValidBsn)).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(demoBsn(1)).toBe(demoBsn(1));
  });
});

describe('BSN elfproef', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456788', false],
    ['000000000', false],
    ['12345678', false],
    ['1234567821', false],
    ['12345678a', false],
  ])('%s → %s', (bsn, ok) => {
    expect(isValidBsn(bsn)).toBe(ok);
  });
});
