/**
 * Engine benchmark (not a test): one run prints
 *  (a) raw bpmn-engine in memory on the reference process, instances/s
 *  (b) Regie's embedded engine with durable SQLite on the same process, instances/s, each user task
 *      completed as soon as it is open (closed loop of 20 callers); also, for comparison, the same
 *      with a backlog of parked tasks that are resumed from the database
 *  (c) their ratio
 *  (d) RSS with 10,000 instances parked at a user task
 *  (e) p50/p99 latency from a due timer to the instance resuming, for 1,000 timers
 * Usage: npm run bench:engine [-- --json] [-- --quick] [-- --parked=N] [-- --only=raw|ratio|parked]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import type { Kysely } from 'kysely';
import { loadDefinition } from '../engine/embedded/definition.ts';
import { EmbeddedEngine } from '../engine/embedded/embedded-engine.ts';
import { evaluateFeel, isFeel } from '../engine/embedded/feel.ts';
import type { EngineTables } from '../engine/embedded/store/tables.ts';
import type { Variables } from '../engine/port.ts';
import { createDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json') || args.has('--phase-parked');
const quick = args.has('--quick');
const N = quick ? 200 : 1000;
const parkedArg = process.argv.find((a) => a.startsWith('--parked='));
const PARKED = parkedArg ? Number(parkedArg.slice('--parked='.length)) : quick ? 1000 : 10_000;
const TIMERS = quick ? 200 : 1000;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const here = path.dirname(fileURLToPath(import.meta.url));
const referenceXml = readFileSync(path.join(here, '..', 'test', 'engine', 'fixtures', 'reference.bpmn'), 'utf8');

const log = (msg: string) => {
  if (!asJson) process.stderr.write(`${msg}\n`);
};

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// ---------------------------------------------------------------- (a) raw bpmn-engine

async function rawPerSec(n: number): Promise<number> {
  const definition = await loadDefinition(referenceXml);
  const expressions = {
    resolveExpression: (expr: unknown, ctx?: { environment?: { variables?: Variables } }) =>
      isFeel(expr) ? evaluateFeel(expr.slice(1), ctx?.environment?.variables ?? {}) : expr,
  };
  const scripts = {
    register() {},
    getScript(_language: string, flow: { behaviour: { conditionExpression?: { body?: string } } }) {
      const body = flow.behaviour.conditionExpression?.body ?? '=true';
      return { execute: (scope: { environment: { variables: Variables } }, cb: (e: Error | null, v?: unknown) => void) => cb(null, evaluateFeel(body.slice(1), scope.environment.variables)) };
    },
  };
  const extension = (activity: { type: string; behaviour: Record<string, unknown>; environment: { variables: Variables } }) => {
    if (activity.type !== 'bpmn:ServiceTask') return;
    activity.behaviour.Service = function Immediate() {
      return { execute: (_m: unknown, cb: (e: Error | null, out?: unknown) => void) => cb(null, {}) };
    };
  };
  const EngineCtor = Engine as unknown as new (o: object) => { execute(o: object): Promise<unknown>; once(e: string, f: () => void): void };
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const listener = {
        emit(name: string, api: { type: string; signal(m: unknown): void }) {
          if (name === 'activity.wait' && api.type === 'bpmn:UserTask') api.signal({});
        },
      };
      const engine = new EngineCtor({
        sourceContext: definition.sourceContext,
        expressions,
        scripts,
        extensions: { zeebe: extension },
        timers: new (elements as unknown as { Timers: new (o: object) => object }).Timers({}),
        Logger: () => ({ debug() {}, error() {}, warn() {} }),
      });
      engine.once('end', () => resolve());
      engine.once('error', () => reject(new Error('raw run failed')));
      engine.execute({ listener, variables: { amount: 6000, channel: 'web', requester: 'alice', score: 1 } }).catch(reject);
    });
  for (let i = 0; i < 20; i++) await runOne(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await runOne();
  return (n * 1000) / (performance.now() - t0);
}

// ---------------------------------------------------------------- durable engine

async function openEngine(dir: string) {
  const database = createDatabase({ dataDir: dir, sqliteFile: 'bench.sqlite' });
  await migrateToLatest(database);
  const engine = new EmbeddedEngine({ db: database.db as unknown as Kysely<EngineTables>, schedulerIntervalMs: 200 });
  await engine.start();
  return { database, engine };
}

/**
 * (b) The reference process with its user task completed at once, as raw does: 20 callers, each
 * starts an instance and waits until its task is done before it starts the next (a closed loop).
 * One poller completes every open task it sees, concurrently, as the users of a server would.
 * With `backlog`, 20 callers start all instances first and the poller catches up later: most
 * tasks then wait longer than a hot engine is kept, and each completion resumes its instance
 * from the database.
 */
