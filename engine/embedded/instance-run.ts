import { Engine } from 'bpmn-engine';
import { Temporal } from 'temporal-polyfill';
import * as elements from 'bpmn-elements';
import type { EngineEventType, IncidentErrorType, Variables } from '../port.ts';
import type { ElementInfo, LoadedDefinition } from './definition.ts';
import { FeelError, evaluateFeel, isFeel, resolveValue } from './feel.ts';

/**
 * One run of one process instance: build a bpmn-engine Engine from the cached
 * definition, start or resume it, apply one action, and collect what it waits
 * for and what happened. The run never touches the database; the runtime turns
 * the outcome into one transaction.
 */

/** bpmn-engine writes these into the process variables (ProcessExecution.assignVariables). */
const engineKeys = ['fields', 'content', 'properties'] as const;

export type WaitKind = 'task' | 'job' | 'timer' | 'subscription' | 'call';

export interface Wait {
  kind: WaitKind;
  key: string;
  elementId: string;
  executionId: string;
  /** Filled only when the wait is new (not yet in the database). */
  data?: WaitData;
}

export type WaitData =
  | {
      kind: 'task';
      name: string | null;
      phase: string | null;
      formId: string | null;
      formKey: string | null;
      assignee: string | null;
      candidateGroups: string[];
      candidateUsers: string[];
      dueDate: string | null;
      followUpDate: string | null;
      priority: number;
      variables: Variables;
    }
  | { kind: 'job'; type: string; retries: number; headers: Record<string, string>; variables: Variables; listener: 'start' | 'end' | null }
  | { kind: 'timer'; dueAt: string }
  | { kind: 'subscription'; messageName: string; correlationKey: string }
  | { kind: 'call'; processId: string; variables: Variables };

export interface EventDraft {
  type: EngineEventType;
  elementId: string | null;
  elementType: string | null;
  phase: string | null;
  subjectKey: string | null;
  actor: string | null;
  data: Record<string, unknown>;
}

export interface RunFailure {
  elementId: string | null;
  errorType: IncidentErrorType;
  message: string;
}

/** Minimal view of the element API bpmn-engine hands to listeners. */
interface ElementApi {
  id: string;
  type: string;
  executionId: string;
  content: Record<string, unknown> & { parent?: { id?: string; executionId?: string }; isRootScope?: boolean; index?: number };
  environment?: { variables: Variables };
  signal(message?: unknown): void;
  sendApiMessage(action: string, content?: unknown): void;
}

type ServiceCallback = (err: Error | null, output?: unknown) => void;

interface BpmnActivity {
  id: string;
  type: string;
  behaviour: Record<string, unknown>;
  environment: { variables: Variables };
}

interface EngineExecution {
  definitions: Array<{ getProcesses(): Array<{ environment: { variables: Variables } }> }>;
}

/** bpmn-engine's Execution, as far as its getState() reads it. */
interface ExecutionInternals {
  state: string;
  stopped: boolean;
  environment: { getState(): Record<string, unknown> };
  definitions: Array<{ getState(): Record<string, unknown> }>;
}

interface BpmnEngine {
  execute(options: unknown): Promise<unknown>;
  resume(options: unknown): Promise<unknown>;
  recover(state: unknown): BpmnEngine;
  getState(): Promise<EngineState>;
  stop(): void;
  once(event: string, fn: (...args: unknown[]) => void): void;
  execution: EngineExecution | null;
  state: string;
}

export interface EngineState {
  definitions: Array<Record<string, unknown> & { source?: unknown }>;
  [key: string]: unknown;
}

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

export interface RunInput {
  instanceKey: string;
  definition: LoadedDefinition;
  /** Keys of waits already stored; their data is not recomputed. */
  knownKeys: Set<string>;
}

export class InstanceRun {
  readonly waits = new Map<string, Wait>();
  events: EventDraft[] = [];
  firedTimers = new Set<string>();
  failure: RunFailure | null = null;
  completed = false;
  private engine: BpmnEngine | null = null;
  private readonly apis = new Map<string, ElementApi>();
  private readonly services = new Map<string, ServiceCallback>();
  private processVars: Variables | null = null;
  private engineError: Error | null = null;
  /** Listener jobs are fire-and-forget records, not waits. */
  listenerJobs: Wait[] = [];
  /** Waits that opened and closed within this run; they still get a row. */
  transientWaits: Wait[] = [];
  correlatedSubscriptions = new Set<string>();
  private entered = new Set<string>();
  /** Elements that left without completing (discard), by execution id. */
  terminated = new Set<string>();
  /** Variables object of the scope each wait runs in (a subprocess has its own copy). */
  private readonly scopes = new Map<string, Variables>();
  /** Execute-message content of each wait (multi-instance item and index live here). */
  private readonly contents = new Map<string, Record<string, unknown>>();

