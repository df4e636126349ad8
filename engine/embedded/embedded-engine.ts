import type { Kysely } from 'kysely';
import {
  EngineError,
  type CompleteUserTaskRequest,
  type CreateProcessInstanceRequest,
  type CreateProcessInstanceResponse,
  type CreateWorkerRequest,
  type DeployResourceRequest,
  type DeployResourceResponse,
  type EngineEvent,
  type EngineEventType,
  type EventQuery,
  type FailJobRequest,
  type FormDefinition,
  type Incident,
  type IncidentErrorType,
  type JobInfo,
  type ProcessDefinition,
  type ProcessInstance,
  type PublishMessageRequest,
  type PublishMessageResponse,
  type ResolveIncidentRequest,
  type UserTask,
  type UserTaskQuery,
  type Variables,
  type Worker,
  type WorkflowEngine,
} from '../port.ts';
import { prepareResources, storeResources } from './deploy.ts';
import { JobWorker, type JobBackend } from './job-worker.ts';
import { DefinitionCache, Runtime, collectEvents, insertEvents, json, newKey, nowIso, parseJson, type Action, type AfterCommit, type JobClaim, type Tx } from './runtime.ts';
import { CommitQueue } from './commit-queue.ts';
import type { EngineTables, InstanceRow, JobRow, UserTaskRow } from './store/tables.ts';

export interface EmbeddedEngineOptions<DB extends EngineTables> {
  /** The server's Kysely instance; the engine only touches its engine_* tables. */
  db: Kysely<DB>;
  /** Longest sleep of the timer scheduler in ms (it also wakes exactly at the next known due timer). Default 1000. */
  schedulerIntervalMs?: number;
  /** Errors the engine cannot hand to a caller (a worker that crashed after completing, a failed tick). */
  onError?: (err: unknown) => void;
  /** Live engines kept after commit for the next step of busy instances (0 = evict at once). Default 32. */
  hotEngines?: number;
  /** Milliseconds a kept engine may stay idle before it is evicted. Default 1000. */
  hotIdleMs?: number;
}

/**
 * The embedded, durable Zeebe-compatible engine. One engine process per
 * database: state-changing work is serialized through one queue, and what
 * queued up meanwhile shares the next transaction (group commit).
 */
export class EmbeddedEngine<DB extends EngineTables = EngineTables> implements WorkflowEngine, JobBackend {
  private readonly db: Kysely<EngineTables>;
  private readonly runtime: Runtime;
  private readonly queue: CommitQueue<AfterCommit>;
  private readonly workers = new Set<JobWorker>();
  private readonly interval: number;
  private readonly onError: (err: unknown) => void;
  private running = false;
  private tickTimer: NodeJS.Timeout | null = null;
  private nextTickAt = Number.POSITIVE_INFINITY;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;

  constructor(options: EmbeddedEngineOptions<DB>) {
    // Kysely<DB> with DB ⊇ EngineTables: the engine sees only its own tables.
    this.db = options.db as unknown as Kysely<EngineTables>;
    this.runtime = new Runtime(this.db, new DefinitionCache(this.db), options.hotEngines ?? 32, options.hotIdleMs ?? 1000, (type) => this.claimJob(type));
    this.interval = options.schedulerIntervalMs ?? 1000;
    this.onError = options.onError ?? ((err) => console.error('[engine]', err));
    this.queue = new CommitQueue<AfterCommit>(this.db, {
      context: () => ({ jobTypes: new Set(), timerDueAt: [], hot: [], pushed: [] }),
      committed: (after) => this.afterCommit(after),
      rolledBack: (after) => {
        // Live engines touched in it no longer match the database; reserved worker slots are free again.
        this.runtime.dropHot();
        for (const p of after.pushed) p.claim.release();
      },
      buffer: (tx) => collectEvents(tx),
    });
  }

