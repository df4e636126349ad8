import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { hashPassword } from '../auth/passwords.ts';
import { ROLE_LABELS, type Role } from '../auth/roles.ts';
import { composeIBAN } from 'ibantools';
import { isValidBsn } from '../../forms/index.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';
import { seedDemoAanbieders } from './demo-aanbieders.ts';

export const DEMO_PASSWORD = 'regie-demo';
const STAFF_ROLES: Role[] = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'procesontwerper', 'manager', 'beheerder'];
const KLANTEN_PER_TENANT = 3;
const DEMO_KLANT_NAMES = ['Fatima el Amrani', 'Johan de Vries', 'Sanne Bakker'];

/** Deterministic valid test BSNs (elfproef), so demo data is the same on every machine. */
export function demoBsn(n: number): string {
  let candidate = 100_000_000 + n * 1_000;
  for (;;) {
    const s = String(candidate);
    if (isValidBsn(s)) return s;
    candidate++;
  }
}

/** A valid, made-up account at the BNG Bank (where gemeenten bank) per demo tenant. */
function demoRekening(index: number) {
  return { iban: composeIBAN({ countryCode: 'NL', bban: `BNGH${String(285_000_000 + index).padStart(10, '0')}` }) ?? null, bic: 'BNGHNL2G' };
}

export interface SeedReport {
  tenants: number;
  users: number;
  klanten: number;
}

/**
 * Demo tenants, accounts `<role>.<tenant>`, klanten `klant1..3.<tenant>` and
 * `beheerder`, all with password regie-demo. Idempotent: existing rows stay.
 * The caller decides whether demo mode is allowed (never in production).
 */
export async function seedDemo(db: Db): Promise<SeedReport> {
  // Same published password for every demo account: hash once instead of 170 times.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const report: SeedReport = { tenants: 0, users: 0, klanten: 0 };
  await inTransaction(db, async (tx) => {
    const existingUsers = new Set((await tx.selectFrom('users').select('username').execute()).map((u) => u.username));
    const existingTenants = new Set((await tx.selectFrom('tenants').select('id').execute()).map((t) => t.id));
    const addUser = async (username: string, displayName: string, tenantId: string | null, roles: Role[], klantId: string | null = null) => {
      if (existingUsers.has(username)) return;
      const id = randomUUID();
      await tx
        .insertInto('users')
        .values({ id, username, password_hash: passwordHash, display_name: displayName, tenant_id: tenantId, klant_id: klantId, created_at: now })
        .execute();
      await tx.insertInto('user_roles').values(roles.map((role) => ({ user_id: id, role }))).execute();
      report.users++;
    };

    for (const [ti, tenant] of DEMO_TENANTS.entries()) {
      if (!existingTenants.has(tenant.id)) {
        await tx.insertInto('tenants').values({ ...tenant, ...demoRekening(ti), created_at: now }).execute();
        report.tenants++;
      }
      for (const role of STAFF_ROLES) {
        await addUser(`${role}.${tenant.id}`, `${ROLE_LABELS[role]} ${tenant.naam}`, tenant.id, [role]);
      }
      for (let k = 1; k <= KLANTEN_PER_TENANT; k++) {
        const username = `klant${k}.${tenant.id}`;
        if (existingUsers.has(username)) continue;
        const klantId = randomUUID();
        const naam = DEMO_KLANT_NAMES[k - 1] ?? `Klant ${k}`;
        await tx
          .insertInto('klanten')
          .values({
            id: klantId,
            tenant_id: tenant.id,
            bsn: demoBsn(ti * 10 + k),
            naam,
            email: `klant${k}@${tenant.id}.demo.regie.nl`,
            telefoon: null,
            created_at: now,
          })
          .execute();
        report.klanten++;
        await addUser(username, naam, tenant.id, ['klant'], klantId);
      }
    }
    await addUser('beheerder', 'Beheerder Regie', null, ['beheerder']);
    await seedDemoAanbieders(tx, now);
  });
  return report;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('tenants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
