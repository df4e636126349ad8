import type { CreateWorkerRequest, FailJobRequest, Job, Variables, Worker } from '../port.ts';
import type { JobClaim } from './runtime.ts';
import type { JobRow } from './store/tables.ts';

/**
 * A job worker: polls for activatable jobs of one type, runs the handler
 * outside any transaction, and reports the outcome back through the engine.
 * A handler that throws fails the job (retries − 1), like the Zeebe client.
 */

export interface JobBackend {
  activateJobs(type: string, max: number, workerName: string, timeoutMs: number): Promise<JobRow[]>;
  completeJob(key: string, variables: Variables): Promise<void>;
  failJob(key: string, request: FailJobRequest): Promise<void>;
  throwError(key: string, errorCode: string, errorMessage: string, variables: Variables): Promise<void>;
  onWorkerError(err: unknown, job: JobRow): void;
}

export class JobWorker implements Worker {
  readonly taskType: string;
  private readonly max: number;
  private readonly timeout: number;
  private readonly pollInterval: number;
  private readonly name: string;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private again = false;
  private closed = false;
  private started = false;
  /** Slots promised to jobs pushed in a transaction that has not committed yet. */
  private reserved = 0;
  /** The last poll filled every free slot: older jobs may wait in the database, so take no pushes. */
  private backlog = true;
  /** Jobs were committed as activatable since the last poll (the worker had no room or was polling). */
  private dirty = true;

  constructor(
    private readonly request: CreateWorkerRequest<Variables>,
    private readonly backend: JobBackend,
    private readonly onClose: (w: JobWorker) => void,
  ) {
    this.taskType = request.taskType;
    this.max = request.maxJobsToActivate ?? 32;
    this.timeout = request.timeout ?? 5 * 60_000;
    this.pollInterval = request.pollInterval ?? 500;
    this.name = request.workerName ?? `worker-${request.taskType}`;
  }

  /** Starts polling (called by the engine when it runs). */
  start(): void {
    if (this.closed || this.started) return;
    this.started = true;
    this.poke();
  }

  pause(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** New jobs of this type were committed as activatable: poll now instead of waiting. */
  poke(): void {
    this.dirty = true;
    this.pollNow();
  }

  private pollNow(): void {
    if (!this.started || this.closed) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.poll();
  }

  private schedule(): void {
    if (!this.started || this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, this.pollInterval);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      do {
        this.again = false;
        const free = this.max - this.running.size - this.reserved;
        if (free <= 0 || !this.started || this.closed) break;
        let jobs: JobRow[] = [];
        this.dirty = false;
        try {
          jobs = await this.backend.activateJobs(this.taskType, free, this.name, this.timeout);
        } catch (err) {
          // The database may be closing during shutdown; try again at the next poll.
          this.dirty = true;
          if (!this.closed) this.backend.onWorkerError(err, null as unknown as JobRow);
          break;
        }
        for (const row of jobs) this.track(this.handle(row));
        this.backlog = jobs.length === free;
        if (this.backlog) this.again = true;
      } while (this.again);
    } finally {
      this.polling = false;
      this.schedule();
    }
  }

  /** Job push: reserves a slot for a job being created, or null if this worker should poll instead. */
  reserve(): JobClaim | null {
    if (!this.started || this.closed || this.polling || this.backlog) return null;
    if (this.running.size + this.reserved >= this.max) return null;
    this.reserved++;
    let open = true;
    const done = () => {
      if (!open) return false;
      open = false;
      this.reserved--;
      return true;
    };
    return {
      worker: this.name,
      deadline: new Date(Date.now() + this.timeout).toISOString(),
      deliver: (row) => {
        if (done()) this.track(this.handle(row));
      },
      release: () => {
        done();
      },
    };
  }

  private track(p: Promise<void>): void {
    this.running.add(p);
    void p.finally(() => {
      this.running.delete(p);
      // A freed slot polls only if jobs may be waiting; pushed jobs need no poll.
      if (this.dirty || this.backlog) this.pollNow();
    });
  }

  private async handle(row: JobRow): Promise<void> {
    let settled = false;
    const once = async (fn: () => Promise<void>) => {
      if (settled) return;
      settled = true;
      await fn();
    };
    const backend = this.backend;
    const job: Job = {
      key: row.key,
      type: row.type,
      processInstanceKey: row.instance_key,
      bpmnProcessId: row.bpmn_process_id,
      processDefinitionVersion: row.version,
      tenantId: row.tenant_id,
      elementId: row.element_id,
      listenerEventType: row.listener,
      retries: row.retries,
      customHeaders: JSON.parse(row.custom_headers) as Record<string, string>,
      variables: JSON.parse(row.variables) as Variables,
      complete: (variables = {}) => once(() => backend.completeJob(row.key, variables)),
      fail: (request) => once(() => backend.failJob(row.key, request)),
      error: (code, message = '', variables = {}) => once(() => backend.throwError(row.key, code, message, variables)),
    };
    try {
      await this.request.taskHandler(job);
      if (!settled) await job.complete();
    } catch (err) {
      if (settled) {
        backend.onWorkerError(err, row);
        return;
      }
      try {
        await job.fail({ errorMessage: (err as Error)?.message ?? String(err) });
      } catch (failErr) {
        backend.onWorkerError(failErr, row);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pause();
    await Promise.allSettled([...this.running]);
    this.onClose(this);
  }

  /** Waits for running handlers (engine stop). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
