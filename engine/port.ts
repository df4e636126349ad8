/**
 * The WorkflowEngine port. Modelled on the Zeebe client of `@camunda8/sdk`
 * (deployResource, createProcessInstance, publishMessage, createWorker, …) so
 * that the embedded adapter and a later Zeebe adapter are interchangeable.
 * Keys are strings (Zeebe uses int64 keys; the SDK passes them as strings).
 */

export type Variables = Record<string, unknown>;

// ---------------------------------------------------------------- deploy

export interface DeployResource {
  /** File name; `.bpmn` is a process, `.form` a form (JSON with an `id`). */
  name: string;
  content: string | Uint8Array;
}

export interface DeployResourceRequest {
  tenantId: string;
  resources: DeployResource[];
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
  /** True when an identical file was deployed before: its existing version is returned. */
  duplicate: boolean;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
  tenantId: string;
  duplicate: boolean;
}

export interface DeployResourceResponse {
  processes: DeployedProcess[];
  forms: DeployedForm[];
}

export interface ProcessDefinition {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  resourceName: string;
  deployedAt: string;
}

export interface FormDefinition {
  formKey: string;
  formId: string;
  version: number;
  tenantId: string;
  schema: unknown;
}

// ---------------------------------------------------------------- instances

export interface CreateProcessInstanceRequest {
  tenantId: string;
  bpmnProcessId: string;
  /** Latest when omitted. */
  version?: number;
  variables?: Variables;
  /** Who started it; recorded on the instance.started event. */
  actor?: string;
}

export interface CreateProcessInstanceResponse {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
}

export type ProcessInstanceState = 'active' | 'completed' | 'canceled';

export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  tenantId: string;
  bpmnProcessId: string;
  version: number;
  state: ProcessInstanceState;
  /** Set for instances started by a call activity. */
  parentProcessInstanceKey: string | null;
  parentElementId: string | null;
  variables: Variables;
  /** Active incidents exist on this instance. */
  hasIncident: boolean;
  startedAt: string;
  endedAt: string | null;
}

// ---------------------------------------------------------------- messages

export interface PublishMessageRequest {
  tenantId: string;
  name: string;
  correlationKey: string;
  variables?: Variables;
  /** Milliseconds the message stays buffered for subscriptions that open later. 0: not buffered. */
  timeToLive?: number;
  /** Idempotency: a second publish with the same id (while the first is known) is a no-op. */
  messageId?: string;
}

export interface PublishMessageResponse {
  messageKey: string;
  /** Instances the message was correlated to now (empty when buffered or dropped). */
  correlatedProcessInstanceKeys: string[];
  /** Buffered for a later subscription (TTL > 0 and nobody waited). */
  buffered: boolean;
  /** An earlier publish with the same messageId was found; nothing happened. */
  duplicate: boolean;
}

// ---------------------------------------------------------------- jobs

export interface FailJobRequest {
  errorMessage: string;
  /** Remaining retries; default: current retries − 1. 0 → incident. */
  retries?: number;
  /** Milliseconds before the job may be activated again. */
  retryBackOff?: number;
}

