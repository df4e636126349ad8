/**
 * Doorlooptijden benchmark (not a test): the manager's figures over many years of zaken.
 *
 * Starts Regie in-process on a fresh database (SQLite in a temp dir, or PostgreSQL when
 * DATABASE_URL is set: a throwaway database is created and dropped) and seeds Almere with
 * 10,000 zaken over five years (prb, pib, pgb bw; 80 % decided, one in five with an
 * opschorting, one in twenty verdaagd) plus 2,000 in Breda as noise. Then asks the API as
 * manager.almere, over HTTP on localhost, for the figures (all, one year) and for the zaken
 * behind one figure, and prints p50/p95 per request and each p50 against the baseline: the
 * two queries the routes run, without the zaak clock (so runs on different machines compare).
 *
 * Rows are inserted straight into the tables: the bench measures the read, not 10,000 process runs.
 * Usage: npm run bench:doorlooptijden [-- --json] [-- --zaken=N] [-- --rounds=N]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startRegie } from '../server/start.ts';
import { ApiClient } from '../test/support/http.ts';
import { throwawayPostgres } from './throwaway-postgres.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const arg = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ZAKEN = arg('zaken', 10_000);
const ROUNDS = arg('rounds', 15);
const log = (m: string) => {
  if (!asJson) process.stderr.write(`${m}\n`);
};


// Deterministic pseudo-random, so every run seeds the same mix.
let seed = 7;
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

async function seedTenant(db: Awaited<ReturnType<typeof startRegie>>['database']['db'], tenantId: string, count: number) {
  const klant = await db.selectFrom('klanten').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  const zaken = [];
  const events = [];
  const event = (zaakId: string, type: string, data: object, at: string) => ({
    zaak_id: zaakId,
    tenant_id: tenantId,
    type,
    data: JSON.stringify(data),
    actor: 'bench',
    occurred_at: `${at}T09:00:00.000Z`,
    idempotency_key: null,
  });
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const start = day('2021-11-01', Math.floor(rnd() * 1800));
    const besloten = rnd() < 0.8;
    zaken.push({
      id,
      identificatie: `BENCH-${tenantId}-${String(i).padStart(6, '0')}`,
      tenant_id: tenantId,
      regeling: (['prb', 'pib', 'pgb-bw'] as const)[i % 3]!,
      klant_id: klant.id,
      hoofdzaak_id: null,
      bpmn_process_id: 'bench',
      process_instance_key: null,
      policy_id: null,
      status: besloten ? ('besloten' as const) : ('in-behandeling' as const),
      doorlooptijd: 'P8W',
      servicenorm: 'P4W',
      startdatum: start,
      einddatum: null,
      resultaat: null,
      created_by: 'bench',
      created_at: `${start}T09:00:00.000Z`,
      updated_at: `${start}T09:00:00.000Z`,
    });
    if (rnd() < 0.2) {
      const van = day(start, 3);
      events.push(event(id, 'zaak.opgeschort', { van, reden: 'aanvullen' }, van));
      events.push(event(id, 'zaak.hervat', { tot: day(van, 14) }, day(van, 14)));
    }
    if (rnd() < 0.05) events.push(event(id, 'zaak.verdaagd', { datum: day(start, 30), termijn: 'P4W', reden: 'advies' }, day(start, 30)));
    if (besloten) events.push(event(id, 'zaak.besluit-bekendgemaakt', { verzenddatum: day(start, 10 + Math.floor(rnd() * 70)) }, day(start, 40)));
  }
  for (let i = 0; i < zaken.length; i += 200) await db.insertInto('zaken').values(zaken.slice(i, i + 200)).execute();
  for (let i = 0; i < events.length; i += 200) await db.insertInto('zaak_events').values(events.slice(i, i + 200)).execute();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-doorlooptijden-'));
  const pgDb = process.env.DATABASE_URL ? await throwawayPostgres(process.env.DATABASE_URL, 'doorlooptijden') : null;
  const regie = await startRegie({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: pgDb?.url,
    demo: true,
    demoZaken: false,
    reminders: false,
    logLevel: 'silent',
    buildUi: false,
    uiDistDir: path.join(dataDir, 'no-ui'),
  });
  try {
    const db = regie.database.db;
    log(`seeding ${ZAKEN} zaken in almere and ${ZAKEN / 5} in breda (${regie.database.dialect})…`);
    await seedTenant(db, 'almere', ZAKEN);
    await seedTenant(db, 'breda', ZAKEN / 5);
    await sql`analyze`.execute(db);

    const manager = await ApiClient.as(regie.url, 'manager.almere');
    const year = String(new Date().getUTCFullYear() - 1);
    const cases: Array<{ name: string; run: () => Promise<unknown> }> = [
      {
        name: 'baseline: the rows the figures read, without the clock',
        run: () =>
          Promise.all([
            db.selectFrom('zaken').innerJoin('klanten', 'klanten.id', 'zaken.klant_id').selectAll('zaken').select('klanten.naam as klant_naam').where('zaken.tenant_id', '=', 'almere').execute(),
            db
              .selectFrom('zaak_events')
              .select(['zaak_id', 'type', 'data'])
              .where('tenant_id', '=', 'almere')
              .where('type', 'in', ['zaak.opgeschort', 'zaak.hervat', 'zaak.verdaagd', 'zaak.besluit-bekendgemaakt'])
              .orderBy('id')
              .execute(),
          ]),
      },
      { name: 'GET /api/doorlooptijden', run: () => get('/api/doorlooptijden') },
      { name: `GET /api/doorlooptijden?van=${year}-01-01&tot=${year}-12-31`, run: () => get(`/api/doorlooptijden?van=${year}-01-01&tot=${year}-12-31`) },
      { name: 'GET /api/doorlooptijden/zaken?regeling=prb&categorie=besloten-buiten-termijn', run: () => get('/api/doorlooptijden/zaken?regeling=prb&categorie=besloten-buiten-termijn') },
    ];
    async function get(url: string) {
      const res = await manager.get(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    }
    for (const c of cases) for (let i = 0; i < 3; i++) await c.run();
    // Round-robin, so load from elsewhere on the machine spreads over every case alike.
    const samples = cases.map(() => [] as number[]);
    for (let i = 0; i < ROUNDS; i++) {
      for (const [n, c] of cases.entries()) {
        const t0 = performance.now();
        await c.run();
        samples[n]!.push(performance.now() - t0);
      }
    }
    const results = cases.map((c, n) => {
      const ms = samples[n]!.sort((a, b) => a - b);
      return { name: c.name, p50: percentile(ms, 50), p95: percentile(ms, 95) };
    });
    const base = results[0]!.p50;
    if (asJson) {
      process.stdout.write(`${JSON.stringify({ dialect: regie.database.dialect, zaken: ZAKEN, rounds: ROUNDS, results: results.map((r) => ({ ...r, ratio: r.p50 / base })) }, null, 2)}\n`);
    } else {
      console.log(`doorlooptijden, ${regie.database.dialect}, ${ZAKEN} zaken in the tenant, ${ROUNDS} requests per row`);
      console.log('| request | p50 ms | p95 ms | p50 / baseline |');
      console.log('| --- | ---: | ---: | ---: |');
      for (const r of results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p50 / base).toFixed(2)} |`);
    }
  } finally {
    await regie.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