  constructor(private readonly input: RunInput) {}

  /** True while the bpmn-engine instance is alive (a hot run can take the next action without recover). */
  get isLive(): boolean {
    return this.engine !== null && !this.completed;
  }

  /** Starts the next run on the same live engine: per-run buffers are emptied. */
  beginRun(): void {
    this.events = [];
    this.firedTimers = new Set();
    this.failure = null;
    this.engineError = null;
    this.listenerJobs = [];
    this.transientWaits = [];
    this.correlatedSubscriptions = new Set();
    this.entered = new Set();
    this.terminated = new Set();
  }

  /**
   * Open side records in the database (user tasks, service jobs, timers,
   * subscriptions) as of the last commit; the runtime diffs the waits against it.
   */
  openRecords = new Map<string, { kind: Exclude<WaitKind, 'call'>; elementId: string; executionId: string }>();

  /** After commit: everything written is now known, its data need not be computed again. */
  committed(): void {
    this.openRecords = new Map();
    for (const w of this.waits.values()) {
      if (w.kind !== 'call') this.openRecords.set(w.key, { kind: w.kind, elementId: w.elementId, executionId: w.executionId });
    }
    for (const w of this.waits.values()) {
      this.input.knownKeys.add(w.key);
      delete w.data;
    }
    for (const w of [...this.listenerJobs, ...this.transientWaits]) this.input.knownKeys.add(w.key);
  }

  get instanceKey(): string {
    return this.input.instanceKey;
  }

  private info(elementId: string): ElementInfo | undefined {
    return this.input.definition.elements.get(elementId);
  }

  elementInfo(elementId: string): ElementInfo | undefined {
    return this.info(elementId);
  }

  private createEngine(): BpmnEngine {
    const run = this;
    const expressions = {
      resolveExpression(expr: unknown, context?: { environment?: { variables?: Variables }; content?: { id?: string } }) {
        if (!isFeel(expr)) return expr;
        const vars = context?.environment?.variables ?? run.variables();
        const elementId = context?.content?.id ?? null;
        try {
          return evaluateFeel(expr.slice(1), vars);
        } catch (err) {
          run.fail(elementId, 'EXTRACT_VALUE_ERROR', (err as Error).message);
          throw err;
        }
      },
      isExpression: isFeel,
      hasExpression: isFeel,
    };
    // Sequence-flow conditions (language 'feel', set at load): must give a boolean; the incident names the gateway.
    const scripts = {
      register() {},
      getScript(language: string, flow: { id: string; sourceId?: string; behaviour: { conditionExpression?: { body?: string } } }) {
        if (language !== 'feel') return undefined;
        const body = flow.behaviour.conditionExpression?.body ?? '';
        return {
          execute(scope: { environment: { variables: Variables } }, callback: (err: Error | null, result?: unknown) => void) {
            let value: unknown;
            try {
              value = evaluateFeel(body.slice(1), scope.environment.variables);
            } catch (err) {
              run.fail(flow.sourceId ?? flow.id, 'CONDITION_ERROR', `voorwaarde op ${flow.id}: ${(err as Error).message}`);
              return callback(err as Error);
            }
            if (typeof value !== 'boolean') {
              const msg = `voorwaarde op ${flow.id} ('${body.slice(1)}') gaf ${JSON.stringify(value)} in plaats van true/false`;
              run.fail(flow.sourceId ?? flow.id, 'CONDITION_ERROR', msg);
              return callback(new FeelError(msg, body));
            }
            return callback(null, value);
          },
        };
      },
    };
    const extension = (activity: BpmnActivity) => {
      if (!this.info(activity.id)?.taskDefinition || activity.type === 'bpmn:UserTask') return;
      activity.behaviour.Service = function ZeebeJob() {
        return {
          execute(message: { content: ElementApi['content'] & { executionId: string } }, callback: ServiceCallback) {
            run.scopes.set(message.content.executionId, activity.environment.variables);
            run.onJobWait(activity.id, message.content, callback);
          },
        };
      };
    };
    const timers = new (elements as unknown as { Timers: new (o: object) => object }).Timers({
      // Never fire in memory: the scheduler resumes the instance when the timer row is due.
      setTimeout: () => ({}),
      clearTimeout: () => undefined,
    });
    const EngineCtor = Engine as unknown as new (options: object) => BpmnEngine;
    const engine = new EngineCtor({
      name: this.input.instanceKey,
      sourceContext: this.input.definition.sourceContext,
      expressions,
      scripts,
      extensions: { zeebe: extension },
      timers,
      // Snapshots hold only elements with something in flight; idle and finished ones start fresh on recover.
      settings: { disableTrackState: true },
      Logger: silentLogger,
    });
    engine.once('error', (err) => {
      this.engineError = err as Error;
    });
    return engine;
  }