async function openDurable(dir: string, backlog = false): Promise<{ perSec(n: number): Promise<number>; close(): Promise<void> }> {
  const { database, engine } = await openEngine(dir);
  await engine.deployResource({ tenantId: 'bench', resources: [{ name: 'reference.bpmn', content: referenceXml }] });
  engine.createWorker({ taskType: 'enrich-web', maxJobsToActivate: 64, taskHandler: (job) => job.complete({ score: 1 }) });
  engine.createWorker({ taskType: 'approve', maxJobsToActivate: 64, taskHandler: (job) => job.complete({}) });
  engine.createWorker({ taskType: 'auto-approve', maxJobsToActivate: 64, taskHandler: (job) => job.complete({}) });
  const run = async (count: number) => {
    let started = 0;
    let finished = 0;
    const waiting = new Map<string, () => void>();
    const completing = new Set<string>();
    const caller = async () => {
      while (started < count) {
        started++;
        const { processInstanceKey } = await engine.createProcessInstance({ tenantId: 'bench', bpmnProcessId: 'reference', variables: { amount: 6000, channel: 'web', requester: 'alice' } });
        if (!backlog) await new Promise<void>((resolve) => waiting.set(processInstanceKey, resolve));
      }
    };
    const completer = async () => {
      while (finished < count) {
        const tasks = await engine.queryUserTasks({ tenantId: 'bench', state: 'created', limit: 100 });
        const batch = tasks.filter((t) => !completing.has(t.userTaskKey));
        for (const t of batch) completing.add(t.userTaskKey);
        const done = Promise.all(
          batch.map((t) =>
            engine.completeUserTask({ userTaskKey: t.userTaskKey }).then(() => {
              finished++;
              completing.delete(t.userTaskKey);
              waiting.get(t.processInstanceKey)?.();
              waiting.delete(t.processInstanceKey);
            }),
          ),
        );
        // With a backlog the poller waits for its batch, as before; without one it looks again after a millisecond.
        if (backlog && batch.length) await done;
        else await new Promise((r) => setTimeout(r, 1));
      }
    };
    await Promise.all([...[...Array(20)].map(() => caller()), completer()]);
  };
  await run(100); // warm-up: the JIT needs more than raw's 20 here, it runs more code
  return {
    async perSec(n: number) {
      const before = engine.commitStats;
      const t0 = performance.now();
      await run(n);
      const perSec = (n * 1000) / (performance.now() - t0);
      const stats = engine.commitStats;
      const items = stats.items - before.items;
      const transactions = stats.transactions - before.transactions;
      log(`    ${backlog ? 'backlog: ' : ''}${items} units of work in ${transactions} transactions (${(items / transactions).toFixed(1)} per commit), ${perSec.toFixed(1)} instances/s`);
      return perSec;
    },
    async close() {
      await engine.stop();
      await database.close();
    },
  };
}

async function parkedRssMb(count: number, dir: string): Promise<{ idle: number; afterBurst: number }> {
  const { database, engine } = await openEngine(dir);
  const parkXml = readFileSync(path.join(here, '..', 'test', 'engine', 'fixtures', 'timer-boundary.bpmn'), 'utf8').replace('PT0.3S', 'P30D');
  await engine.deployResource({ tenantId: 'park', resources: [{ name: 'park.bpmn', content: parkXml }] });
  const t0 = Date.now();
  // 20 callers at a time, as in the durable run: their starts share commits.
  let next = 0;
  const starter = async () => {
    while (next < count) {
      const i = next++;
      await engine.createProcessInstance({ tenantId: 'park', bpmnProcessId: 'timerboundary', variables: { nr: i } });
      if (i % 2000 === 1999) process.stderr.write(`  parked ${i + 1} (${((i + 1) * 1000 / (Date.now() - t0)).toFixed(0)}/s)\n`);
    }
  };
  await Promise.all([...Array(20)].map(() => starter()));
  const open = await engine.queryUserTasks({ tenantId: 'park', state: 'created', limit: count + 1 });
  if (open.length !== count) throw new Error(`expected ${count} parked tasks, found ${open.length}`);
  // Hot engines are evicted after one idle second; then only the parked rows remain.
  await new Promise((r) => setTimeout(r, 1500));
  gc();
  await new Promise((r) => setTimeout(r, 200));
  gc();
  const early = process.memoryUsage();
  // A parked server is idle: give V8's memory reducer the time it takes. It shrinks the heap in
  // rounds, the first ~8 s after allocation stops; after 10 s the heap was still 61 of 62 MB, after 40 s 28 MB.
  const idleMs = Number(process.env.REGIE_BENCH_IDLE_MS ?? 40_000);
  await new Promise((r) => setTimeout(r, idleMs));
  const mem = process.memoryUsage();
  process.stderr.write(`  right after GC: rss ${(early.rss / 1048576).toFixed(1)} MB, heap ${(early.heapUsed / 1048576).toFixed(1)} of ${(early.heapTotal / 1048576).toFixed(1)} MB; after ${idleMs / 1000} s idle:\n`);
  const rss = mem.rss / 1024 / 1024;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const status = readFileSync('/proc/self/status', 'utf8').match(/^(RssAnon|RssFile):.*$/gm)?.join(', ') ?? '';
  process.stderr.write(`  live engines: ${engine.liveInstances}, heapUsed ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)}, external ${mb(mem.external)}, rss ${rss.toFixed(1)} MB (${status.replace(/\s+/g, ' ')})\n`);
  await engine.stop();
  await database.close();
  return { idle: rss, afterBurst: early.rss / 1024 / 1024 };
}

