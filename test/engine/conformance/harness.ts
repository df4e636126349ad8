import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineEvent, Job, Variables, WorkflowEngine } from '../../../engine/port.ts';

/**
 * What a conformance scenario needs from an engine under test. The embedded
 * factory builds one on a fresh database; a Zeebe factory can build one on a
 * cluster (ZEEBE_ADDRESS) with the same scenarios.
 */
export interface ConformanceTarget {
  engine: WorkflowEngine;
  /** A fresh engine on the same storage: simulates a restart of the server. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type TargetFactory = () => Promise<ConformanceTarget>;

const here = path.dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): string {
  return readFileSync(path.join(here, '..', 'fixtures', name), 'utf8');
}

let tenantSeq = 0;
/** Every scenario gets its own tenant: scenarios share a database without seeing each other. */
export function freshTenant(): string {
  tenantSeq += 1;
  return `t${process.pid}-${tenantSeq}`;
}

export async function deploy(engine: WorkflowEngine, tenantId: string, ...files: string[]) {
  return engine.deployResource({ tenantId, resources: files.map((f) => ({ name: f, content: fixture(f) })) });
}

/** Polls until fn returns a truthy value (no timing assertion: only a generous upper bound). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, what = 'voorwaarde', timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function instanceDone(engine: WorkflowEngine, key: string): Promise<Variables> {
  const inst = await eventually(async () => {
    const i = await engine.getProcessInstance(key);
    return i && i.state !== 'active' ? i : null;
  }, `instance ${key} completed`);
  if (inst.state !== 'completed') throw new Error(`instance ${key} ended as ${inst.state}`);
  return inst.variables;
}

/** Registers a worker that records each job and completes it with fn's result. */
export function work(engine: WorkflowEngine, taskType: string, fn: (job: Job) => Variables | Promise<Variables> | void = () => ({})) {
  const jobs: Job[] = [];
  const worker = engine.createWorker({
    taskType,
    pollInterval: 50,
    taskHandler: async (job) => {
      jobs.push(job);
      const out = await fn(job);
      await job.complete(out ?? {});
    },
  });
  return { jobs, worker };
}

export async function events(engine: WorkflowEngine, tenantId: string, processInstanceKey: string): Promise<EngineEvent[]> {
  return engine.queryEvents({ tenantId, processInstanceKey });
}

export function types(evts: EngineEvent[], filter?: (e: EngineEvent) => boolean): string[] {
  return evts.filter(filter ?? (() => true)).map((e) => (e.elementId ? `${e.type}:${e.elementId}` : e.type));
}