  // ------------------------------------------------------------ lifecycle

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.write(async (tx) => {
      // Activations of a previous process died with it: offer those jobs again.
      await tx.updateTable('engine_jobs').set({ state: 'activatable', deadline: null, worker: null }).where('state', '=', 'activated').execute();
    });
    for (const w of this.workers) w.start();
    this.scheduleTick(0);
    this.sweeper = setInterval(() => this.runtime.sweepHot(), 250);
    this.sweeper.unref?.();
  }

  private sweeper: NodeJS.Timeout | null = null;

  /** Live bpmn-engine instances held right now (the rest is parked in the database). */
  get liveInstances(): number {
    return this.runtime.hotCount;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.nextTickAt = Number.POSITIVE_INFINITY;
    for (const w of this.workers) w.pause();
    await Promise.all([...this.workers].map((w) => w.idle()));
    if (this.ticking) await this.ticking;
    await this.queue.drain();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    this.runtime.dropHot();
  }

  /** Transactions committed so far and the units of work they carried (group commit). */
  get commitStats(): { transactions: number; items: number } {
    return { ...this.queue.stats };
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * One unit of work through the commit queue: it shares a transaction with
   * whatever queued up meanwhile and resolves only after that commit.
   */
  private write<T>(fn: (tx: Tx, after: AfterCommit) => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  /** Durable now: keep hot engines, wake workers and the scheduler. */
  private afterCommit(after: AfterCommit): void {
    for (const keep of after.hot) keep();
    // Delivered even while stopping: the job is activated in the database and the worker finishes it (stop waits for handlers).
    for (const p of after.pushed) p.claim.deliver(p.row);
    if (this.running) {
      for (const w of this.workers) if (after.jobTypes.has(w.taskType)) w.poke();
      for (const due of after.timerDueAt) this.scheduleTick(Date.parse(due) - Date.now());
    }
  }

  // ------------------------------------------------------------ scheduler

  private scheduleTick(delayMs: number): void {
    if (!this.running) return;
    const delay = Math.max(0, Math.min(delayMs, this.interval));
    const at = Date.now() + delay;
    if (this.tickTimer && at >= this.nextTickAt) return;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.nextTickAt = at;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null;
      this.nextTickAt = Number.POSITIVE_INFINITY;
      // One tick at a time: a second one would work from a stale list of due timers.
      if (this.ticking) {
        this.tickAgain = true;
        return;
      }
      this.ticking = this.tick()
        .catch((err) => this.onError(err))
        .finally(() => {
          this.ticking = null;
          if (this.tickAgain) {
            this.tickAgain = false;
            this.scheduleTick(0);
          }
        });
    }, delay);
    this.tickTimer.unref?.();
  }

  /** Fires due timers, expires messages and job activations, hands finished children to parents. */
  async tick(): Promise<void> {
    const now = nowIso();
    const due = await this.db
      .selectFrom('engine_timers')
      .select(['instance_key'])
      .where('state', '=', 'pending')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(500)
      .execute();
    const instances = [...new Set(due.map((d) => d.instance_key))];
    for (const key of instances) {
      if (!this.running) return;
      try {
        await this.write(async (tx, after) => {
          // Another step may have fired it meanwhile (a user action resumes overdue timers too).
          const still = await tx.selectFrom('engine_timers').select('key').where('instance_key', '=', key).where('state', '=', 'pending').where('due_at', '<=', nowIso()).limit(1).executeTakeFirst();
          if (still) await this.runtime.runInTx(tx, key, { type: 'resume' }, after);
        });
      } catch (err) {
        this.onError(err);
      }
    }
    // Maintenance writes only when there is something to do: an empty transaction still costs an fsync.
    const expired = await this.db.selectFrom('engine_messages').selectAll().where('state', '=', 'buffered').where('expires_at', '<=', now).execute();
    if (expired.length) {
      await this.write(async (tx) => {
        await tx.updateTable('engine_messages').set({ state: 'expired' }).where('key', 'in', expired.map((m) => m.key)).where('state', '=', 'buffered').execute();
        await insertEvents(
          tx,
          expired.map((m) => ({ type: 'message.expired' as const, tenantId: m.tenant_id, bpmnProcessId: null, version: null, instanceKey: null, subjectKey: m.key, data: { name: m.name, correlationKey: m.correlation_key } })),
        );
      });
    }
    const stale = await this.db.selectFrom('engine_jobs').select('key').where('state', '=', 'activated').where('deadline', '<=', now).limit(1).executeTakeFirst();
    if (stale) {
      await this.write(async (tx) => {
        await tx.updateTable('engine_jobs').set({ state: 'activatable', deadline: null, worker: null }).where('state', '=', 'activated').where('deadline', '<=', now).execute();
      });
    }
    const orphans = await this.db.selectFrom('engine_instances').select(['key']).where('parent_pending', '=', 1).limit(100).execute();
    for (const o of orphans) {
      await this.write(async (tx, after) => {
        const child = await tx.selectFrom('engine_instances').selectAll().where('key', '=', o.key).executeTakeFirstOrThrow();
        if (child.parent_pending !== 1) return;
        const parent = await tx.selectFrom('engine_instances').select('status').where('key', '=', child.parent_key!).executeTakeFirst();
        if (parent?.status === 'active') {
          await this.runtime.runInTx(tx, child.parent_key!, { type: 'childCompleted', childKey: child.key, executionId: child.parent_execution_id!, variables: parseJson<Variables>(child.variables) }, after);
        }
        await tx.updateTable('engine_instances').set({ parent_pending: 0 }).where('key', '=', child.key).execute();
      });
    }
    const next = await this.db.selectFrom('engine_timers').select('due_at').where('state', '=', 'pending').orderBy('due_at').limit(1).executeTakeFirst();
    const buffered = await this.db.selectFrom('engine_messages').select('expires_at').where('state', '=', 'buffered').orderBy('expires_at').limit(1).executeTakeFirst();
    const candidates = [next?.due_at, buffered?.expires_at].filter((d): d is string => !!d).map((d) => Date.parse(d) - Date.now());
    this.scheduleTick(candidates.length ? Math.min(...candidates) : this.interval);
  }

  // ------------------------------------------------------------ deployments

  async deployResource(request: DeployResourceRequest): Promise<DeployResourceResponse> {
    const prepared = await prepareResources(request);
    return this.write((tx) => storeResources(tx, request.tenantId, prepared));
  }

  async listProcessDefinitions(tenantId: string, bpmnProcessId?: string): Promise<ProcessDefinition[]> {
    let q = this.db.selectFrom('engine_deployments').select(['key', 'bpmn_process_id', 'version', 'tenant_id', 'resource_name', 'deployed_at']).where('tenant_id', '=', tenantId);
    if (bpmnProcessId) q = q.where('bpmn_process_id', '=', bpmnProcessId);
    const rows = await q.orderBy('bpmn_process_id').orderBy('version').execute();
    return rows.map((r) => ({ processDefinitionKey: r.key, bpmnProcessId: r.bpmn_process_id, version: r.version, tenantId: r.tenant_id, resourceName: r.resource_name, deployedAt: r.deployed_at }));
  }

  async getProcessDefinitionXml(processDefinitionKey: string): Promise<string> {
    const row = await this.db.selectFrom('engine_deployments').select('xml').where('key', '=', processDefinitionKey).executeTakeFirst();
    if (!row) throw new EngineError('NOT_FOUND', `procesdefinitie ${processDefinitionKey} bestaat niet`);
    return row.xml;
  }

  async getForm(tenantId: string, formId: string, version?: number): Promise<FormDefinition | null> {
    let q = this.db.selectFrom('engine_forms').selectAll().where('tenant_id', '=', tenantId).where('form_id', '=', formId);
    if (version !== undefined) q = q.where('version', '=', version);
    const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? { formKey: row.key, formId: row.form_id, version: row.version, tenantId: row.tenant_id, schema: JSON.parse(row.schema) } : null;
  }

  // ------------------------------------------------------------ instances

  async createProcessInstance(request: CreateProcessInstanceRequest): Promise<CreateProcessInstanceResponse> {
    let q = this.db
      .selectFrom('engine_deployments')
      .select(['key', 'version', 'bpmn_process_id'])
      .where('tenant_id', '=', request.tenantId)
      .where('bpmn_process_id', '=', request.bpmnProcessId);
    if (request.version !== undefined) q = q.where('version', '=', request.version);
    const deployment = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!deployment) {
      const v = request.version !== undefined ? ` versie ${request.version}` : '';
      throw new EngineError('NOT_FOUND', `proces '${request.bpmnProcessId}'${v} is niet gedeployed voor ${request.tenantId}`);
    }
    const key = newKey();
    const variables = request.variables ?? {};
    await this.write(async (tx, after) => {
      const at = nowIso();
      const row: InstanceRow = {
        key,
        tenant_id: request.tenantId,
        deployment_key: deployment.key,
        bpmn_process_id: deployment.bpmn_process_id,
        version: deployment.version,
        status: 'active',
        state: null,
        variables: json(variables),
        parent_key: null,
        parent_execution_id: null,
        parent_element_id: null,
        parent_pending: 0,
        started_at: at,
        ended_at: null,
        updated_at: at,
      };
      await tx.insertInto('engine_instances').values(row).execute();
      await insertEvents(tx, [
        { type: 'process_instance.started', tenantId: request.tenantId, bpmnProcessId: deployment.bpmn_process_id, version: deployment.version, instanceKey: key, actor: request.actor ?? null },
      ]);
      await this.runtime.runInTx(tx, key, { type: 'start', variables, actor: request.actor ?? null }, after, { instance: row });
    });
    return { processInstanceKey: key, processDefinitionKey: deployment.key, bpmnProcessId: deployment.bpmn_process_id, version: deployment.version, tenantId: request.tenantId };
  }

  async getProcessInstance(processInstanceKey: string): Promise<ProcessInstance | null> {
    const row = await this.db.selectFrom('engine_instances').selectAll().where('key', '=', processInstanceKey).executeTakeFirst();
    if (!row) return null;
    const incident = await this.db
      .selectFrom('engine_incidents')
      .select('key')
      .where('instance_key', '=', processInstanceKey)
      .where('state', '=', 'active')
      .limit(1)
      .executeTakeFirst();
    return toInstance(row, !!incident);
  }

  async cancelProcessInstance(processInstanceKey: string, actor?: string): Promise<void> {
    await this.write(async (tx) => {
      const row = await tx.selectFrom('engine_instances').selectAll().where('key', '=', processInstanceKey).executeTakeFirst();
      if (!row) throw new EngineError('NOT_FOUND', `procesinstantie ${processInstanceKey} bestaat niet`);
      if (row.status !== 'active') throw new EngineError('INVALID_STATE', `procesinstantie ${processInstanceKey} is niet actief (${row.status})`);
      await this.cancelTree(tx, row, actor ?? null);
    });
    this.runtime.dropHot();
  }

  private async cancelTree(tx: Tx, row: InstanceRow, actor: string | null): Promise<void> {
    const at = nowIso();
    const children = await tx.selectFrom('engine_instances').selectAll().where('parent_key', '=', row.key).where('status', '=', 'active').execute();
    for (const child of children) await this.cancelTree(tx, child, actor);
    const base = { tenantId: row.tenant_id, bpmnProcessId: row.bpmn_process_id, version: row.version, instanceKey: row.key };
    const tasks = await tx.selectFrom('engine_user_tasks').select(['key', 'element_id']).where('instance_key', '=', row.key).where('state', '=', 'created').execute();
    const jobs = await tx.selectFrom('engine_jobs').select(['key', 'element_id']).where('instance_key', '=', row.key).where('state', 'in', ['activatable', 'activated', 'failed']).execute();
    const timers = await tx.selectFrom('engine_timers').select(['key', 'element_id']).where('instance_key', '=', row.key).where('state', 'in', ['pending', 'blocked']).execute();
    await tx.updateTable('engine_user_tasks').set({ state: 'canceled', completed_at: at }).where('instance_key', '=', row.key).where('state', '=', 'created').execute();
    await tx.updateTable('engine_jobs').set({ state: 'canceled', updated_at: at }).where('instance_key', '=', row.key).where('state', 'in', ['activatable', 'activated', 'failed']).execute();
    await tx.updateTable('engine_timers').set({ state: 'canceled' }).where('instance_key', '=', row.key).where('state', 'in', ['pending', 'blocked']).execute();
    await tx.updateTable('engine_subscriptions').set({ state: 'closed' }).where('instance_key', '=', row.key).where('state', '=', 'open').execute();
    await tx.updateTable('engine_incidents').set({ state: 'resolved', resolved_at: at }).where('instance_key', '=', row.key).where('state', '=', 'active').execute();
    await tx.updateTable('engine_instances').set({ status: 'canceled', state: null, ended_at: at, updated_at: at, parent_pending: 0 }).where('key', '=', row.key).execute();
    await insertEvents(tx, [
      ...tasks.map((t) => ({ ...base, type: 'user_task.canceled' as const, elementId: t.element_id, subjectKey: t.key, actor })),
      ...jobs.map((j) => ({ ...base, type: 'job.canceled' as const, elementId: j.element_id, subjectKey: j.key, actor })),
      ...timers.map((t) => ({ ...base, type: 'timer.canceled' as const, elementId: t.element_id, subjectKey: t.key, actor })),
      { ...base, type: 'process_instance.canceled', actor },
    ]);
  }

  async setVariables(processInstanceKey: string, variables: Variables, actor?: string): Promise<void> {
    await this.write(async (tx, after) => {
      const res = await this.runtime.runInTx(tx, processInstanceKey, { type: 'setVariables', variables, actor: actor ?? null }, after);
      if (!res.failed) {
        const row = await tx.selectFrom('engine_instances').select(['tenant_id', 'bpmn_process_id', 'version']).where('key', '=', processInstanceKey).executeTakeFirstOrThrow();
        await insertEvents(tx, [
          { type: 'variables.updated', tenantId: row.tenant_id, bpmnProcessId: row.bpmn_process_id, version: row.version, instanceKey: processInstanceKey, actor: actor ?? null, data: { names: Object.keys(variables) } },
        ]);
      }
    });
  }

  // ------------------------------------------------------------ messages

  async publishMessage(request: PublishMessageRequest): Promise<PublishMessageResponse> {
    if (!request.name) throw new EngineError('INVALID_ARGUMENT', 'berichtnaam ontbreekt');
    if (request.correlationKey === undefined || request.correlationKey === null) throw new EngineError('INVALID_ARGUMENT', 'correlatiesleutel ontbreekt');
    return this.write(async (tx, after) => {
      const now = nowIso();
      if (request.messageId) {
        const existing = await tx
          .selectFrom('engine_messages')
          .select(['key'])
          .where('tenant_id', '=', request.tenantId)
          .where('name', '=', request.name)
          .where('message_id', '=', request.messageId)
          .where((eb) => eb.or([eb('state', '=', 'correlated'), eb('expires_at', '>', now)]))
          .executeTakeFirst();
        if (existing) return { messageKey: existing.key, correlatedProcessInstanceKeys: [], buffered: false, duplicate: true };
      }
      const key = newKey();
      const variables = request.variables ?? {};
      const subs = await tx
        .selectFrom('engine_subscriptions')
        .select(['key', 'instance_key'])
        .where('tenant_id', '=', request.tenantId)
        .where('message_name', '=', request.name)
        .where('correlation_key', '=', String(request.correlationKey))
        .where('state', '=', 'open')
        .orderBy('created_at')
        .execute();
      await insertEvents(tx, [
        { type: 'message.published', tenantId: request.tenantId, bpmnProcessId: null, version: null, instanceKey: null, subjectKey: key, data: { name: request.name, correlationKey: request.correlationKey, messageId: request.messageId ?? null } },
      ]);
      const correlated: string[] = [];
      const seen = new Set<string>();
      for (const sub of subs) {
        // One message correlates once per instance (Zeebe).
        if (seen.has(sub.instance_key)) continue;
        seen.add(sub.instance_key);
        const res = await this.runtime.runInTx(tx, sub.instance_key, { type: 'correlate', subscriptionKey: sub.key, messageKey: key, variables }, after);
        if (!res.failed) correlated.push(sub.instance_key);
      }
      const ttl = Math.max(0, request.timeToLive ?? 0);
      const buffered = correlated.length === 0 && ttl > 0;
      await tx
        .insertInto('engine_messages')
        .values({
          key,
          tenant_id: request.tenantId,
          name: request.name,
          correlation_key: String(request.correlationKey),
          message_id: request.messageId ?? null,
          variables: json(variables),
          state: correlated.length ? 'correlated' : buffered ? 'buffered' : 'dropped',
          expires_at: new Date(Date.now() + ttl).toISOString(),
          published_at: now,
        })
        .execute();
      if (buffered) after.timerDueAt.push(new Date(Date.now() + ttl).toISOString());
      return { messageKey: key, correlatedProcessInstanceKeys: correlated, buffered, duplicate: false };
    });
  }

  // ------------------------------------------------------------ jobs

  createWorker<V extends Variables = Variables>(request: CreateWorkerRequest<V>): Worker {
    const worker = new JobWorker(request as CreateWorkerRequest<Variables>, this, (w) => this.workers.delete(w));
    this.workers.add(worker);
    if (this.running) worker.start();
    return worker;
  }

  async activateJobs(type: string, max: number, workerName: string, timeoutMs: number): Promise<JobRow[]> {
    if (!this.running) return [];
    // Through the commit queue: an activation shares the next commit instead of costing its own fsync.
    return this.write(async (tx) => {
      const now = nowIso();
      const rows = await tx
        .selectFrom('engine_jobs')
        .selectAll()
        .where('type', '=', type)
        .where('state', '=', 'activatable')
        .where('available_at', '<=', now)
        .orderBy('created_at')
        .limit(max)
        .execute();
      if (!rows.length) return rows;
      const deadline = new Date(Date.now() + timeoutMs).toISOString();
      await tx
        .updateTable('engine_jobs')
        .set({ state: 'activated', deadline, worker: workerName, updated_at: now })
        .where('key', 'in', rows.map((r) => r.key))
        .execute();
      return rows;
    });
  }

  /**
   * Job push (Zeebe has job streaming): a job created while a local worker of
   * its type has room and no backlog in the database is written as activated
   * for that worker and handed to it after the commit, without a poll.
   */
  private claimJob(type: string): JobClaim | null {
    if (!this.running) return null;
    for (const w of this.workers) {
      if (w.taskType !== type) continue;
      const claim = w.reserve();
      if (claim) return claim;
    }
    return null;
  }

  private async openJob(tx: Tx, key: string): Promise<JobRow> {
    const job = await tx.selectFrom('engine_jobs').selectAll().where('key', '=', key).executeTakeFirst();
    if (!job) throw new EngineError('NOT_FOUND', `job ${key} bestaat niet`);
    if (job.state !== 'activated' && job.state !== 'activatable') throw new EngineError('INVALID_STATE', `job ${key} is niet actief (${job.state})`);
    return job;
  }

  async completeJob(key: string, variables: Variables): Promise<void> {
    await this.write(async (tx, after) => {
      const job = await this.openJob(tx, key);
      if (job.listener) return this.completeListenerJob(tx, job, variables, after);
      await this.runtime.runInTx(tx, job.instance_key, { type: 'completeJob', jobKey: key, variables }, after, { job });
    });
  }

  private async completeListenerJob(tx: Tx, job: JobRow, variables: Variables, after: AfterCommit): Promise<void> {
    await tx.updateTable('engine_jobs').set({ state: 'completed', updated_at: nowIso() }).where('key', '=', job.key).execute();
    await insertEvents(tx, [
      { type: 'job.completed', tenantId: job.tenant_id, bpmnProcessId: job.bpmn_process_id, version: job.version, instanceKey: job.instance_key, elementId: job.element_id, subjectKey: job.key, data: { type: job.type, listener: job.listener } },
    ]);
    const instance = await tx.selectFrom('engine_instances').select('status').where('key', '=', job.instance_key).executeTakeFirst();
    if (Object.keys(variables).length && instance?.status === 'active') {
      await this.runtime.runInTx(tx, job.instance_key, { type: 'setVariables', variables, actor: null }, after);
    }
  }

  async failJob(key: string, request: FailJobRequest): Promise<void> {
    let retryIn = 0;
    let type = '';
    await this.write(async (tx) => {
      const job = await this.openJob(tx, key);
      type = job.type;
      const retries = Math.max(0, request.retries ?? job.retries - 1);
      const at = nowIso();
      const base = { tenantId: job.tenant_id, bpmnProcessId: job.bpmn_process_id, version: job.version, instanceKey: job.instance_key, elementId: job.element_id, subjectKey: job.key };
      if (retries > 0) {
        retryIn = Math.max(0, request.retryBackOff ?? 0);
        await tx
          .updateTable('engine_jobs')
          .set({ state: 'activatable', retries, error_message: request.errorMessage, available_at: new Date(Date.now() + retryIn).toISOString(), deadline: null, worker: null, updated_at: at })
          .where('key', '=', key)
          .execute();
        await insertEvents(tx, [{ ...base, type: 'job.failed', data: { errorMessage: request.errorMessage, retries, retryBackOff: retryIn } }]);
        return;
      }
      const incidentKey = newKey();
      await tx.updateTable('engine_jobs').set({ state: 'failed', retries: 0, error_message: request.errorMessage, deadline: null, updated_at: at }).where('key', '=', key).execute();
      await tx
        .insertInto('engine_incidents')
        .values({
          key: incidentKey,
          instance_key: job.instance_key,
          tenant_id: job.tenant_id,
          bpmn_process_id: job.bpmn_process_id,
          element_id: job.element_id,
          job_key: key,
          error_type: 'JOB_NO_RETRIES',
          error_message: request.errorMessage,
          pending_action: null,
          state: 'active',
          created_at: at,
          resolved_at: null,
        })
        .execute();
      await insertEvents(tx, [
        { ...base, type: 'job.failed', data: { errorMessage: request.errorMessage, retries: 0 } },
        { ...base, type: 'incident.created', subjectKey: incidentKey, data: { errorType: 'JOB_NO_RETRIES', errorMessage: request.errorMessage, jobKey: key } },
      ]);
    });
    if (retryIn > 0 && this.running) {
      const t = setTimeout(() => this.pokeWorkers(type), retryIn + 5);
      t.unref?.();
    }
  }

  private pokeWorkers(type: string): void {
    for (const w of this.workers) if (w.taskType === type) w.poke();
  }

  async throwError(key: string, errorCode: string, errorMessage: string, variables: Variables): Promise<void> {
    await this.write(async (tx, after) => {
      const job = await this.openJob(tx, key);
      if (job.listener) {
        // A listener cannot throw BPMN errors (Zeebe: incident); treat it as a failed job without retries.
        throw new EngineError('INVALID_STATE', 'een execution listener kan geen BPMN-fout gooien');
      }
      await this.runtime.runInTx(tx, job.instance_key, { type: 'throwError', jobKey: key, errorCode, errorMessage, variables }, after);
    });
  }

  onWorkerError(err: unknown): void {
    this.onError(err);
  }

  async listJobs(processInstanceKey: string): Promise<JobInfo[]> {
    const rows = await this.db.selectFrom('engine_jobs').selectAll().where('instance_key', '=', processInstanceKey).orderBy('created_at').execute();
    return rows.map((r) => ({ key: r.key, type: r.type, state: r.state, processInstanceKey: r.instance_key, tenantId: r.tenant_id, elementId: r.element_id, retries: r.retries, errorMessage: r.error_message }));
  }

  // ------------------------------------------------------------ user tasks

  async queryUserTasks(query: UserTaskQuery): Promise<UserTask[]> {
    let q = this.db.selectFrom('engine_user_tasks').selectAll().where('tenant_id', '=', query.tenantId);
    if (query.state) q = q.where('state', '=', query.state);
    if (query.assignee) q = q.where('assignee', '=', query.assignee);
    if (query.processInstanceKey) q = q.where('instance_key', '=', query.processInstanceKey);
    if (query.bpmnProcessId) q = q.where('bpmn_process_id', '=', query.bpmnProcessId);
    if (query.elementId) q = q.where('element_id', '=', query.elementId);
    if (query.dueBefore) q = q.where('due_date', '<', query.dueBefore);
    const groups = [...(query.candidateGroups ?? []), ...(query.candidateGroup ? [query.candidateGroup] : [])];
    // Groups are a JSON array of strings: match the quoted name.
    if (groups.length) q = q.where((eb) => eb.or(groups.map((g) => eb('candidate_groups', 'like', `%${JSON.stringify(g)}%`))));
    if (query.candidateUser) q = q.where('candidate_users', 'like', `%${JSON.stringify(query.candidateUser)}%`);
    const rows = await q
      .orderBy('created_at')
      .orderBy('key')
      .limit(query.limit ?? 1000)
      .offset(query.offset ?? 0)
      .execute();
    return rows.map(toUserTask);
  }

  async getUserTask(userTaskKey: string): Promise<UserTask | null> {
    const row = await this.db.selectFrom('engine_user_tasks').selectAll().where('key', '=', userTaskKey).executeTakeFirst();
    return row ? toUserTask(row) : null;
  }

  private async openTask(tx: Tx, key: string): Promise<UserTaskRow> {
    const row = await tx.selectFrom('engine_user_tasks').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) throw new EngineError('NOT_FOUND', `taak ${key} bestaat niet`);
    if (row.state !== 'created') throw new EngineError('INVALID_STATE', `taak ${key} is niet open (${row.state === 'completed' ? 'al afgerond' : 'geannuleerd'})`);
    return row;
  }

  async assignUserTask(request: { userTaskKey: string; assignee: string | null; allowOverride?: boolean; actor?: string }): Promise<UserTask> {
    return this.write(async (tx) => {
      const row = await this.openTask(tx, request.userTaskKey);
      if (request.allowOverride === false && row.assignee && row.assignee !== request.assignee) {
        throw new EngineError('NOT_ASSIGNEE', `taak ${row.key} is al toegewezen aan ${row.assignee}`);
      }
      await tx.updateTable('engine_user_tasks').set({ assignee: request.assignee }).where('key', '=', row.key).execute();
      await insertEvents(tx, [taskEvent(row, 'user_task.assigned', request.actor ?? null, { assignee: request.assignee, previous: row.assignee })]);
      return toUserTask({ ...row, assignee: request.assignee });
    });
  }

  async completeUserTask(request: CompleteUserTaskRequest): Promise<void> {
    await this.write(async (tx, after) => {
      const row = await this.openTask(tx, request.userTaskKey);
      if (request.actor && row.assignee && row.assignee !== request.actor) {
        throw new EngineError('NOT_ASSIGNEE', `taak ${row.key} is toegewezen aan ${row.assignee}, niet aan ${request.actor}`);
      }
      await this.runtime.runInTx(tx, row.instance_key, { type: 'completeTask', taskKey: row.key, variables: request.variables ?? {}, actor: request.actor ?? null }, after, { task: row });
    });
  }

  async updateUserTask(request: { userTaskKey: string; dueDate?: string | null; followUpDate?: string | null; priority?: number; actor?: string }): Promise<UserTask> {
    const iso = (v: string | null | undefined, field: string) => {
      if (v === undefined || v === null) return v;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw new EngineError('INVALID_ARGUMENT', `${field} '${v}' is geen geldige datum`);
      return d.toISOString();
    };
    const dueDate = iso(request.dueDate, 'vervaldatum');
    const followUpDate = iso(request.followUpDate, 'opvolgdatum');
    if (request.priority !== undefined && (!Number.isInteger(request.priority) || request.priority < 0 || request.priority > 100)) {
      throw new EngineError('INVALID_ARGUMENT', 'prioriteit moet een geheel getal van 0 tot en met 100 zijn');
    }
    return this.write(async (tx) => {
      const row = await this.openTask(tx, request.userTaskKey);
      const next = {
        due_date: dueDate === undefined ? row.due_date : dueDate,
        follow_up_date: followUpDate === undefined ? row.follow_up_date : followUpDate,
        priority: request.priority ?? row.priority,
      };
      await tx.updateTable('engine_user_tasks').set(next).where('key', '=', row.key).execute();
      if (next.due_date !== row.due_date) {
        await insertEvents(tx, [taskEvent(row, 'user_task.due_date_changed', request.actor ?? null, { dueDate: next.due_date, previous: row.due_date })]);
      }
      return toUserTask({ ...row, ...next });
    });
  }

  // ------------------------------------------------------------ incidents

  async listIncidents(query: { tenantId: string; processInstanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]> {
    let q = this.db.selectFrom('engine_incidents').selectAll().where('tenant_id', '=', query.tenantId);
    if (query.processInstanceKey) q = q.where('instance_key', '=', query.processInstanceKey);
    if (query.state) q = q.where('state', '=', query.state);
    const rows = await q.orderBy('created_at').execute();
    return rows.map((r) => ({
      incidentKey: r.key,
      processInstanceKey: r.instance_key,
      tenantId: r.tenant_id,
      bpmnProcessId: r.bpmn_process_id,
      elementId: r.element_id,
      jobKey: r.job_key,
      errorType: r.error_type as IncidentErrorType,
      errorMessage: r.error_message,
      state: r.state,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
    }));
  }

  async resolveIncident(request: ResolveIncidentRequest): Promise<void> {
    let jobType: string | null = null;
    await this.write(async (tx, after) => {
      const incident = await tx.selectFrom('engine_incidents').selectAll().where('key', '=', request.incidentKey).executeTakeFirst();
      if (!incident) throw new EngineError('NOT_FOUND', `incident ${request.incidentKey} bestaat niet`);
      if (incident.state !== 'active') throw new EngineError('INVALID_STATE', `incident ${request.incidentKey} is al opgelost`);
      const instance = await tx.selectFrom('engine_instances').selectAll().where('key', '=', incident.instance_key).executeTakeFirstOrThrow();
      const at = nowIso();
      await tx.updateTable('engine_incidents').set({ state: 'resolved', resolved_at: at }).where('key', '=', incident.key).execute();
      await insertEvents(tx, [
        { type: 'incident.resolved', tenantId: incident.tenant_id, bpmnProcessId: incident.bpmn_process_id, version: instance.version, instanceKey: incident.instance_key, elementId: incident.element_id, subjectKey: incident.key, actor: request.actor ?? null, data: { variables: Object.keys(request.variables ?? {}) } },
      ]);
      const variables = request.variables ?? {};
      if (!incident.pending_action) {
        // Job without retries: give retries back; variables go into the process scope first.
        const job = await tx.selectFrom('engine_jobs').selectAll().where('key', '=', incident.job_key!).executeTakeFirstOrThrow();
        if (Object.keys(variables).length && instance.status === 'active') {
          await this.runtime.runInTx(tx, instance.key, { type: 'setVariables', variables, actor: request.actor ?? null }, after);
          const merged = { ...parseJson<Variables>(job.variables), ...variables };
          await tx.updateTable('engine_jobs').set({ variables: json(merged) }).where('key', '=', job.key).execute();
        }
        await tx
          .updateTable('engine_jobs')
          .set({ state: 'activatable', retries: Math.max(1, request.retries ?? 1), available_at: at, deadline: null, worker: null, updated_at: at })
          .where('key', '=', job.key)
          .where('state', '=', 'failed')
          .execute();
        after.jobTypes.add(job.type);
        jobType = job.type;
        return;
      }
      await tx.updateTable('engine_timers').set({ state: 'pending' }).where('instance_key', '=', instance.key).where('state', '=', 'blocked').execute();
      const action = JSON.parse(incident.pending_action) as Action;
      await this.runtime.runInTx(tx, instance.key, action, after, { patch: variables });
    });
    if (jobType) this.pokeWorkers(jobType);
  }

  // ------------------------------------------------------------ events

  async queryEvents(query: EventQuery): Promise<EngineEvent[]> {
    let q = this.db.selectFrom('engine_events').selectAll().where('tenant_id', '=', query.tenantId);
    if (query.bpmnProcessId) q = q.where('bpmn_process_id', '=', query.bpmnProcessId);
    if (query.processInstanceKey) q = q.where('instance_key', '=', query.processInstanceKey);
    if (query.elementId) q = q.where('element_id', '=', query.elementId);
    if (query.types?.length) q = q.where('type', 'in', query.types);
    if (query.from) q = q.where('occurred_at', '>=', query.from);
    if (query.to) q = q.where('occurred_at', '<', query.to);
    if (query.afterId !== undefined) q = q.where('id', '>', query.afterId);
    const rows = await q.orderBy('id').limit(query.limit ?? 10_000).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      type: r.type as EngineEventType,
      tenantId: r.tenant_id,
      bpmnProcessId: r.bpmn_process_id,
      version: r.version,
      processInstanceKey: r.instance_key,
      elementId: r.element_id,
      elementType: r.element_type,
      phase: r.phase,
      subjectKey: r.subject_key,
      actor: r.actor,
      occurredAt: r.occurred_at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }
}