async function timerLatency(count: number, dir: string): Promise<{ p50: number; p99: number }> {
  const { database, engine } = await openEngine(dir);
  const timerXml = readFileSync(path.join(here, '..', 'test', 'engine', 'fixtures', 'timer-date.bpmn'), 'utf8');
  await engine.deployResource({ tenantId: 'timers', resources: [{ name: 'timer-date.bpmn', content: timerXml }] });
  await engine.deployResource({ tenantId: 'warm', resources: [{ name: 'timer-date.bpmn', content: timerXml }] });
  // Creation speed first (50 instances with far deadlines), so all 1,000 exist before the first is due.
  const far = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const w0 = Date.now();
  for (let i = 0; i < 50; i++) await engine.createProcessInstance({ tenantId: 'warm', bpmnProcessId: 'timerdate', variables: { deadline: far } });
  const perCreate = (Date.now() - w0) / 50;
  // Due times spread evenly over SPREAD_MS (below the resume capacity), starting once all instances exist.
  const SPREAD_MS = 30_000;
  const base = Date.now() + Math.ceil(count * perCreate * 1.5) + 2000;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const deadline = new Date(base + Math.floor((i * SPREAD_MS) / count)).toISOString();
    keys.push((await engine.createProcessInstance({ tenantId: 'timers', bpmnProcessId: 'timerdate', variables: { deadline } })).processInstanceKey);
  }
  if (Date.now() > base) log('  warning: timers were due before all instances were created');
  const db = database.db as unknown as Kysely<EngineTables>;
  for (;;) {
    const left = await db.selectFrom('engine_instances').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', 'timers').where('status', '=', 'active').executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const timers = await db.selectFrom('engine_timers').select(['key', 'due_at']).where('tenant_id', '=', 'timers').execute();
  const fired = await db.selectFrom('engine_events').select(['subject_key', 'occurred_at']).where('tenant_id', '=', 'timers').where('type', '=', 'timer.fired').execute();
  const firedAt = new Map(fired.map((f) => [f.subject_key, Date.parse(f.occurred_at)]));
  const latencies = timers.map((t) => firedAt.get(t.key)! - Date.parse(t.due_at)).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  await engine.stop();
  await database.close();
  void keys;
  return { p50: pct(50), p99: pct(99) };
}

// ---------------------------------------------------------------- main

