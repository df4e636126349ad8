import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Tables of the embedded engine. Dates are ISO-8601 UTC strings, JSON is text,
 * so SQLite and PostgreSQL behave the same. Keys are strings (Zeebe style).
 */

export interface EngineDeploymentTable {
  /** processDefinitionKey */
  key: string;
  tenant_id: string;
  bpmn_process_id: string;
  version: number;
  resource_name: string;
  /** sha256 of the file: a redeploy of the same file returns this version. */
  checksum: string;
  xml: string;
  deployed_at: string;
}

export interface EngineFormTable {
  key: string;
  tenant_id: string;
  form_id: string;
  version: number;
  resource_name: string;
  checksum: string;
  schema: string;
  deployed_at: string;
}

export type InstanceStatus = 'active' | 'completed' | 'canceled';

export interface EngineInstanceTable {
  key: string;
  tenant_id: string;
  deployment_key: string;
  bpmn_process_id: string;
  version: number;
  status: InstanceStatus;
  /** bpmn-engine state without its source; null before the first successful run. */
  state: string | null;
  /** Process-scope variables after the last committed run. */
  variables: string;
  parent_key: string | null;
  /** Execution id of the call activity in the parent that waits for this instance. */
  parent_execution_id: string | null;
  parent_element_id: string | null;
  /** Completion not yet handed to the waiting parent (outbox flag, 1/0). */
  parent_pending: number;
  started_at: string;
  ended_at: string | null;
  updated_at: string;
}

export type JobRowState = 'activatable' | 'activated' | 'failed' | 'completed' | 'error_thrown' | 'canceled';

export interface EngineJobTable {
  key: string;
  instance_key: string;
  tenant_id: string;
  bpmn_process_id: string;
  version: number;
  element_id: string;
  /** Execution id of the waiting activity (service task) or of the listened element. */
  execution_id: string;
  /** null: service task; 'start' / 'end': execution listener (not blocking). */
  listener: 'start' | 'end' | null;
  type: string;
  state: JobRowState;
  retries: number;
  custom_headers: string;
  variables: string;
  error_message: string | null;
  /** Earliest activation (back-off). */
  available_at: string;
  /** Activation deadline; an expired activation is offered again. */
  deadline: string | null;
  worker: string | null;
  created_at: string;
  updated_at: string;
}

export type UserTaskRowState = 'created' | 'completed' | 'canceled';

export interface EngineUserTaskTable {
  key: string;
  instance_key: string;
  tenant_id: string;
  deployment_key: string;
  bpmn_process_id: string;
  version: number;
  element_id: string;
  execution_id: string;
  name: string | null;
  phase: string | null;
  form_id: string | null;
  form_key: string | null;
  assignee: string | null;
  /** JSON arrays of strings. */
  candidate_groups: string;
  candidate_users: string;
  due_date: string | null;
  follow_up_date: string | null;
  priority: number;
  state: UserTaskRowState;
  variables: string;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

export interface EngineTimerTable {
  key: string;
  instance_key: string;
  tenant_id: string;
  element_id: string;
  execution_id: string;
  due_at: string;
  /** pending → fired | canceled; 'blocked' while an incident holds it. */
  state: 'pending' | 'fired' | 'canceled' | 'blocked';
  created_at: string;
}

export interface EngineSubscriptionTable {
  key: string;
  instance_key: string;
  tenant_id: string;
  element_id: string;
  execution_id: string;
  message_name: string;
  correlation_key: string;
  state: 'open' | 'correlated' | 'closed';
  created_at: string;
}

export interface EngineMessageTable {
  key: string;
  tenant_id: string;
  name: string;
  correlation_key: string;
  message_id: string | null;
  variables: string;
  /** buffered: waits (TTL) for a subscription; correlated; expired; dropped (TTL 0, nobody waited). */
  state: 'buffered' | 'correlated' | 'expired' | 'dropped';
  expires_at: string;
  published_at: string;
}

export interface EngineIncidentTable {
  key: string;
  instance_key: string;
  tenant_id: string;
  bpmn_process_id: string;
  element_id: string | null;
  job_key: string | null;
  error_type: string;
  error_message: string;
  /** JSON of the action replayed when the incident is resolved (null for job incidents). */
  pending_action: string | null;
  state: 'active' | 'resolved';
  created_at: string;
  resolved_at: string | null;
}

export interface EngineEventTable {
  id: Generated<number>;
  type: string;
  tenant_id: string;
  bpmn_process_id: string | null;
  version: number | null;
  instance_key: string | null;
  element_id: string | null;
  element_type: string | null;
  phase: string | null;
  subject_key: string | null;
  actor: string | null;
  occurred_at: string;
  data: string;
}

export interface EngineTables {
  engine_deployments: EngineDeploymentTable;
  engine_forms: EngineFormTable;
  engine_instances: EngineInstanceTable;
  engine_jobs: EngineJobTable;
  engine_user_tasks: EngineUserTaskTable;
  engine_timers: EngineTimerTable;
  engine_subscriptions: EngineSubscriptionTable;
  engine_messages: EngineMessageTable;
  engine_incidents: EngineIncidentTable;
  engine_events: EngineEventTable;
}

export type DeploymentRow = Selectable<EngineDeploymentTable>;
export type InstanceRow = Selectable<EngineInstanceTable>;
export type JobRow = Selectable<EngineJobTable>;
export type UserTaskRow = Selectable<EngineUserTaskTable>;
export type TimerRow = Selectable<EngineTimerTable>;
export type SubscriptionRow = Selectable<EngineSubscriptionTable>;
export type MessageRow = Selectable<EngineMessageTable>;
export type IncidentRow = Selectable<EngineIncidentTable>;
export type EventRow = Selectable<EngineEventTable>;
export type NewEvent = Insertable<EngineEventTable>;
