import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { EngineError, type EngineEventType, type Variables } from '../port.ts';
import { loadDefinition, type LoadedDefinition } from './definition.ts';
import { InstanceRun, patchStateVariables, type EngineState, type EventDraft, type Wait } from './instance-run.ts';
import type { EngineTables, InstanceRow, JobRow } from './store/tables.ts';

/**
 * Turns runs into transactions: load the instance, run it, and write its
 * state, side records (user tasks, jobs, timers, subscriptions) and events in
 * one transaction. Nothing stays in memory after the commit.
 */

export type Tx = Transaction<EngineTables>;

export type Action =
  | { type: 'start'; variables: Variables; actor?: string | null }
  | { type: 'resume' }
  | { type: 'completeJob'; jobKey: string; variables: Variables }
  | { type: 'throwError'; jobKey: string; errorCode: string; errorMessage: string; variables: Variables }
  | { type: 'completeTask'; taskKey: string; variables: Variables; actor: string | null }
  | { type: 'correlate'; subscriptionKey: string; messageKey: string; variables: Variables }
  | { type: 'childCompleted'; childKey: string; executionId: string; variables: Variables }
  | { type: 'setVariables'; variables: Variables; actor: string | null };

export interface RunResult {
  completed: boolean;
  failed: boolean;
  variables: Variables;
}

/** Work to do after commit: wake workers and the timer scheduler. */
export interface AfterCommit {
  jobTypes: Set<string>;
  timerDueAt: string[];
  /** Hot engines are kept only once the transaction committed. */
  hot: Array<() => void>;
  /** Jobs written as activated for a local worker with room (job push), handed over after commit. */
  pushed: Array<{ row: JobRow; claim: JobClaim }>;
}

/** A slot a local worker reserved for a job created in this transaction. */
export interface JobClaim {
  worker: string;
  deadline: string;
  /** After commit: run the handler. */
  deliver(row: JobRow): void;
  /** Rolled back: free the slot. */
  release(): void;
}

