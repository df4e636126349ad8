import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../server/db/database.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { IBAN, declaratieJob, ensureTenant } from './fixtures.ts';

const onPg = Boolean(process.env.DATABASE_URL);
// Dialect-specific tests are registered only on their own database, so neither CI run reports a skip.
const noTest = (() => undefined) as unknown as typeof it;
const pgOnly = onPg ? it : noTest;
const sqliteOnly = onPg ? noTest : it;
let t: TestDatabase;
let second: Database;
const T = 'almere';

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureTenant(t.db, T);
  // A second, independent connection (pool) to the same database.
  second = createDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
});
afterAll(async () => {
  await second?.close();
  await t?.drop();
});

/** n zaken, each with a €1.000 toekenning and one €1.000 begrotingsregel the klant declares against. */
async function zaken(prefix: string, n: number) {
  const ledger = new KyselyLedger(t.db, t.dialect);
  const out: { zaakId: string; verplichtingId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const zaakId = `${prefix}-${i}`;
    await ledger.recordToekenning({ tenantId: T, zaakId, bedragCents: 100_000, besluitRef: `b-${zaakId}`, klantIban: IBAN.klant });
    const v = await ledger.addVerplichting({
      tenantId: T, zaakId, soort: 'begrotingsregel', omschrijving: 'Studiemateriaal en computer', payeeNaam: null,
      iban: null, kvk: null, bedragCents: 100_000, bekostiging: 'vast', approvedBy: 'km',
    });
    out.push({ zaakId, verplichtingId: v.id });
  }
  return out;
}

describe(`ledger concurrency (${onPg ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('two concurrent declaraties that together exceed the budget: exactly one is refused (20 zaken)', async () => {
    const a = new KyselyLedger(t.db, t.dialect);
    // PostgreSQL: a second pool, so the two transactions really run on two connections.
    // SQLite: one connection per process is how Regie runs (a second in-process connection
    // would block the thread on busy_timeout); the process test below covers two writers.
    const b = onPg ? new KyselyLedger(second.db, second.dialect) : a;
    const list = await zaken('race', 20);
    for (const { zaakId, verplichtingId } of list) {
      const [r1, r2] = await Promise.all([
        betaling(declaratieJob(T, zaakId, verplichtingId, 60_000), { ledger: a }),
        betaling(declaratieJob(T, zaakId, verplichtingId, 60_000), { ledger: b }),
      ]);
      const uitkomsten = [r1.uitkomst, r2.uitkomst].sort();
      expect(uitkomsten).toEqual(['gereserveerd', 'geweigerd']);
      expect([r1.redenCode, r2.redenCode]).toContain('BOVEN_BUDGET');
      const o = await a.budgetOverzicht(T, zaakId);
      expect(o.gereserveerdCents).toBe(60_000);
      expect(o.gereserveerdCents).toBeLessThanOrEqual(o.toegekendCents);
    }
  });

  pgOnly('PostgreSQL: a payment waits while another transaction holds the zaak lock', async () => {
    const [{ zaakId, verplichtingId }] = await zaken('lock', 1) as [{ zaakId: string; verplichtingId: string }];
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select id from toekenningen where tenant_id = $1 and zaak_id = $2 and vervangen_door is null for update`, [T, zaakId]);
      let settled = false;
      const pending = betaling(declaratieJob(T, zaakId, verplichtingId, 10_000), { ledger: new KyselyLedger(second.db, 'postgres') }).then((r) => {
        settled = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      const { rows } = await client.query('select count(*) as n from betalingen where zaak_id = $1', [zaakId]);
      expect(Number(rows[0].n)).toBe(0);
      await client.query('commit');
      expect((await pending).uitkomst).toBe('gereserveerd');
    } finally {
      await client.end();
    }
  });

  sqliteOnly('SQLite: two processes on the same file serialize their writers (20 zaken, each raced once)', async () => {
    const list = await zaken('proc', 20);
    const startAt = Date.now() + 2500;
    const child = (label: string) =>
      new Promise<string[]>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('test', 'ledger', 'payer-child.ts'), t.dataDir, String(startAt), T,
            JSON.stringify(list.map((z) => z.zaakId)), JSON.stringify(list.map((z) => z.verplichtingId)), label],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`child ${label}: ${code} ${err}`))));
      });
    // Each child declares €600 per zaak; two of them exceed the €1.000 budget.
    const [x, y] = await Promise.all([child('A'), child('B')]);
    const ledger = new KyselyLedger(t.db, t.dialect);
    for (let i = 0; i < list.length; i++) {
      expect([x[i], y[i]].sort(), `zaak ${i}`).toEqual(['BOVEN_BUDGET', 'ok']);
      const o = await ledger.budgetOverzicht(T, list[i]!.zaakId);
      expect(o.gereserveerdCents).toBe(60_000);
    }
  }, 60_000);
});
