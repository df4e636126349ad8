import { z } from 'zod';
import type { UserTask, WorkflowEngine } from '../../engine/port.ts';
import type { Principal } from '../auth/principal.ts';
import { tenantRoles } from '../http/access.ts';
import { viaEngine } from '../http/engine-errors.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { FormRegistry } from '../forms/form-registry.ts';
import { maySee, mayWorkOn, taskContext } from './eligibility.ts';
import { TaskSchema, toTaskDto, type TaskDto } from './task-dto.ts';

const TASK_ROLES = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
const KeyParams = z.strictObject({ key: z.string().min(1).max(200) });

const TaskQuery = z.strictObject({
  view: z.enum(['mine', 'group', 'all']).default('all'),
  state: z.enum(['created', 'completed']).default('created'),
  overdue: z.enum(['true', 'false']).optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  processInstanceKey: z.string().max(200).optional(),
});

const CompleteBody = z.strictObject({ variables: z.record(z.string(), z.unknown()).default({}) });

/** Earliest due date first; tasks without one last; then oldest first. */
const byDueDate = (a: TaskDto, b: TaskDto) =>
  (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || a.createdAt.localeCompare(b.createdAt);

export function taskRoutes(engine: WorkflowEngine, forms: FormRegistry) {
  /** A task of another tenant, or one the caller may not see, is "not found". */
  async function visibleTask(key: string, p: Principal): Promise<UserTask> {
    const task = await engine.getUserTask(key);
    if (!task || !maySee(task, p)) throw problems.notFound();
    return task;
  }
  const notYours = () => new HttpProblem(403, 'Geen toegang', 'U kunt deze taak niet oppakken: hij is niet voor uw rol of al door een collega opgepakt.');

  return [
    defineRoute({
      operationId: 'listTasks',
      method: 'get',
      path: '/api/tasks',
      summary: 'Werkvoorraad: taken van mij, mijn groep of allemaal; gesorteerd op uiterste datum',
      tag: 'taken',
      access: tenantRoles(...TASK_ROLES),
      query: TaskQuery,
      response: { status: 200, description: 'Taken', schema: z.array(TaskSchema) },
      handler: async ({ principal, query }) => {
        const now = new Date();
        const tasks = await engine.queryUserTasks({
          tenantId: principal.tenantId!,
          state: query.state,
          processInstanceKey: query.processInstanceKey,
          ...(query.view === 'mine' ? { assignee: principal.username } : {}),
          ...(query.dueWithinDays !== undefined ? { dueBefore: new Date(now.getTime() + query.dueWithinDays * 86_400_000).toISOString() } : {}),
          limit: 1000,
        });
        return tasks
          .filter((t) => maySee(t, principal))
          .filter((t) => query.view !== 'group' || (!t.assignee && mayWorkOn(t, principal)))
          .map((t) => toTaskDto(t, now))
          .filter((t) => query.overdue === undefined || t.overdue === (query.overdue === 'true'))
          .sort(byDueDate);
      },
    }),
    defineRoute({
      operationId: 'getTask',
      method: 'get',
      path: '/api/tasks/:key',
      summary: 'Eén taak',
      tag: 'taken',
      access: tenantRoles(...TASK_ROLES),
      params: KeyParams,
      response: { status: 200, description: 'De taak', schema: TaskSchema },
      handler: async ({ principal, params }) => toTaskDto(await visibleTask(params.key, principal)),
    }),
    defineRoute({
      operationId: 'claimTask',
      method: 'post',
      path: '/api/tasks/:key/claim',
      summary: 'Taak oppakken',
      tag: 'taken',
      access: tenantRoles(...TASK_ROLES),
      params: KeyParams,
      response: { status: 200, description: 'Opgepakt', schema: TaskSchema },
      errors: { 409: 'Al door een ander opgepakt of niet meer open' },
      handler: async ({ principal, params }) => {
        const task = await visibleTask(params.key, principal);
        if (!mayWorkOn(task, principal)) throw notYours();
        return toTaskDto(
          await viaEngine(() =>
            engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: principal.username, allowOverride: false, actor: principal.username }),
          ),
        );
      },
    }),
    defineRoute({
      operationId: 'unclaimTask',
      method: 'post',
      path: '/api/tasks/:key/unclaim',
      summary: 'Taak teruggeven aan de groep',
      tag: 'taken',
      access: tenantRoles(...TASK_ROLES),
      params: KeyParams,
      response: { status: 200, description: 'Teruggegeven', schema: TaskSchema },
      handler: async ({ principal, params }) => {
        const task = await visibleTask(params.key, principal);
        // A manager may release a colleague's task (absence); others only their own.
        if (task.assignee !== principal.username && !principal.roles.includes('manager')) throw notYours();
        return toTaskDto(
          await viaEngine(() => engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: null, allowOverride: true, actor: principal.username })),
        );
      },
    }),
    defineRoute({
      operationId: 'completeTask',
      method: 'post',
      path: '/api/tasks/:key/complete',
      summary: 'Taak afronden met de ingevulde formuliergegevens',
      tag: 'taken',
      access: tenantRoles(...TASK_ROLES),
      params: KeyParams,
      body: CompleteBody,
      response: { status: 204, description: 'Afgerond' },
      errors: { 409: 'Taak niet meer open of van een ander', 422: 'Formuliergegevens afgekeurd (per veld)' },
      handler: async ({ principal, params, body }) => {
        const task = await visibleTask(params.key, principal);
        if (!mayWorkOn(task, principal)) throw notYours();
        if (task.state !== 'created') throw new HttpProblem(409, 'Taak is al afgerond', 'Deze taak is niet meer open.');
        // Validate against the form version bound to this task, never "latest".
        const variables = await forms.validateTaskPayload(task, body.variables, await taskContext(engine, task));
        await viaEngine(() => engine.completeUserTask({ userTaskKey: task.userTaskKey, variables, actor: principal.username }));
      },
    }),
  ];
}