export function newKey(): string {
  return randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function json(value: unknown): string {
  return JSON.stringify(value ?? {});
}

export function parseJson<T>(text: string | null): T {
  return (text ? JSON.parse(text) : {}) as T;
}

export class DefinitionCache {
  private readonly cache = new Map<string, Promise<LoadedDefinition>>();
  constructor(private readonly db: Kysely<EngineTables>) {}

  get(deploymentKey: string, db: Kysely<EngineTables> | Tx = this.db): Promise<LoadedDefinition> {
    let hit = this.cache.get(deploymentKey);
    if (!hit) {
      hit = (async () => {
        const row = await db.selectFrom('engine_deployments').select('xml').where('key', '=', deploymentKey).executeTakeFirstOrThrow();
        return loadDefinition(row.xml);
      })();
      hit.catch(() => this.cache.delete(deploymentKey));
      this.cache.set(deploymentKey, hit);
    }
    return hit;
  }
}

export interface EventInsert {
  type: EngineEventType;
  tenantId: string;
  bpmnProcessId: string | null;
  version: number | null;
  instanceKey: string | null;
  elementId?: string | null;
  elementType?: string | null;
  phase?: string | null;
  subjectKey?: string | null;
  actor?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: string;
}

type EventRow = Insertable<EngineTables['engine_events']>;

/** Event rows of the transaction being built, written in one go just before its commit. */
const pendingEvents = new WeakMap<object, EventRow[]>();

/**
 * Events of a group-commit transaction are collected and written by
 * `flushEvents` right before the commit, as a few multi-row inserts instead of
 * several small ones per unit of work. They are still in the same transaction
 * as the state change they describe; a unit rolled back to its savepoint drops
 * its own rows (`mark`).
 */
export function collectEvents(tx: Tx): { mark(): () => void; flush(): Promise<void> } {
  const rows: EventRow[] = [];
  pendingEvents.set(tx, rows);
  return {
    mark() {
      const at = rows.length;
      return () => {
        rows.length = at;
      };
    },
    async flush() {
      pendingEvents.delete(tx);
      await writeEventRows(tx, rows);
    },
  };
}

async function writeEventRows(tx: Tx | Kysely<EngineTables>, rows: EventRow[]): Promise<void> {
  // Chunks keep SQLite under its bound-parameter limit (12 columns a row).
  for (let i = 0; i < rows.length; i += 80) await tx.insertInto('engine_events').values(rows.slice(i, i + 80)).execute();
}

export async function insertEvents(tx: Tx | Kysely<EngineTables>, events: EventInsert[]): Promise<void> {
  if (!events.length) return;
  const at = nowIso();
  const rows: EventRow[] = events.map((e) => ({
    type: e.type,
    tenant_id: e.tenantId,
    bpmn_process_id: e.bpmnProcessId,
    version: e.version,
    instance_key: e.instanceKey,
    element_id: e.elementId ?? null,
    element_type: e.elementType ?? null,
    phase: e.phase ?? null,
    subject_key: e.subjectKey ?? null,
    actor: e.actor ?? null,
    occurred_at: e.occurredAt ?? at,
    data: json(e.data),
  }));
  const pending = pendingEvents.get(tx);
  if (pending) pending.push(...rows);
  else await writeEventRows(tx, rows);
}

function waitEvent(
  instance: InstanceRow,
  run: InstanceRun,
  wait: Wait,
  type: EngineEventType,
  data: Record<string, unknown>,
  actor: string | null,
): EventInsert {
  const info = run.elementInfo(wait.elementId);
  return {
    type,
    tenantId: instance.tenant_id,
    bpmnProcessId: instance.bpmn_process_id,
    version: instance.version,
    instanceKey: instance.key,
    elementId: wait.elementId,
    elementType: info?.type ?? null,
    phase: info?.phase ?? null,
    subjectKey: wait.key,
    actor,
    data,
  };
}

function instanceEvent(instance: InstanceRow, e: EventDraft): EventInsert {
  return {
    type: e.type,
    tenantId: instance.tenant_id,
    bpmnProcessId: instance.bpmn_process_id,
    version: instance.version,
    instanceKey: instance.key,
    elementId: e.elementId,
    elementType: e.elementType,
    phase: e.phase,
    subjectKey: e.subjectKey,
    actor: e.actor,
    data: e.data,
  };
}

export interface RunOptions {
  /** The parent is mid-run and takes the child's result itself. */
  parentLive?: boolean;
  /** Variables set before the run (incident resolution, setVariables). */
  patch?: Variables;
  /** Rows the caller just read or wrote in this transaction: not read again. */
  instance?: InstanceRow;
  job?: { variables: string; state: string; type: string };
  task?: { variables: string; state: string };
}

interface HotRun {
  run: InstanceRun;
  /** updated_at of the instance row this engine state was committed as. */
  committedAt: string;
  usedAt: number;
}

export class Runtime {
  /**
   * Recently active instances keep their live bpmn-engine after the commit, so
   * the next job or task completion needs no recover/resume. The database stays
   * the truth: a hot engine is only used when the row is unchanged since its
   * commit, never for timers, variable patches or after a failed run, and it is
   * dropped after `hotIdleMs` or beyond `hotSize` entries.
   */
  private readonly hot = new Map<string, HotRun>();

  constructor(
    readonly db: Kysely<EngineTables>,
    readonly definitions: DefinitionCache,
    private readonly hotSize = 32,
    private readonly hotIdleMs = 1000,
    /** Job push: a local worker of this type with room takes the job in the transaction that creates it. */
    private readonly claimJob: (type: string) => JobClaim | null = () => null,
  ) {}

  dropHot(instanceKey?: string): void {
    const keys = instanceKey ? [instanceKey] : [...this.hot.keys()];
    for (const k of keys) {
      this.hot.get(k)?.run.stop();
      this.hot.delete(k);
    }
  }

  /** Stops hot engines that have been idle; called by the scheduler. */
  sweepHot(now = Date.now()): void {
    for (const [k, h] of this.hot) if (now - h.usedAt > this.hotIdleMs) this.dropHot(k);
  }

  get hotCount(): number {
    return this.hot.size;
  }

  private keepHot(instanceKey: string, run: InstanceRun, committedAt: string): void {
    this.hot.delete(instanceKey);
    this.hot.set(instanceKey, { run, committedAt, usedAt: Date.now() });
    while (this.hot.size > this.hotSize) {
      const oldest = this.hot.keys().next().value as string;
      this.dropHot(oldest);
    }
  }

  /** Runs one action on one instance inside tx; nested runs (children, parents) join the same tx. */
  async runInTx(tx: Tx, instanceKey: string, action: Action, after: AfterCommit, opts: RunOptions = {}): Promise<RunResult> {
    const instance = opts.instance ?? (await tx.selectFrom('engine_instances').selectAll().where('key', '=', instanceKey).executeTakeFirst());
    if (!instance) throw new EngineError('NOT_FOUND', `procesinstantie ${instanceKey} bestaat niet`);
    if (instance.status !== 'active') {
      if (action.type === 'resume') return { completed: false, failed: false, variables: {} };
      throw new EngineError('INVALID_STATE', `procesinstantie ${instanceKey} is niet actief (${instance.status})`);
    }
    const definition = await this.definitions.get(instance.deployment_key, tx);
    const hot = this.hot.get(instanceKey);
    this.hot.delete(instanceKey);
    const patch = { ...(action.type === 'setVariables' ? action.variables : {}), ...opts.patch };
    const reuse =
      hot !== undefined && hot.run.isLive && hot.committedAt === instance.updated_at && action.type !== 'resume' && action.type !== 'start' && !Object.keys(patch).length;
    if (hot && !reuse) hot.run.stop();
    if (reuse) {
      hot.run.beginRun();
      return this.execute(tx, instance, hot.run, action, after, opts, true);
    }

    // A start (also the replay of a failed one) persisted nothing yet: skip the five lookups.
    const empty = action.type === 'start' && instance.state === null;
    const [tasks, jobs, timers, subs, children] = empty ? [[], [], [], [], []] : await Promise.all([
      tx.selectFrom('engine_user_tasks').select(['key', 'state', 'element_id', 'execution_id']).where('instance_key', '=', instanceKey).execute(),
      tx.selectFrom('engine_jobs').select(['key', 'state', 'type', 'element_id', 'execution_id', 'listener']).where('instance_key', '=', instanceKey).execute(),
      tx.selectFrom('engine_timers').select(['key', 'state', 'element_id', 'execution_id']).where('instance_key', '=', instanceKey).execute(),
      tx.selectFrom('engine_subscriptions').select(['key', 'state', 'element_id', 'execution_id']).where('instance_key', '=', instanceKey).execute(),
      tx.selectFrom('engine_instances').select(['key', 'parent_execution_id']).where('parent_key', '=', instanceKey).execute(),
    ]);
    const knownKeys = new Set<string>([
      ...tasks.map((r) => r.key),
      ...jobs.map((r) => r.key),
      ...timers.map((r) => r.key),
      ...subs.map((r) => r.key),
      ...children.map((c) => `${instanceKey}:${c.parent_execution_id}`),
    ]);

    const run = new InstanceRun({ instanceKey, definition, knownKeys });
    for (const r of tasks) if (r.state === 'created') run.openRecords.set(r.key, { kind: 'task', elementId: r.element_id, executionId: r.execution_id });
    for (const r of jobs) {
      if (!r.listener && (r.state === 'activatable' || r.state === 'activated' || r.state === 'failed')) {
        run.openRecords.set(r.key, { kind: 'job', elementId: r.element_id, executionId: r.execution_id });
      }
    }
    for (const r of timers) if (r.state === 'pending' || r.state === 'blocked') run.openRecords.set(r.key, { kind: 'timer', elementId: r.element_id, executionId: r.execution_id });
    for (const r of subs) if (r.state === 'open') run.openRecords.set(r.key, { kind: 'subscription', elementId: r.element_id, executionId: r.execution_id });
    return this.execute(tx, instance, run, action, after, opts, false, patch);
  }

  private async execute(
    tx: Tx,
    instance: InstanceRow,
    run: InstanceRun,
    action: Action,
    after: AfterCommit,
    opts: RunOptions,
    live: boolean,
    patch: Variables = {},
  ): Promise<RunResult> {
    const instanceKey = instance.key;
    const actorEvents: EventInsert[] = [];
    let keep = false;
    try {
      if (live) {
        // The engine is already where the last commit left it.
      } else if (action.type === 'start') {
        await run.start({ ...action.variables, ...patch });
      } else {
        const state = JSON.parse(instance.state ?? 'null') as EngineState | null;
        if (!state) throw new EngineError('INVALID_STATE', `procesinstantie ${instanceKey} heeft geen opgeslagen toestand`);
        if (Object.keys(patch).length) patchStateVariables(state, patch);
        await run.resume(state);
      }
      if (!run.failure) await this.applyAction(tx, instance, run, action, actorEvents, opts);
      if (!run.failure) await this.settle(tx, instance, run, after);

      if (run.failure) {
        await this.raiseIncident(tx, instance, run, action);
        return { completed: false, failed: true, variables: {} };
      }
      const variables = run.cleanVariables();
      const state = run.completed ? null : await run.getState();
      const committedAt = await this.persist(tx, instance, run, state, variables, after, actorEvents);
      if (!run.completed && this.hotSize > 0) {
        run.committed();
        after.hot.push(() => this.keepHot(instanceKey, run, committedAt));
        keep = true;
      }
      if (run.completed && instance.parent_key && !opts.parentLive) {
        await this.notifyParent(tx, instance, variables, after);
      }
      return { completed: run.completed, failed: false, variables };
    } finally {
      if (!keep) run.stop();
    }
  }

  private waitFor(run: InstanceRun, key: string, what: string): Wait {
    const wait = run.waits.get(key);
    if (!wait) throw new EngineError('INVALID_STATE', `${what} ${key} wacht niet meer in het proces`);
    return wait;
  }

  /** The run whose action is being applied (jobDone closes its records). */
  private closing: InstanceRun | null = null;

  private async applyAction(tx: Tx, instance: InstanceRow, run: InstanceRun, action: Action, actorEvents: EventInsert[], opts: RunOptions): Promise<void> {
    this.closing = run;
    switch (action.type) {
      case 'start':
      case 'resume':
      case 'setVariables':
        return;
      case 'completeJob': {
        const wait = this.waitFor(run, action.jobKey, 'job');
        const job = opts.job ?? (await tx.selectFrom('engine_jobs').select(['variables', 'state', 'type']).where('key', '=', action.jobKey).executeTakeFirst());
        await this.jobDone(tx, instance, wait, job?.state, 'completed', { type: job?.type });
        run.completeWait(wait, action.variables, parseJson<Variables>(job?.variables ?? null));
        return;
      }
      case 'throwError': {
        const wait = this.waitFor(run, action.jobKey, 'job');
        const job = await tx.selectFrom('engine_jobs').select(['state', 'type']).where('key', '=', action.jobKey).executeTakeFirst();
        await this.jobDone(tx, instance, wait, job?.state, 'error_thrown', { type: job?.type, errorCode: action.errorCode, errorMessage: action.errorMessage });
        if (Object.keys(action.variables).length) Object.assign(run.variables(), action.variables);
        run.throwError(wait, action.errorCode, action.errorMessage);
        return;
      }
      case 'completeTask': {
        const wait = this.waitFor(run, action.taskKey, 'gebruikerstaak');
        const task = opts.task ?? (await tx.selectFrom('engine_user_tasks').select(['variables', 'state']).where('key', '=', action.taskKey).executeTakeFirst());
        if (task?.state === 'created') {
          run.openRecords.delete(action.taskKey);
          // A fact even if the next step raises an incident; a replay finds it done and skips this.
          await tx
            .updateTable('engine_user_tasks')
            .set({ state: 'completed', completed_at: nowIso(), completed_by: action.actor })
            .where('key', '=', action.taskKey)
            .execute();
          actorEvents.push(waitEvent(instance, run, wait, 'user_task.completed', { variables: Object.keys(action.variables) }, action.actor));
        }
        run.completeWait(wait, action.variables, parseJson<Variables>(task?.variables ?? null));
        return;
      }
      case 'correlate': {
        const wait = this.waitFor(run, action.subscriptionKey, 'berichtabonnement');
        run.completeWait(wait, action.variables);
        if (!run.failure) {
          run.events.push({
            type: 'message.correlated',
            elementId: wait.elementId,
            elementType: null,
            phase: null,
            subjectKey: action.messageKey,
            actor: null,
            data: { subscriptionKey: wait.key },
          });
        }
        return;
      }
      case 'childCompleted': {
        const wait = run.findWait('call', action.executionId);
        if (!wait) throw new EngineError('INVALID_STATE', `aanroep ${action.executionId} wacht niet meer`);
        run.completeWait(wait, this.childOutput(run, wait.elementId, action.variables));
        return;
      }
    }
  }

  private async jobDone(tx: Tx, instance: InstanceRow, wait: Wait, state: string | undefined, to: 'completed' | 'error_thrown', data: Record<string, unknown>): Promise<void> {
    if (state === 'completed' || state === 'error_thrown') return;
    this.closing?.openRecords.delete(wait.key);
    await tx.updateTable('engine_jobs').set({ state: to, updated_at: nowIso() }).where('key', '=', wait.key).execute();
    // Written now, not with the run: the worker's work is done even if the next step raises an incident.
    await insertEvents(tx, [
      {
        type: to === 'completed' ? 'job.completed' : 'job.error_thrown',
        tenantId: instance.tenant_id,
        bpmnProcessId: instance.bpmn_process_id,
        version: instance.version,
        instanceKey: instance.key,
        elementId: wait.elementId,
        subjectKey: wait.key,
        data,
      },
    ]);
  }

  /** Starts called children and correlates buffered messages until nothing new happens. */
  private async settle(tx: Tx, instance: InstanceRow, run: InstanceRun, after: AfterCommit): Promise<void> {
    const handled = new Set<string>();
    for (let round = 0; round < 1000 && !run.failure; round++) {
      const fresh = [...run.waits.values()].find((w) => w.data && !handled.has(w.key) && (w.kind === 'call' || w.kind === 'subscription'));
      if (!fresh) return;
      handled.add(fresh.key);
      if (fresh.data?.kind === 'call') {
        let child: RunResult;
        try {
          child = await this.startChild(tx, instance, fresh, fresh.data.processId, fresh.data.variables, after);
        } catch (err) {
          if (!(err instanceof ChildMissing)) throw err;
          run.fail(err.elementId, 'CALLED_ELEMENT_ERROR', err.message);
          return;
        }
        if (child.completed) {
          const info = run.waits.get(fresh.key);
          if (info) run.completeWait(info, this.childOutput(run, fresh.elementId, child.variables));
        }
      } else if (fresh.data?.kind === 'subscription') {
        const message = await tx
          .selectFrom('engine_messages')
          .selectAll()
          .where('tenant_id', '=', instance.tenant_id)
          .where('name', '=', fresh.data.messageName)
          .where('correlation_key', '=', fresh.data.correlationKey)
          .where('state', '=', 'buffered')
          .where('expires_at', '>', nowIso())
          .orderBy('published_at')
          .executeTakeFirst();
        if (message) {
          run.completeWait(fresh, parseJson<Variables>(message.variables));
          if (run.failure) return;
          await tx.updateTable('engine_messages').set({ state: 'correlated' }).where('key', '=', message.key).execute();
          run.events.push({
            type: 'message.correlated',
            elementId: fresh.elementId,
            elementType: null,
            phase: null,
            subjectKey: message.key,
            actor: null,
            data: { subscriptionKey: fresh.key, buffered: true },
          });
        }
      }
    }
  }

  /** Zeebe: without propagateAllChildVariables only the output mappings bring child variables back. */
  private childOutput(run: InstanceRun, elementId: string, childVars: Variables): Variables {
    const info = run.elementInfo(elementId);
    if (info?.calledElement && !info.calledElement.propagateAllChildVariables && !info.io.outputs.length) return {};
    return childVars;
  }

  private async startChild(tx: Tx, parent: InstanceRow, wait: Wait, processId: string, variables: Variables, after: AfterCommit): Promise<RunResult> {
    const deployment = await tx
      .selectFrom('engine_deployments')
      .select(['key', 'version', 'bpmn_process_id'])
      .where('tenant_id', '=', parent.tenant_id)
      .where('bpmn_process_id', '=', processId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (!deployment) {
      throw new ChildMissing(wait.elementId, `aangeroepen proces '${processId}' is niet gedeployed voor ${parent.tenant_id}`);
    }
    const key = newKey();
    const at = nowIso();
    await tx
      .insertInto('engine_instances')
      .values({
        key,
        tenant_id: parent.tenant_id,
        deployment_key: deployment.key,
        bpmn_process_id: deployment.bpmn_process_id,
        version: deployment.version,
        status: 'active',
        state: null,
        variables: json(variables),
        parent_key: parent.key,
        parent_execution_id: wait.executionId,
        parent_element_id: wait.elementId,
        parent_pending: 0,
        started_at: at,
        ended_at: null,
        updated_at: at,
      })
      .execute();
    await insertEvents(tx, [
      {
        type: 'process_instance.started',
        tenantId: parent.tenant_id,
        bpmnProcessId: deployment.bpmn_process_id,
        version: deployment.version,
        instanceKey: key,
        data: { parentKey: parent.key, parentElementId: wait.elementId },
      },
    ]);
    return this.runInTx(tx, key, { type: 'start', variables }, after, { parentLive: true });
  }

  private async notifyParent(tx: Tx, child: InstanceRow, variables: Variables, after: AfterCommit): Promise<void> {
    const parent = await tx.selectFrom('engine_instances').select(['status']).where('key', '=', child.parent_key!).executeTakeFirst();
    if (parent?.status === 'active') {
      await this.runInTx(tx, child.parent_key!, { type: 'childCompleted', childKey: child.key, executionId: child.parent_execution_id!, variables }, after);
    }
    await tx.updateTable('engine_instances').set({ parent_pending: 0 }).where('key', '=', child.key).execute();
  }

  private async raiseIncident(tx: Tx, instance: InstanceRow, run: InstanceRun, action: Action): Promise<void> {
    const failure = run.failure!;
    const key = newKey();
    await tx
      .insertInto('engine_incidents')
      .values({
        key,
        instance_key: instance.key,
        tenant_id: instance.tenant_id,
        bpmn_process_id: instance.bpmn_process_id,
        element_id: failure.elementId,
        job_key: action.type === 'completeJob' || action.type === 'throwError' ? action.jobKey : null,
        error_type: failure.errorType,
        error_message: failure.message,
        pending_action: json(action),
        state: 'active',
        created_at: nowIso(),
        resolved_at: null,
      })
      .execute();
    if (action.type === 'resume') {
      // The due timers would fail again on every tick: hold them until the incident is resolved.
      await tx
        .updateTable('engine_timers')
        .set({ state: 'blocked' })
        .where('instance_key', '=', instance.key)
        .where('state', '=', 'pending')
        .where('due_at', '<=', nowIso())
        .execute();
    }
    await insertEvents(tx, [
      {
        type: 'incident.created',
        tenantId: instance.tenant_id,
        bpmnProcessId: instance.bpmn_process_id,
        version: instance.version,
        instanceKey: instance.key,
        elementId: failure.elementId,
        subjectKey: key,
        data: { errorType: failure.errorType, errorMessage: failure.message },
      },
    ]);
  }

  private async persist(
    tx: Tx,
    instance: InstanceRow,
    run: InstanceRun,
    state: EngineState | null,
    variables: Variables,
    after: AfterCommit,
    extraEvents: EventInsert[],
  ): Promise<string> {
    // Strictly increasing per instance: the hot-engine check compares it.
    let at = nowIso();
    if (at <= instance.updated_at) at = new Date(Date.parse(instance.updated_at) + 1).toISOString();
    const events: EventInsert[] = run.events.map((e) => instanceEvent(instance, e));
    const ev = (type: EngineEventType, wait: Wait, data: Record<string, unknown> = {}) => {
      events.push(waitEvent(instance, run, wait, type, data, null));
    };
    // An interrupted wait (boundary event) ends its element without activity.discard.
    const terminated = (elementId: string, executionId: string) => {
      const root = executionId.replace(/_\d+$/, '');
      if (run.terminated.has(executionId) || run.terminated.has(root)) return;
      run.terminated.add(executionId);
      events.push(waitEvent(instance, run, { kind: 'task', key: '', elementId, executionId }, 'element.terminated', {}, null));
      const last = events[events.length - 1]!;
      last.subjectKey = null;
    };
    const open = {
      task: new Set<string>(),
      job: new Set<string>(),
      timer: new Set<string>(),
      subscription: new Set<string>(),
    };
    for (const w of run.waits.values()) if (w.kind !== 'call') open[w.kind].add(w.key);

    // Records that closed in this run: completed by the action, or canceled because the element left.
    const closed = (kind: string) =>
      [...run.openRecords]
        .filter(([key, r]) => r.kind === kind && !open[r.kind].has(key))
        .map(([key, r]) => ({ key, element_id: r.elementId, execution_id: r.executionId }));
    const [tasks, jobs, timers, subs] = [closed('task'), closed('job'), closed('timer'), closed('subscription')];
    const closedTasks = tasks.filter((r) => !open.task.has(r.key));
    if (closedTasks.length) {
      await tx.updateTable('engine_user_tasks').set({ state: 'canceled', completed_at: at }).where('key', 'in', closedTasks.map((r) => r.key)).execute();
      for (const r of closedTasks) {
        terminated(r.element_id, r.execution_id);
        ev('user_task.canceled', { kind: 'task', key: r.key, elementId: r.element_id, executionId: '' });
      }
    }
    const closedJobs = jobs.filter((r) => !open.job.has(r.key));
    if (closedJobs.length) {
      await tx.updateTable('engine_jobs').set({ state: 'canceled', updated_at: at }).where('key', 'in', closedJobs.map((r) => r.key)).execute();
      for (const r of closedJobs) {
        terminated(r.element_id, r.execution_id);
        ev('job.canceled', { kind: 'job', key: r.key, elementId: r.element_id, executionId: '' });
      }
    }
    const closedTimers = timers.filter((r) => !open.timer.has(r.key));
    for (const r of closedTimers) {
      const fired = run.firedTimers.has(r.key);
      await tx.updateTable('engine_timers').set({ state: fired ? 'fired' : 'canceled' }).where('key', '=', r.key).execute();
      if (!fired) ev('timer.canceled', { kind: 'timer', key: r.key, elementId: r.element_id, executionId: '' });
    }
    const closedSubs = subs.filter((r) => !open.subscription.has(r.key));
    for (const r of closedSubs) {
      const state = run.correlatedSubscriptions.has(r.key) ? 'correlated' : 'closed';
      await tx.updateTable('engine_subscriptions').set({ state }).where('key', '=', r.key).execute();
    }

    // New waits.
    for (const w of [...run.waits.values(), ...run.listenerJobs, ...run.transientWaits]) {
      const d = w.data;
      if (!d) continue;
      if (d.kind === 'task') {
        await tx
          .insertInto('engine_user_tasks')
          .values({
            key: w.key,
            instance_key: instance.key,
            tenant_id: instance.tenant_id,
            deployment_key: instance.deployment_key,
            bpmn_process_id: instance.bpmn_process_id,
            version: instance.version,
            element_id: w.elementId,
            execution_id: w.executionId,
            name: d.name,
            phase: d.phase,
            form_id: d.formId,
            form_key: d.formKey,
            assignee: d.assignee,
            candidate_groups: JSON.stringify(d.candidateGroups),
            candidate_users: JSON.stringify(d.candidateUsers),
            due_date: d.dueDate,
            follow_up_date: d.followUpDate,
            priority: d.priority,
            state: 'created',
            variables: json(d.variables),
            created_at: at,
            completed_at: null,
            completed_by: null,
          })
          .execute();
      } else if (d.kind === 'job') {
        const claim = this.claimJob(d.type);
        const row: JobRow = {
          key: w.key,
          instance_key: instance.key,
          tenant_id: instance.tenant_id,
          bpmn_process_id: instance.bpmn_process_id,
          version: instance.version,
          element_id: w.elementId,
          execution_id: w.executionId,
          listener: d.listener,
          type: d.type,
          state: claim ? 'activated' : 'activatable',
          retries: d.retries,
          custom_headers: json(d.headers),
          variables: json(d.variables),
          error_message: null,
          available_at: at,
          deadline: claim ? claim.deadline : null,
          worker: claim ? claim.worker : null,
          created_at: at,
          updated_at: at,
        };
        await tx.insertInto('engine_jobs').values(row).execute();
        if (claim) after.pushed.push({ row, claim });
        else after.jobTypes.add(d.type);
      } else if (d.kind === 'timer') {
        await tx
          .insertInto('engine_timers')
          .values({
            key: w.key,
            instance_key: instance.key,
            tenant_id: instance.tenant_id,
            element_id: w.elementId,
            execution_id: w.executionId,
            due_at: d.dueAt,
            state: run.firedTimers.has(w.key) ? 'fired' : 'pending',
            created_at: at,
          })
          .execute();
        if (!run.firedTimers.has(w.key)) after.timerDueAt.push(d.dueAt);
      } else if (d.kind === 'subscription') {
        await tx
          .insertInto('engine_subscriptions')
          .values({
            key: w.key,
            instance_key: instance.key,
            tenant_id: instance.tenant_id,
            element_id: w.elementId,
            execution_id: w.executionId,
            message_name: d.messageName,
            correlation_key: d.correlationKey,
            state: run.correlatedSubscriptions.has(w.key) ? 'correlated' : 'open',
            created_at: at,
          })
          .execute();
      }
    }

    if (run.completed) {
      events.push({
        type: 'process_instance.completed',
        tenantId: instance.tenant_id,
        bpmnProcessId: instance.bpmn_process_id,
        version: instance.version,
        instanceKey: instance.key,
      });
    }
    await tx
      .updateTable('engine_instances')
      .set({
        state: state ? JSON.stringify(state) : null,
        variables: json(variables),
        status: run.completed ? 'completed' : 'active',
        ended_at: run.completed ? at : null,
        updated_at: at,
        parent_pending: run.completed && instance.parent_key ? 1 : 0,
      })
      .where('key', '=', instance.key)
      .execute();
    await insertEvents(tx, [...extraEvents, ...events]);
    return at;
  }
}

/** A call activity names a process that is not deployed: an incident on the parent. */
export class ChildMissing extends Error {
  constructor(
    readonly elementId: string,
    message: string,
  ) {
    super(message);
  }
}