  private get listener() {
    return { emit: (name: string, api: ElementApi) => this.onEvent(name, api) };
  }

  async start(variables: Variables): Promise<void> {
    this.engine = this.createEngine();
    await this.guard(() => this.engine!.execute({ listener: this.listener, variables }));
  }

  async resume(state: EngineState): Promise<void> {
    const definition = this.input.definition;
    const engine = this.createEngine();
    this.engine = engine;
    // recover() wants the source; the cached sourceContext replaces it.
    for (const d of state.definitions) d.source = undefined;
    engine.recover(state);
    void definition;
    await this.guard(() => engine.resume({ listener: this.listener }));
  }

  private async guard(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      if (!this.failure) this.fail(null, 'EXECUTION_ERROR', (err as Error).message);
    }
    this.checkEngineError();
  }

  private checkEngineError(): void {
    if (this.engineError && !this.failure) {
      const err = this.engineError as Error & { code?: string; source?: { content?: { id?: string } } };
      const unhandled = err.code !== undefined;
      this.fail(
        err.source?.content?.id ?? null,
        unhandled ? 'UNHANDLED_ERROR_EVENT' : 'EXECUTION_ERROR',
        unhandled ? `fout '${err.code}' is door geen enkel fout-event opgevangen` : err.message,
      );
    }
  }

  fail(elementId: string | null, errorType: IncidentErrorType, message: string): void {
    if (!this.failure) this.failure = { elementId, errorType, message };
  }

  variables(): Variables {
    if (this.processVars) return this.processVars;
    const proc = this.engine?.execution?.definitions[0]?.getProcesses()[0];
    if (proc) this.processVars = proc.environment.variables;
    return this.processVars ?? {};
  }

  /** Process variables without bpmn-engine's bookkeeping keys. */
  cleanVariables(): Variables {
    const vars = { ...this.variables() };
    for (const k of engineKeys) delete vars[k];
    return vars;
  }

  /**
   * The engine state as bpmn-engine's getState() gives it, minus the definition
   * source: getState() serializes the whole parsed diagram into every snapshot,
   * and recover() takes the cached sourceContext instead.
   */
  async getState(): Promise<EngineState> {
    const execution = this.engine!.execution as unknown as ExecutionInternals | null;
    const state: EngineState = execution
      ? {
          name: this.instanceKey,
          state: execution.state,
          stopped: execution.stopped,
          environment: execution.environment.getState(),
          definitions: execution.definitions.map((d) => d.getState()),
        }
      : await this.engine!.getState();
    for (const d of state.definitions) {
      delete d.source;
      stripEngineKeys(d);
    }
    return state;
  }

  /**
   * Evicts the engine. bpmn-engine's stop() walks every activity and costs as
   * much as a run; nothing here holds real timers or sockets, so dropping the
   * references is enough for the garbage collector.
   */
  stop(): void {
    this.engine = null;
    this.apis.clear();
    this.services.clear();
    this.scopes.clear();
    this.contents.clear();
    this.processVars = null;
  }

  // ------------------------------------------------------------ actions

  hasWait(key: string): boolean {
    return this.waits.has(key);
  }

  findWait(kind: WaitKind, executionId: string): Wait | undefined {
    for (const w of this.waits.values()) if (w.kind === kind && w.executionId === executionId) return w;
    return undefined;
  }

  /**
   * Merges variables Zeebe-style: through output mappings when the element has
   * them, else as is; into the process scope and the scope the element runs in
   * (bpmn-elements gives a subprocess its own copy). Multi-instance results only
   * travel through the output collection.
   */
  mergeOutput(elementId: string, result: Variables, local: Variables = {}, executionId?: string): void {
    const info = this.info(elementId);
    const vars = this.variables();
    const targets = [vars];
    const scope = executionId ? this.scopes.get(executionId) : undefined;
    if (scope && scope !== vars) targets.push(scope);
    try {
      let out: Variables = result;
      if (info?.io.outputs.length) {
        const ctx = { ...vars, ...local, ...result };
        out = {};
        for (const o of info.io.outputs) out[o.target] = resolveValue(o.source, ctx);
      } else if (info?.loop) {
        out = {};
      }
      for (const t of targets) Object.assign(t, out);
    } catch (err) {
      this.fail(elementId, 'EXTRACT_VALUE_ERROR', (err as Error).message);
    }
  }

  private collectLoopOutput(wait: Wait, result: Variables): void {
    const info = this.info(wait.elementId);
    const content = this.contents.get(wait.executionId);
    if (!info?.loop?.outputCollection || !info.loop.outputElement || !content) return;
    const vars = this.variables();
    const item = info.loop.inputElement ? { [info.loop.inputElement]: content[info.loop.inputElement] } : {};
    try {
      const value = resolveValue(info.loop.outputElement, { ...vars, ...item, ...result });
      const current = vars[info.loop.outputCollection];
      const list = Array.isArray(current) ? [...current] : [];
      const index = typeof content.index === 'number' ? content.index : list.length;
      while (list.length < index) list.push(null);
      list[index] = value ?? null;
      vars[info.loop.outputCollection] = list;
      const scope = this.scopes.get(wait.executionId);
      if (scope && scope !== vars) scope[info.loop.outputCollection] = list;
    } catch (err) {
      this.fail(wait.elementId, 'EXTRACT_VALUE_ERROR', (err as Error).message);
    }
  }

  completeWait(wait: Wait, result: Variables, local: Variables = {}): void {
    const info = this.info(wait.elementId);
    if (info?.loop) this.collectLoopOutput(wait, result);
    this.mergeOutput(wait.elementId, result, local, wait.executionId);
    if (this.failure) return;
    this.waits.delete(wait.key);
    if (wait.kind === 'subscription') {
      this.correlatedSubscriptions.add(wait.key);
      if (wait.data) this.transientWaits.push(wait);
    }
    if (wait.kind === 'job') {
      const cb = this.services.get(wait.executionId);
      this.services.delete(wait.executionId);
      cb?.(null, {});
    } else {
      this.apis.get(wait.executionId)?.signal({});
    }
    this.checkEngineError();
  }

  /** BPMN error from a job or a called child: caught by an error boundary, else an incident. */
  throwError(wait: Wait, errorCode: string, errorMessage: string): void {
    this.waits.delete(wait.key);
    const err = Object.assign(new Error(errorMessage || errorCode), { code: errorCode });
    if (wait.kind === 'job') {
      const cb = this.services.get(wait.executionId);
      this.services.delete(wait.executionId);
      cb?.(err);
    } else {
      this.apis.get(wait.executionId)?.sendApiMessage('error', { message: errorMessage || errorCode, code: errorCode });
    }
    this.checkEngineError();
    if (this.engineError || this.failure) {
      this.failure = {
        elementId: wait.elementId,
        errorType: 'UNHANDLED_ERROR_EVENT',
        message: `fout '${errorCode}' is door geen enkel fout-event opgevangen`,
      };
    }
  }

  // ------------------------------------------------------------ events from bpmn-engine

  private onJobWait(elementId: string, content: ElementApi['content'] & { executionId: string }, callback: ServiceCallback): void {
    const key = `${this.instanceKey}:${content.executionId}`;
    this.services.set(content.executionId, callback);
    this.contents.set(content.executionId, content);
    const wait: Wait = { kind: 'job', key, elementId, executionId: content.executionId };
    if (!this.input.knownKeys.has(key)) {
      const info = this.info(elementId)!;
      try {
        const vars = this.iterationScope(info, content);
        const local = this.inputs(info, vars);
        const scope = { ...vars, ...local };
        wait.data = {
          kind: 'job',
          type: String(resolveValue(info.taskDefinition!.type, scope)),
          retries: Number(resolveValue(info.taskDefinition!.retries, scope) ?? 3),
          headers: info.headers,
          variables: scope,
          listener: null,
        };
      } catch (err) {
        this.fail(elementId, 'EXTRACT_VALUE_ERROR', (err as Error).message);
        return;
      }
      this.created(wait);
    }
    this.waits.set(key, wait);
  }

  /** Creation events are written in run order, right after the element entered. */
  private created(wait: Wait): void {
    const d = wait.data;
    if (!d) return;
    const info = this.info(wait.elementId);
    const base = { elementId: wait.elementId, elementType: info?.type ?? null, phase: info?.phase ?? null, subjectKey: wait.key, actor: null };
    if (d.kind === 'task') {
      this.events.push({ ...base, type: 'user_task.created', data: { formId: d.formId, dueDate: d.dueDate, candidateGroups: d.candidateGroups } });
      if (d.assignee) this.events.push({ ...base, type: 'user_task.assigned', data: { assignee: d.assignee } });
    } else if (d.kind === 'job') {
      this.events.push({ ...base, type: 'job.created', data: { type: d.type, retries: d.retries, listener: d.listener } });
    } else if (d.kind === 'timer') {
      this.events.push({ ...base, type: 'timer.created', data: { dueAt: d.dueAt } });
    }
  }

  private iterationScope(info: ElementInfo, content: Record<string, unknown>): Variables {
    const vars = this.cleanVariables();
    if (info.loop?.inputElement && info.loop.inputElement in content) vars[info.loop.inputElement] = content[info.loop.inputElement];
    return vars;
  }

  private inputs(info: ElementInfo, vars: Variables): Variables {
    const local: Variables = {};
    for (const p of info.io.inputs) local[p.target] = resolveValue(p.source, { ...vars, ...local });
    return local;
  }

  private element(api: ElementApi): { elementId: string; elementType: string; phase: string | null } {
    const info = this.info(api.id);
    return { elementId: api.id, elementType: api.type, phase: info?.phase ?? null };
  }

  private event(type: EngineEventType, api: ElementApi | null, data: Record<string, unknown> = {}, subjectKey: string | null = null): void {
    const el = api ? this.element(api) : { elementId: null, elementType: null, phase: null };
    this.events.push({ type, ...el, subjectKey, actor: null, data });
  }

  private onEvent(name: string, api: ElementApi): void {
    if (this.failure) return;
    try {
      this.handleEvent(name, api);
    } catch (err) {
      this.fail(api.id, err instanceof FeelError ? 'EXTRACT_VALUE_ERROR' : 'EXECUTION_ERROR', (err as Error).message);
    }
  }

  private handleEvent(name: string, api: ElementApi): void {
    const isRoot = api.content.isRootScope !== false;
    switch (name) {
      case 'activity.enter':
        if (api.type !== 'bpmn:BoundaryEvent' && isRoot) {
          this.entered.add(api.executionId);
          this.event('element.entered', api);
        }
        return;
      case 'activity.start':
        if (isRoot) this.listenerJobsFor(api, 'start');
        return;
      case 'activity.end':
        if (!isRoot) return;
        if (api.type === 'bpmn:BoundaryEvent') this.event('element.entered', api);
        if (api.type === 'bpmn:SubProcess') this.terminateInside(api.id);
        this.event('element.completed', api);
        this.listenerJobsFor(api, 'end');
        this.closeWaitsOf(api.executionId);
        return;
      case 'activity.discard':
        if (!isRoot) return;
        if (api.type === 'bpmn:SubProcess') this.terminateInside(api.id);
        // Flows not taken discard elements that never ran: only entered elements terminate.
        if (api.type !== 'bpmn:BoundaryEvent' && this.wasEntered(api.executionId)) {
          this.terminated.add(api.executionId);
          this.event('element.terminated', api);
        }
        this.closeWaitsOf(api.executionId);
        return;
      case 'activity.leave':
        if (isRoot) this.closeWaitsOf(api.executionId);
        return;
      case 'activity.wait':
        return this.onWait(api);
      case 'activity.call':
        return this.onCall(api);
      case 'activity.timer':
        return this.onTimer(api);
      case 'activity.timeout': {
        const key = this.timerKey(api);
        const wait = this.waits.get(key);
        // Created and fired in the same run: it still gets its row.
        if (wait?.data) this.transientWaits.push(wait);
        this.waits.delete(key);
        this.firedTimers.add(key);
        this.event('timer.fired', api, {}, key);
        return;
      }
      case 'process.end':
        this.completed = true;
        return;
    }
  }

  private wasEntered(executionId: string): boolean {
    if (this.entered.has(executionId)) return true;
    const prefix = `${this.instanceKey}:${executionId}`;
    for (const k of this.input.knownKeys) if (k.startsWith(prefix)) return true;
    return false;
  }

  /**
   * A subprocess that ends while elements inside it still wait (a terminate end event in one branch)
   * takes them with it. bpmn-elements leaves their waits behind, so a late message would still
   * correlate to a subscription that no longer runs, and a timer would still fire.
   */
  private terminateInside(subProcessId: string): void {
    for (const [key, w] of this.waits) {
      if (!this.isInside(w.elementId, subProcessId)) continue;
      this.waits.delete(key);
      const info = this.info(w.elementId);
      if (info?.type === 'bpmn:BoundaryEvent' || this.terminated.has(w.executionId)) continue;
      this.terminated.add(w.executionId);
      this.events.push({ type: 'element.terminated', elementId: w.elementId, elementType: info?.type ?? null, phase: info?.phase ?? null, subjectKey: null, actor: null, data: {} });
    }
  }

  private isInside(elementId: string, subProcessId: string): boolean {
    for (let parent = this.info(elementId)?.parentId ?? null; parent; parent = this.info(parent)?.parentId ?? null) {
      if (parent === subProcessId) return true;
    }
    return false;
  }

  private closeWaitsOf(executionId: string): void {
    for (const [key, w] of this.waits) {
      if (w.executionId === executionId || w.executionId.startsWith(`${executionId}_`)) this.waits.delete(key);
    }
  }

  private timerKey(api: ElementApi): string {
    const expireAt = api.content.expireAt as string | Date | undefined;
    const at = expireAt ? new Date(expireAt).getTime() : 0;
    return `${this.instanceKey}:${api.executionId}@${at}`;
  }

  private onTimer(api: ElementApi): void {
    const key = this.timerKey(api);
    const executionId = api.content.parent?.executionId ?? api.executionId;
    const wait: Wait = { kind: 'timer', key, elementId: api.id, executionId };
    if (!this.input.knownKeys.has(key)) {
      const expireAt = api.content.expireAt as string | Date | undefined;
      wait.data = { kind: 'timer', dueAt: new Date(expireAt ?? Date.now()).toISOString() };
      this.created(wait);
    }
    this.waits.set(key, wait);
  }

  private onWait(api: ElementApi): void {
    const info = this.info(api.id);
    if (!info) return;
    this.apis.set(api.executionId, api);
    this.contents.set(api.executionId, api.content);
    if (api.environment) this.scopes.set(api.executionId, api.environment.variables);
    const message = api.content.message as { id?: string } | undefined;
    if (info.message && message) {
      const key = `${this.instanceKey}:${api.executionId}`;
      const wait: Wait = { kind: 'subscription', key, elementId: api.id, executionId: api.executionId };
      if (!this.input.knownKeys.has(key)) {
        const correlationKey = resolveValue(info.message.correlationKey, this.cleanVariables());
        if (correlationKey === null || correlationKey === undefined) {
          this.fail(api.id, 'EXTRACT_VALUE_ERROR', `correlatiesleutel '${info.message.correlationKey}' is leeg`);
          return;
        }
        wait.data = { kind: 'subscription', messageName: info.message.name, correlationKey: String(correlationKey) };
      }
      this.waits.set(key, wait);
      return;
    }
    if (api.type === 'bpmn:UserTask' && info.userTask) {
      const key = `${this.instanceKey}:${api.executionId}`;
      const wait: Wait = { kind: 'task', key, elementId: api.id, executionId: api.executionId };
      if (!this.input.knownKeys.has(key)) {
        const ut = info.userTask;
        const vars = this.iterationScope(info, api.content);
        const local = this.inputs(info, vars);
        const scope = { ...vars, ...local };
        wait.data = {
          kind: 'task',
          name: info.name,
          phase: info.phase,
          formId: ut.formId,
          formKey: ut.formKey,
          assignee: nullableString(resolveValue(ut.assignee, scope)),
          candidateGroups: list(resolveValue(ut.candidateGroups, scope)),
          candidateUsers: list(resolveValue(ut.candidateUsers, scope)),
          dueDate: isoOrNull(resolveValue(ut.dueDate, scope)),
          followUpDate: isoOrNull(resolveValue(ut.followUpDate, scope)),
          priority: ut.priority === null ? 50 : Number(resolveValue(ut.priority, scope)),
          variables: scope,
        };
        this.created(wait);
      }
      this.waits.set(key, wait);
    }
  }

  private onCall(api: ElementApi): void {
    const info = this.info(api.id);
    if (!info?.calledElement) return;
    this.apis.set(api.executionId, api);
    if (api.environment) this.scopes.set(api.executionId, api.environment.variables);
    const key = `${this.instanceKey}:${api.executionId}`;
    const wait: Wait = { kind: 'call', key, elementId: api.id, executionId: api.executionId };
    if (!this.input.knownKeys.has(key)) {
      const vars = this.iterationScope(info, api.content);
      const local = this.inputs(info, vars);
      const processId = resolveValue(info.calledElement.processId, { ...vars, ...local });
      const childVars = info.calledElement.propagateAllParentVariables ? { ...vars, ...local } : local;
      wait.data = { kind: 'call', processId: String(processId), variables: childVars };
    }
    this.waits.set(key, wait);
  }

  private listenerJobsFor(api: ElementApi, eventType: 'start' | 'end'): void {
    const info = this.info(api.id);
    if (!info?.listeners.length) return;
    const vars = this.cleanVariables();
    info.listeners
      .filter((l) => l.eventType === eventType)
      .forEach((l, i) => {
        const key = `${this.instanceKey}:${api.executionId}:${eventType}${i}`;
        if (this.input.knownKeys.has(key)) return;
        const job: Wait = {
          kind: 'job',
          key,
          elementId: api.id,
          executionId: api.executionId,
          data: {
            kind: 'job',
            type: String(resolveValue(l.type, vars)),
            retries: Number(resolveValue(l.retries, vars) ?? 3),
            headers: info.headers,
            variables: vars,
            listener: eventType,
          },
        };
        this.listenerJobs.push(job);
        this.created(job);
      });
  }
}

