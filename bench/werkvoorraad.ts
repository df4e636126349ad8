/**
 * Werkvoorraad benchmark (not a test): GET /api/tasks with 1,000 open tasks in one tenant.
 *
 * Starts Regie in-process on a fresh database (SQLite in a temp dir, or PostgreSQL when
 * DATABASE_URL is set: a throwaway database is created and dropped), seeds Almere with
 * 1,000 open tasks behind 1,000 zaken (mixed groups, phases, regelingen and due dates, some
 * claimed, some without a due date) plus 400 completed ones, and Breda with 1,000 open tasks
 * as noise. Then asks the API as a klantmanager and as a manager, over HTTP on localhost, for
 * typical filter/page combinations and prints p50/p95 per combination and each p95 relative to
 * the baseline (the team view's first page), so runs on different machines compare.
 *
 * Rows are inserted straight into the tables: the bench measures the read, not 2,000 process runs.
 * Usage: npm run bench:werkvoorraad [-- --json] [-- --rounds=N]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from '../server/db/database.ts';
import { startRegie } from '../server/start.ts';
import { ApiClient } from '../test/support/http.ts';
import { throwawayPostgres } from './throwaway-postgres.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const roundsArg = args.find((a) => a.startsWith('--rounds='));
const ROUNDS = roundsArg ? Number(roundsArg.slice('--rounds='.length)) : 200;
const WARMUP = 20;
const OPEN = 1000;
const log = (m: string) => {
  if (!asJson) process.stderr.write(`${m}\n`);
};


// Deterministic pseudo-random, so every run seeds the same mix.
let seed = 42;
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const PHASES = ['aanmelding', 'orientatie', 'plan', 'beoordeling', 'besluit', 'uitvoering', 'verantwoording'] as const;
const REGELINGEN = ['prb', 'prb', 'prb', 'pgb-bw', 'pgb-bw', 'pib'] as const;

async function seedTenant(db: ReturnType<typeof createDatabase>['db'], tenantId: string, open: number, completed: number) {
  const klant = await db.selectFrom('klanten').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  const deployment = `bench-${tenantId}-deployment`;
  const now = Date.now();
  const tasks = [];
  const zaken = [];
  for (let i = 0; i < open + completed; i++) {
    const instance = `bench-${tenantId}-${i}`;
    const regeling = pick(REGELINGEN);
    const group = rnd() < 0.7 ? 'klantmanager' : pick(['beslisser', 'financieel', 'pgb-adviseur']);
    const claimed = group === 'klantmanager' && rnd() < 0.2;
    const due = rnd() < 0.1 ? null : new Date(now + Math.round((rnd() * 90 - 30) * 86_400_000)).toISOString();
    const created = new Date(now - Math.round(rnd() * 60 * 86_400_000)).toISOString();
    const state = i < open ? 'created' : 'completed';
    zaken.push({
      id: randomUUID(),
      identificatie: `BENCH-${tenantId}-${String(i).padStart(6, '0')}`,
      tenant_id: tenantId,
      regeling,
      klant_id: klant.id,
      hoofdzaak_id: null,
      bpmn_process_id: regeling,
      process_instance_key: instance,
      policy_id: null,
      status: 'in-behandeling' as const,
      doorlooptijd: 'P8W',
      servicenorm: 'P6W',
      startdatum: created.slice(0, 10),
      einddatum: null,
      resultaat: null,
      created_by: 'bench',
      created_at: created,
      updated_at: created,
    });
    tasks.push({
      key: `bench-task-${tenantId}-${i}`,
      instance_key: instance,
      tenant_id: tenantId,
      deployment_key: deployment,
      bpmn_process_id: regeling,
      version: 1,
      element_id: 'Taak',
      execution_id: `exec-${i}`,
      name: 'Taak',
      phase: pick(PHASES),
      form_id: null,
      form_key: null,
      assignee: claimed ? `klantmanager.${tenantId}` : null,
      candidate_groups: JSON.stringify([group]),
      candidate_users: '[]',
      due_date: due,
      follow_up_date: null,
      priority: 50,
      state: state as 'created' | 'completed',
      variables: JSON.stringify({ klant: `klant1.${tenantId}`, bedragCent: 250_000 }),
      created_at: created,
      completed_at: state === 'completed' ? created : null,
      completed_by: state === 'completed' ? `klantmanager.${tenantId}` : null,
    });
  }
  for (let i = 0; i < tasks.length; i += 200) {
    await db.insertInto('zaken').values(zaken.slice(i, i + 200)).execute();
    await db.insertInto('engine_user_tasks').values(tasks.slice(i, i + 200)).execute();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-werkvoorraad-'));
  const pgDb = process.env.DATABASE_URL ? await throwawayPostgres(process.env.DATABASE_URL, 'werkvoorraad') : null;
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
    log(`seeding ${OPEN} open tasks in almere (+400 completed) and ${OPEN} in breda (${regie.database.dialect})…`);
    await seedTenant(regie.database.db, 'almere', OPEN, 400);
    await seedTenant(regie.database.db, 'breda', OPEN, 0);
    // Fresh planner statistics after a bulk load, as autovacuum would give a live database.
    await sql`analyze`.execute(regie.database.db);

    const km = await ApiClient.as(regie.url, 'klantmanager.almere');
    const manager = await ApiClient.as(regie.url, 'manager.almere');
    const teamTotal = (await km.get<{ total: number }>('/api/tasks?view=all')).body.total;
    const lastPage = Math.max(1, Math.ceil(teamTotal / 25));
    const cases: { name: string; client: ApiClient; url: string }[] = [
      { name: 'baseline: team, page 1', client: km, url: '/api/tasks?view=all' },
      { name: 'mine, page 1', client: km, url: '/api/tasks?view=mine' },
      { name: 'my groups, page 1', client: km, url: '/api/tasks?view=group' },
      { name: `team, last page (${lastPage})`, client: km, url: `/api/tasks?view=all&page=${lastPage}` },
      { name: 'team, overdue', client: km, url: '/api/tasks?view=all&overdue=true' },
      { name: 'team, due within 7 days', client: km, url: '/api/tasks?view=all&dueWithinDays=7' },
      { name: 'team, regeling pgb-bw', client: km, url: '/api/tasks?view=all&regeling=pgb-bw' },
      { name: 'team, fase besluit', client: km, url: '/api/tasks?view=all&fase=besluit' },
      { name: 'group, prb + overdue, page 2', client: km, url: '/api/tasks?view=group&regeling=prb&overdue=true&page=2' },
      { name: 'manager: whole tenant, page 1', client: manager, url: '/api/tasks?view=all' },
      { name: 'manager: whole tenant, page 20 of 100', client: manager, url: '/api/tasks?view=all&page=20&pageSize=50' },
    ];
    for (const c of cases) {
      const first = await c.client.get(c.url);
      if (first.status !== 200) throw new Error(`${c.url}: ${first.status}`);
    }
    for (let i = 0; i < WARMUP; i++) for (const c of cases) await c.client.get(c.url);
    // Round-robin, so load from elsewhere on the machine spreads over every combination alike.
    const samples = cases.map(() => [] as number[]);
    for (let i = 0; i < ROUNDS; i++) {
      for (const [n, c] of cases.entries()) {
        const t0 = performance.now();
        await c.client.get(c.url);
        samples[n]!.push(performance.now() - t0);
      }
    }
    const results = [];
    for (const [n, c] of cases.entries()) {
      const ms = samples[n]!.sort((a, b) => a - b);
      const page = (await c.client.get<{ total: number; items: unknown[] }>(c.url)).body;
      results.push({ name: c.name, url: c.url, total: page.total, items: page.items.length, p50: percentile(ms, 50), p95: percentile(ms, 95) });
    }
    // Reference (no HTTP): what the list did before it moved to SQL, per request: read every open task of the tenant.
    const before: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await regie.engine.queryUserTasks({ tenantId: 'almere', state: 'created', limit: 10_000 });
      before.push(performance.now() - t0);
    }
    before.sort((a, b) => a - b);
    const reference = { name: 'reference: engine port reads all open tasks (old in-memory list, no HTTP)', p50: percentile(before, 50), p95: percentile(before, 95) };
    const base = results[0]!.p95;
    if (asJson) {
      process.stdout.write(`${JSON.stringify({ dialect: regie.database.dialect, open: OPEN, rounds: ROUNDS, results, reference }, null, 2)}\n`);
    } else {
      console.log(`werkvoorraad API, ${regie.database.dialect}, ${OPEN} open tasks in the tenant, ${ROUNDS} requests per row`);
      console.log('| combination | total | p50 ms | p95 ms | p95 / baseline |');
      console.log('| --- | ---: | ---: | ---: | ---: |');
      for (const r of results) console.log(`| ${r.name} | ${r.total} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / base).toFixed(2)} |`);
      console.log(`| ${reference.name} | ${OPEN} | ${reference.p50.toFixed(1)} | ${reference.p95.toFixed(1)} | ${(reference.p95 / base).toFixed(2)} |`);
    }
  } finally {
    await regie.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