/** RSS is measured in a fresh process so earlier phases do not inflate it. */
function parkedInChild(count: number, dir: string): { idle: number; afterBurst: number } {
  // The child runs as `npm start` runs the server: the tsx loader, V8's default heap, glibc's default
  // malloc arenas. For comparison (docs/benchmarks.md): REGIE_BENCH_HEAP=small bounds the heap,
  // REGIE_BENCH_MALLOC=2 sets MALLOC_ARENA_MAX=2.
  const heapFlags = process.env.REGIE_BENCH_HEAP === 'small' ? ['--max-semi-space-size=2', '--max-old-space-size=96'] : [];
  const env = process.env.REGIE_BENCH_MALLOC === '2' ? { ...process.env, MALLOC_ARENA_MAX: '2' } : process.env;
  const out = spawnSync(process.execPath, [...process.execArgv, ...heapFlags, fileURLToPath(import.meta.url), '--phase-parked', dir, String(count)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error(`parked phase failed (${out.status})`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as { idle: number; afterBurst: number };
}

const phaseAt = process.argv.indexOf('--phase-parked');
if (phaseAt > 0) {
  const rss = await parkedRssMb(Number(process.argv[phaseAt + 2]), process.argv[phaseAt + 1]!);
  process.stdout.write(`${JSON.stringify(rss)}\n`);
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-'));
try {
  log(`engine bench: N=${N}, parked=${PARKED}, timers=${TIMERS}, node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  if (only === 'parked') {
    const rss = parkedInChild(PARKED, path.join(tmp, 'parked'));
    process.stdout.write(`${JSON.stringify({ parkedRssMb: Number(rss.idle.toFixed(1)), parkedRssAfterBurstMb: Number(rss.afterBurst.toFixed(1)), parked: PARKED })}\n`);
    process.exit(0);
  }
  // Raw and durable alternate in rounds; each round's ratio divides by the mean of the raw runs
  // either side of it, and the figures are medians. The load on this shared machine drifts by
  // ±30 % within minutes: one raw run against one durable run tilted the ratio either way.
  const ROUNDS = quick ? 3 : 5;
  const perRound = Math.round(N / ROUNDS);
  const skipRaw = Boolean(process.env.BENCH_ONLY_DURABLE);
  if (only === 'raw') {
    process.stdout.write(`${JSON.stringify({ rawPerSec: Number((await rawPerSec(N)).toFixed(1)), instances: N })}\n`);
    process.exit(0);
  }
  const durableEngine = await openDurable(path.join(tmp, 'durable'));
  const raws: number[] = [skipRaw ? 1 : await rawPerSec(perRound)];
  const durables: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    durables.push(await durableEngine.perSec(perRound));
    raws.push(skipRaw ? 1 : await rawPerSec(perRound));
    ratios.push(durables[r]! / ((raws[r]! + raws[r + 1]!) / 2));
    log(`  round ${r + 1}: raw ${raws[r]!.toFixed(1)} → durable ${durables[r]!.toFixed(1)} → raw ${raws[r + 1]!.toFixed(1)} instances/s, ratio ${ratios[r]!.toFixed(2)}`);
  }
  await durableEngine.close();
  const backlogEngine = await openDurable(path.join(tmp, 'backlog'), true);
  const durableBacklog = await backlogEngine.perSec(N);
  await backlogEngine.close();
  const raw = median(raws);
  const durable = median(durables);
  const ratio = median(ratios);
  log(`(a) raw bpmn-engine in memory:        ${raw.toFixed(1)} instances/s (median of ${raws.length} runs of ${perRound})`);
  log(`(b) Regie durable SQLite:             ${durable.toFixed(1)} instances/s (median of ${ROUNDS} rounds of ${perRound})`);
  log(`(c) ratio durable/raw:                ${ratio.toFixed(2)} (median of the rounds' ratios: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
  log(`    durable with a backlog of parked tasks (resumed from the database): ${durableBacklog.toFixed(1)} instances/s, ${(durableBacklog / raw).toFixed(2)} of raw`);
  const ratioFields = {
    rawPerSec: Number(raw.toFixed(1)),
    durablePerSec: Number(durable.toFixed(1)),
    ratio: Number(ratio.toFixed(3)),
    roundRatios: ratios.map((x) => Number(x.toFixed(3))),
    durableBacklogPerSec: Number(durableBacklog.toFixed(1)),
  };
  if (skipRaw || only === 'ratio') {
    process.stdout.write(`${JSON.stringify({ ...ratioFields, instances: N })}\n`);
    process.exit(0);
  }
  const timer = await timerLatency(TIMERS, path.join(tmp, 'timers'));
  log(`(e) timer → resume latency:           p50 ${timer.p50} ms, p99 ${timer.p99} ms (${TIMERS} timers due evenly over 30 s)`);
  const rss = parkedInChild(PARKED, path.join(tmp, 'parked'));
  log(`(d) RSS with ${PARKED} parked instances: ${rss.idle.toFixed(1)} MB once idle (${rss.afterBurst.toFixed(1)} MB right after creating them)`);
  const result = {
    ...ratioFields,
    parkedRssMb: Number(rss.idle.toFixed(1)),
    parkedRssAfterBurstMb: Number(rss.afterBurst.toFixed(1)),
    timerP50Ms: timer.p50,
    timerP99Ms: timer.p99,
    instances: N,
    parked: PARKED,
    timers: TIMERS,
  };

  if (asJson) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`engine bench: raw ${result.rawPerSec}/s, durable ${result.durablePerSec}/s, ratio ${result.ratio}, parked RSS ${result.parkedRssMb} MB, timer p50 ${result.timerP50Ms} ms p99 ${result.timerP99Ms} ms\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
