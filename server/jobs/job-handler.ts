import type { Job, Variables } from '../../engine/port.ts';
import type { Services } from '../services.ts';

/**
 * A server-side job handler: binds a job type from the diagrams to rule code
 * in workers/ and to the server's stores. It returns the variables the job
 * completes with; throwing fails the job (retries, then an incident).
 */
export interface JobHandler {
  type: string;
  handle(job: Job, services: Services): Promise<Variables>;
}

export function header(job: Job, name: string): string {
  const value = job.customHeaders[name];
  if (value === undefined) throw new Error(`Taakkop "${name}" ontbreekt op ${job.elementId}.`);
  return value;
}

export function variable<T>(job: Job, name: string): T {
  const value = job.variables[name];
  if (value === undefined || value === null) throw new Error(`Procesvariabele "${name}" ontbreekt voor ${job.type} op ${job.elementId}.`);
  return value as T;
}

/** The user who completed the latest task with this element id in the instance (from the engine's log). */
export async function completedBy(services: Services, job: Job, elementId: string): Promise<string | null> {
  const tasks = await services.engine.queryUserTasks({ tenantId: job.tenantId, processInstanceKey: job.processInstanceKey, elementId, limit: 100 });
  const done = tasks.filter((t) => t.completedBy).sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  return done.at(-1)?.completedBy ?? tasks.find((t) => t.assignee)?.assignee ?? null;
}
