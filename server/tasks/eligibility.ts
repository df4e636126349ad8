import type { UserTask, WorkflowEngine } from '../../engine/port.ts';
import type { Principal } from '../auth/principal.ts';

/** Candidate by username or by role: candidate groups in the diagrams are role names ("klantmanager"). */
export const inMyGroups = (task: UserTask, p: Principal) =>
  task.candidateUsers.includes(p.username) || task.candidateGroups.some((g) => (p.roles as string[]).includes(g));

/** May work on it: assigned to me, or unassigned and I am a candidate. */
export const mayWorkOn = (task: UserTask, p: Principal) =>
  task.tenantId === p.tenantId && (task.assignee === p.username || (!task.assignee && inMyGroups(task, p)));

/** May see it: mine, my group's (also when a colleague has it), or a manager of the tenant. */
export const maySee = (task: UserTask, p: Principal) =>
  task.tenantId === p.tenantId && (task.assignee === p.username || inMyGroups(task, p) || p.roles.includes('manager'));

/**
 * The data a task's form sees: the process variables as they are now (a
 * klantmanager may have added some since the task opened), overlaid with the
 * task's own variables, so a task's local input (e.g. the payment it is about)
 * is never replaced by a newer process value of the same name.
 */
export async function taskContext(engine: WorkflowEngine, task: UserTask) {
  const instance = await engine.getProcessInstance(task.processInstanceKey);
  return { ...(instance?.variables ?? {}), ...task.variables };
}
