/**
 * Crash-test child: runs the engine on the test database, keeps 200 instances
 * of crash.bpmn going, completes their user tasks, and exits 0 once all are
 * done. The parent SIGKILLs it at random moments and starts it again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { EmbeddedEngine } from '../../../engine/embedded/embedded-engine.ts';
import type { EngineTables } from '../../../engine/embedded/store/tables.ts';
import { createDatabase } from '../../../server/db/database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const total = Number(process.env.CRASH_INSTANCES ?? 200);
const tenantId = 'crash';
const database = createDatabase({ databaseUrl: process.env.CRASH_DATABASE_URL || undefined, dataDir: process.env.CRASH_DATA_DIR! });
const db = database.db as unknown as Kysely<EngineTables>;
const engine = new EmbeddedEngine({ db, schedulerIntervalMs: 50, onError: (e) => console.error('[child]', e) });

engine.createWorker({
  taskType: 'pay-out',
  pollInterval: 20,
  taskHandler: async (job) => {
    // The side effect, made exactly-once by the job key.
    await sql`insert into crash_side_effects (job_key, instance_key, amount) values (${job.key}, ${job.processInstanceKey}, ${job.variables.amount as number}) on conflict (job_key) do nothing`.execute(database.db);
    await job.complete({ paid: true });
  },
});
engine.createWorker({ taskType: 'close-case', pollInterval: 20, taskHandler: (job) => job.complete({ closed: true }) });

await engine.deployResource({ tenantId, resources: [{ name: 'crash.bpmn', content: readFileSync(path.join(here, '..', 'fixtures', 'crash.bpmn'), 'utf8') }] });
const born = Date.now();
const trace = (m: string) => process.env.CRASH_VERBOSE && process.stderr.write(`[child] ${Date.now() - born} ms ${m}\n`);
await engine.start();
trace('started');
process.send?.('ready');

// Start the instances that do not exist yet: creation and first step commit together, so a number exists once or not at all.
const rows = await db.selectFrom('engine_instances').select(['variables']).where('tenant_id', '=', tenantId).where('parent_key', 'is', null).execute();
const existing = new Set(rows.map((r) => (JSON.parse(r.variables) as { nr: number }).nr));
for (let nr = 0; nr < total; nr++) {
  if (existing.has(nr)) continue;
  await engine.createProcessInstance({ tenantId, bpmnProcessId: 'crash', variables: { nr, amount: 100 + nr, wachttijd: `PT0.${1 + (nr % 4)}S` } });
}

trace('instances exist');
let lastReport = Date.now();
for (;;) {
  const open = await engine.queryUserTasks({ tenantId, state: 'created', limit: 50 });
  for (const task of open) await engine.completeUserTask({ userTaskKey: task.userTaskKey, actor: 'klantmanager', variables: { bevestigd: true } });
  const active = await db.selectFrom('engine_instances').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('status', '=', 'active').executeTakeFirstOrThrow();
  const all = await db.selectFrom('engine_instances').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  if (Number(active.n) === 0 && Number(all.n) >= total) break;
  if (process.env.CRASH_VERBOSE && Date.now() - lastReport > 2000) {
    lastReport = Date.now();
    process.stderr.write(`[child] instances ${all.n}, active ${active.n}\n`);
    if (Number(active.n) < 10) {
      const keys = (await db.selectFrom('engine_instances').select('key').where('tenant_id', '=', tenantId).where('status', '=', 'active').execute()).map((r) => r.key);
      const jobs = await db.selectFrom('engine_jobs').select(['element_id', 'state', 'available_at', 'retries']).where('instance_key', 'in', keys).where('state', 'not in', ['completed', 'canceled']).execute();
      const timers = await db.selectFrom('engine_timers').select(['due_at', 'state']).where('instance_key', 'in', keys).where('state', '!=', 'fired').execute();
      const tasks = await db.selectFrom('engine_user_tasks').select(['state']).where('instance_key', 'in', keys).where('state', '=', 'created').execute();
      const inc = await db.selectFrom('engine_incidents').select(['error_message']).where('instance_key', 'in', keys).execute();
      process.stderr.write(`[child] now ${new Date().toISOString()} jobs ${JSON.stringify(jobs)} timers ${JSON.stringify(timers)} tasks ${tasks.length} incidents ${JSON.stringify(inc)}\n`);
    }
  }
  await new Promise((r) => setTimeout(r, 50));
}
await engine.stop();
await database.close();
process.exit(0);