export interface Job<V extends Variables = Variables, H extends Record<string, string> = Record<string, string>> {
  /** Stable across retries and restarts: use it as the idempotency key of side effects. */
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  tenantId: string;
  elementId: string;
  /** 'start' / 'end' for execution-listener jobs, null for a service task job. */
  listenerEventType: 'start' | 'end' | null;
  retries: number;
  customHeaders: H;
  variables: V;
  complete(variables?: Variables): Promise<void>;
  fail(request: FailJobRequest): Promise<void>;
  /** Throws a BPMN error (caught by an error boundary/event subprocess; otherwise an incident). */
  error(errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
}

export type JobHandler<V extends Variables = Variables> = (job: Job<V>) => Promise<void> | void;

export interface CreateWorkerRequest<V extends Variables = Variables> {
  taskType: string;
  taskHandler: JobHandler<V>;
  /** Jobs handled at once by this worker (default 32). */
  maxJobsToActivate?: number;
  /** Milliseconds a job may run before it is offered again (default 5 min). */
  timeout?: number;
  /** Milliseconds between polls when idle (default 500; new jobs wake the worker at once). */
  pollInterval?: number;
  workerName?: string;
}

export interface Worker {
  readonly taskType: string;
  close(): Promise<void>;
}

export type JobState = 'activatable' | 'activated' | 'failed' | 'completed' | 'error_thrown' | 'canceled';

export interface JobInfo {
  key: string;
  type: string;
  state: JobState;
  processInstanceKey: string;
  tenantId: string;
  elementId: string;
  retries: number;
  errorMessage: string | null;
}

// ---------------------------------------------------------------- user tasks

export type UserTaskState = 'created' | 'completed' | 'canceled';

export interface UserTask {
  userTaskKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  tenantId: string;
  bpmnProcessId: string;
  version: number;
  elementId: string;
  name: string | null;
  /** Phase the element belongs to (zeebe:properties phase), if marked. */
  phase: string | null;
  formId: string | null;
  formKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  state: UserTaskState;
  /** Local input variables plus the process variables at creation. */
  variables: Variables;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

export interface UserTaskQuery {
  tenantId: string;
  state?: UserTaskState;
  assignee?: string;
  candidateGroup?: string;
  /** Matches any of these groups. */
  candidateGroups?: string[];
  candidateUser?: string;
  processInstanceKey?: string;
  bpmnProcessId?: string;
  elementId?: string;
  /** ISO instant: due before. */
  dueBefore?: string;
  limit?: number;
  offset?: number;
}

export interface CompleteUserTaskRequest {
  userTaskKey: string;
  variables?: Variables;
  /** The acting user; refused when the task is assigned to someone else. */
  actor?: string;
}

// ---------------------------------------------------------------- incidents

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'EXECUTION_ERROR';

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  tenantId: string;
  bpmnProcessId: string;
  elementId: string | null;
  jobKey: string | null;
  errorType: IncidentErrorType;
  errorMessage: string;
  state: 'active' | 'resolved';
  createdAt: string;
  resolvedAt: string | null;
}

export interface ResolveIncidentRequest {
  incidentKey: string;
  /** Merged into the process variables before the retry. */
  variables?: Variables;
  /** For job incidents: retries given back to the job (default 1). */
  retries?: number;
  actor?: string;
}

// ---------------------------------------------------------------- events

export type EngineEventType =
  | 'process_instance.started'
  | 'process_instance.completed'
  | 'process_instance.canceled'
  | 'element.entered'
  | 'element.completed'
  | 'element.terminated'
  | 'user_task.created'
  | 'user_task.assigned'
  | 'user_task.completed'
  | 'user_task.canceled'
  | 'user_task.due_date_changed'
  | 'job.created'
  | 'job.completed'
  | 'job.failed'
  | 'job.error_thrown'
  | 'job.canceled'
  | 'timer.created'
  | 'timer.fired'
  | 'timer.canceled'
  | 'message.published'
  | 'message.correlated'
  | 'message.expired'
  | 'incident.created'
  | 'incident.resolved'
  | 'variables.updated';

export interface EngineEvent {
  /** Monotonic per database: order of commit within an instance. */
  id: number;
  type: EngineEventType;
  tenantId: string;
  bpmnProcessId: string | null;
  version: number | null;
  processInstanceKey: string | null;
  elementId: string | null;
  /** bpmn:UserTask, bpmn:ServiceTask, … */
  elementType: string | null;
  phase: string | null;
  /** user task, job, timer, message or incident key the event is about. */
  subjectKey: string | null;
  actor: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface EventQuery {
  tenantId: string;
  bpmnProcessId?: string;
  processInstanceKey?: string;
  elementId?: string;
  types?: EngineEventType[];
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  /** Only events with id greater than this (for incremental read models). */
  afterId?: number;
  limit?: number;
}

// ---------------------------------------------------------------- errors

export type EngineErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'NOT_ASSIGNEE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_DEPLOYMENT'
  | 'NOT_RUNNING';

export interface DeploymentProblem {
  resourceName: string;
  elementId: string | null;
  message: string;
}

/** Refused request; nothing was changed. Messages are Dutch, for the end user. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly problems: DeploymentProblem[];
  constructor(code: EngineErrorCode, message: string, problems: DeploymentProblem[] = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.problems = problems;
  }
}

// ---------------------------------------------------------------- the port

export interface WorkflowEngine {
  /** Starts schedulers and workers; resumes work left by a previous process. */
  start(): Promise<void>;
  /** Stops polling, waits for running handlers and engine runs to finish. */
  stop(): Promise<void>;

  deployResource(request: DeployResourceRequest): Promise<DeployResourceResponse>;
  listProcessDefinitions(tenantId: string, bpmnProcessId?: string): Promise<ProcessDefinition[]>;
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;
  getForm(tenantId: string, formId: string, version?: number): Promise<FormDefinition | null>;

  createProcessInstance(request: CreateProcessInstanceRequest): Promise<CreateProcessInstanceResponse>;
  getProcessInstance(processInstanceKey: string): Promise<ProcessInstance | null>;
  cancelProcessInstance(processInstanceKey: string, actor?: string): Promise<void>;
  /** Merges variables into the process scope of a running instance. */
  setVariables(processInstanceKey: string, variables: Variables, actor?: string): Promise<void>;

  publishMessage(request: PublishMessageRequest): Promise<PublishMessageResponse>;

  createWorker<V extends Variables = Variables>(request: CreateWorkerRequest<V>): Worker;
  listJobs(processInstanceKey: string): Promise<JobInfo[]>;

  queryUserTasks(query: UserTaskQuery): Promise<UserTask[]>;
  getUserTask(userTaskKey: string): Promise<UserTask | null>;
  /** assignee null → unassign. With `allowOverride: false` (claim) it refuses a task assigned to someone else. */
  assignUserTask(request: { userTaskKey: string; assignee: string | null; allowOverride?: boolean; actor?: string }): Promise<UserTask>;
  completeUserTask(request: CompleteUserTaskRequest): Promise<void>;
  updateUserTask(request: { userTaskKey: string; dueDate?: string | null; followUpDate?: string | null; priority?: number; actor?: string }): Promise<UserTask>;

  listIncidents(query: { tenantId: string; processInstanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]>;
  resolveIncident(request: ResolveIncidentRequest): Promise<void>;

  queryEvents(query: EventQuery): Promise<EngineEvent[]>;
}