function taskEvent(row: UserTaskRow, type: EngineEventType, actor: string | null, data: Record<string, unknown>) {
  return {
    type,
    tenantId: row.tenant_id,
    bpmnProcessId: row.bpmn_process_id,
    version: row.version,
    instanceKey: row.instance_key,
    elementId: row.element_id,
    elementType: 'bpmn:UserTask',
    phase: row.phase,
    subjectKey: row.key,
    actor,
    data,
  };
}

/** A user_tasks row as the port's UserTask (also used by the server's SQL werkvoorraad, which reads the same table). */
export function toUserTask(r: UserTaskRow): UserTask {
  return {
    userTaskKey: r.key,
    processInstanceKey: r.instance_key,
    processDefinitionKey: r.deployment_key,
    tenantId: r.tenant_id,
    bpmnProcessId: r.bpmn_process_id,
    version: r.version,
    elementId: r.element_id,
    name: r.name,
    phase: r.phase,
    formId: r.form_id,
    formKey: r.form_key,
    assignee: r.assignee,
    candidateGroups: JSON.parse(r.candidate_groups) as string[],
    candidateUsers: JSON.parse(r.candidate_users) as string[],
    dueDate: r.due_date,
    followUpDate: r.follow_up_date,
    priority: r.priority,
    state: r.state,
    variables: JSON.parse(r.variables) as Variables,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
  };
}

function toInstance(r: InstanceRow, hasIncident: boolean): ProcessInstance {
  return {
    processInstanceKey: r.key,
    processDefinitionKey: r.deployment_key,
    tenantId: r.tenant_id,
    bpmnProcessId: r.bpmn_process_id,
    version: r.version,
    state: r.status,
    parentProcessInstanceKey: r.parent_key,
    parentElementId: r.parent_element_id,
    variables: JSON.parse(r.variables) as Variables,
    hasIncident,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  };
}