function stripEngineKeys(value: unknown): void {
  // Variables sit under environment.variables at definition and process level.
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const env = obj.environment as { variables?: Variables } | undefined;
  if (env?.variables) for (const k of engineKeys) delete env.variables[k];
  const execution = obj.execution as { processes?: unknown[] } | undefined;
  for (const p of execution?.processes ?? []) stripEngineKeys(p);
}

/** Sets variables in a stored state, at definition and process level. */
export function patchStateVariables(state: EngineState, variables: Variables): void {
  for (const d of state.definitions) {
    const env = d.environment as { variables?: Variables } | undefined;
    if (env) env.variables = { ...env.variables, ...variables };
    const execution = d.execution as { processes?: Array<{ environment?: { variables?: Variables } }> } | undefined;
    for (const p of execution?.processes ?? []) {
      if (p.environment) p.environment.variables = { ...p.environment.variables, ...variables };
    }
  }
}

function nullableString(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

function list(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A FEEL date-time as an instant. FEEL writes a zoned one as `2027-01-18T17:00:00@Europe/Amsterdam`:
 * that is 17:00 on the wall clock of that zone (16:00Z in winter, 15:00Z in summer), whatever zone
 * the server runs in. Stripping the zone and parsing the rest read it in the server's own zone.
 */
function isoOrNull(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const text = String(v);
  const zoned = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)@([A-Za-z_]+(?:\/[A-Za-z_+-]+)*)$/.exec(text);
  if (zoned) {
    try {
      // Same form as every other stored instant (toISOString), so due dates compare as strings.
      return new Date(Temporal.PlainDateTime.from(zoned[1]!).toZonedDateTime(zoned[2]!).epochMilliseconds).toISOString();
    } catch {
      throw new FeelError(`'${text}' is geen datum`, text);
    }
  }
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new FeelError(`'${text}' is geen datum`, text);
  return d.toISOString();
}
