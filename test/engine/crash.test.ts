import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineTables } from '../../engine/embedded/store/tables.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/**
 * kill -9 at random moments must lose no committed step and repeat no side
 * effect: 200 instances (service task with a side effect keyed by the job key,
 * user task, timer), the child is SIGKILLed at least 10 times and restarted.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const TOTAL = 200;
const KILLS = Number(process.env.CRASH_KILLS ?? 12);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.schema
    .createTable('crash_side_effects')
    .addColumn('job_key', 'text', (c) => c.primaryKey())
    .addColumn('instance_key', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .execute();
});
afterAll(async () => {
  await database.drop();
});

function spawnChild(): { child: ChildProcess; ready: Promise<void>; exit: Promise<number | null> } {
  const child = fork(path.join(here, 'crash', 'child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CRASH_DATABASE_URL: database.databaseUrl ?? '', CRASH_DATA_DIR: database.dataDir, CRASH_INSTANCES: String(TOTAL) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<void>((resolve) => child.on('message', (m) => m === 'ready' && resolve()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exit };
}

it('survives repeated SIGKILL: every instance completes once, every side effect once, no event lost or doubled', async () => {
  let kills = 0;
  for (let i = 0; i < KILLS; i++) {
    const { child, ready, exit } = spawnChild();
    const s0 = Date.now();
    await ready;
    process.stderr.write(`ready in ${Date.now() - s0} ms\n`);
    await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 600)));
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      kills++;
    }
    await exit;
  }
  expect(kills).toBeGreaterThanOrEqual(Math.min(10, KILLS));
  const t0 = Date.now();
  const last = spawnChild();
  expect(await last.exit).toBe(0);
  process.stderr.write(`final run ${Date.now() - t0} ms after ${kills} kills\n`);

  const db = database.db as unknown as Kysely<EngineTables>;
  const instances = await db.selectFrom('engine_instances').selectAll().where('tenant_id', '=', 'crash').execute();
  expect(instances).toHaveLength(TOTAL);
  expect(instances.every((i) => i.status === 'completed')).toBe(true);
  const numbers = instances.map((i) => (JSON.parse(i.variables) as { nr: number }).nr).sort((a, b) => a - b);
  expect(numbers).toEqual([...Array(TOTAL).keys()]);
  expect(instances.every((i) => JSON.parse(i.variables).paid === true && JSON.parse(i.variables).closed === true)).toBe(true);

  const effects = await sql<{ job_key: string; instance_key: string }>`select job_key, instance_key from crash_side_effects`.execute(database.db);
  expect(effects.rows).toHaveLength(TOTAL);
  expect(new Set(effects.rows.map((e) => e.instance_key)).size).toBe(TOTAL);
  const payJobs = await db.selectFrom('engine_jobs').select(['key', 'instance_key', 'state']).where('tenant_id', '=', 'crash').where('element_id', '=', 'Pay').execute();
  expect(payJobs).toHaveLength(TOTAL);
  expect(payJobs.every((j) => j.state === 'completed')).toBe(true);
  expect(new Set(effects.rows.map((e) => e.job_key))).toEqual(new Set(payJobs.map((j) => j.key)));

  const expected = [
    'process_instance.started',
    'element.entered:Start',
    'element.completed:Start',
    'element.entered:Pay',
    'job.created:Pay',
    'job.completed:Pay',
    'element.completed:Pay',
    'element.entered:Confirm',
    'user_task.created:Confirm',
    'user_task.completed:Confirm',
    'element.completed:Confirm',
    'element.entered:Cool',
    'timer.created:Cool',
    'timer.fired:Cool',
    'element.completed:Cool',
    'element.entered:Close',
    'job.created:Close',
    'job.completed:Close',
    'element.completed:Close',
    'element.entered:End',
    'element.completed:End',
    'process_instance.completed',
  ];
  const evts = await db.selectFrom('engine_events').select(['instance_key', 'type', 'element_id']).where('tenant_id', '=', 'crash').orderBy('id').execute();
  const byInstance = new Map<string, string[]>();
  for (const e of evts) {
    const list = byInstance.get(e.instance_key!) ?? [];
    list.push(e.element_id ? `${e.type}:${e.element_id}` : e.type);
    byInstance.set(e.instance_key!, list);
  }
  expect(byInstance.size).toBe(TOTAL);
  for (const [key, list] of byInstance) expect({ key, list }).toEqual({ key, list: expected });
}, 180_000);
