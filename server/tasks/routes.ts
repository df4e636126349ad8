import { z } from 'zod';
import type { UserTask } from '../../engine/port.ts';
import type { Principal } from '../auth/principal.ts';
import { tenantRoles } from '../http/access.ts';
import { viaEngine } from '../http/engine-errors.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { applyPaymentDecision, checkFourEyes } from './completion-rules.ts';
import { maySee, mayWorkOn, taskContext } from './eligibility.ts';
import { TaskSchema, toTaskDto, type TaskDto } from './task-dto.ts';
import { zakenForInstances } from './task-zaken.ts';
import { queryWerkvoorraad } from './werkvoorraad-query.ts';
import { actorsOf } from '../zaken/tijdlijn.ts';
import type { Regeling } from '../zaken/tables.ts';

const TASK_ROLES = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
const KeyParams = z.strictObject({ key: z.string().min(1).max(200) });

const TaskQuery = z.strictObject({
  view: z.enum(['mine', 'group', 'all']).default('all'),
  state: z.enum(['created', 'completed']).default('created'),
  overdue: z.enum(['true', 'false']).optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  regeling: z.string().max(40).optional(),
  fase: z.string().max(60).optional(),
  zaakId: z.string().max(64).optional(),
  processInstanceKey: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const TaskPage = z
  .object({ items: z.array(TaskSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'TakenPagina' });

const CompleteBody = z.strictObject({ variables: z.record(z.string(), z.unknown()).default({}) });

export function taskRoutes(services: Services) {
  const { engine, forms } = services;
  const db = services.database.db;
  async function withZaak(tasks: UserTask[], tenantId: string, now = new Date()): Promise<TaskDto[]> {
    const [zaken, users] = await Promise.all([
      zakenForInstances(db, tenantId, tasks.map((t) => t.processInstanceKey)),
      actorsOf(db, tenantId, tasks.map((t) => t.assignee)),
    ]);
    return tasks.map((t) => toTaskDto(t, now, zaken.get(t.processInstanceKey) ?? null, (t.assignee && users.get(t.assignee)?.naam) || null));
  }

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
      response: { status: 200, description: 'Eén pagina taken en het totaal', schema: TaskPage },
      handler: async ({ principal, query }) => {
        const now = new Date();
        const tenantId = principal.tenantId!;
        let processInstanceKey = query.processInstanceKey;
        if (query.zaakId) {
          const zaak = await db.selectFrom('zaken').select('process_instance_key').where('id', '=', query.zaakId).where('tenant_id', '=', tenantId).executeTakeFirst();
          if (!zaak?.process_instance_key) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
          processInstanceKey = zaak.process_instance_key;
        }
        const { items: tasks, total } = await queryWerkvoorraad(
          services.database,
          principal,
          {
            view: query.view,
            state: query.state,
            overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
            dueBefore: query.dueWithinDays === undefined ? undefined : new Date(now.getTime() + query.dueWithinDays * 86_400_000).toISOString(),
            regeling: query.regeling as Regeling | undefined,
            fase: query.fase,
            processInstanceKey,
            page: query.page,
            pageSize: query.pageSize,
          },
          now,
        );
        return { items: await withZaak(tasks, tenantId, now), total, page: query.page, pageSize: query.pageSize };
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
      handler: async ({ principal, params }) => (await withZaak([await visibleTask(params.key, principal)], principal.tenantId!))[0]!,
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
        const claimed = await viaEngine(() =>
          engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: principal.username, allowOverride: false, actor: principal.username }),
        );
        return (await withZaak([claimed], principal.tenantId!))[0]!;
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
        const released = await viaEngine(() =>
          engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: null, allowOverride: true, actor: principal.username }),
        );
        return (await withZaak([released], principal.tenantId!))[0]!;
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
        // Who may decide comes before what they filled in.
        await checkFourEyes(services, task, principal);
        // Validate against the form version bound to this task, never "latest".
        const variables = await forms.validateTaskPayload(task, body.variables, await taskContext(engine, task));
        await applyPaymentDecision(services, task, variables, principal);
        await viaEngine(() => engine.completeUserTask({ userTaskKey: task.userTaskKey, variables, actor: principal.username }));
      },
    }),
  ];
}
