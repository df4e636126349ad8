import { z } from 'zod';
import type { UserTask } from '../../engine/port.ts';

export const TaskSchema = z
  .object({
    key: z.string(),
    name: z.string().nullable(),
    elementId: z.string(),
    processInstanceKey: z.string(),
    bpmnProcessId: z.string(),
    phase: z.string().nullable(),
    formId: z.string().nullable(),
    assignee: z.string().nullable(),
    /** Display name of the assignee (a user of this gemeente), for screens; null when unassigned. */
    assigneeNaam: z.string().nullable(),
    candidateGroups: z.array(z.string()),
    candidateUsers: z.array(z.string()),
    dueDate: z.string().nullable(),
    followUpDate: z.string().nullable(),
    priority: z.number(),
    state: z.enum(['created', 'completed', 'canceled']),
    overdue: z.boolean(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    /** The zaak the task belongs to, when its process runs a zaak. */
    zaak: z
      .object({
        id: z.string(),
        identificatie: z.string(),
        regeling: z.string(),
        klantNaam: z.string(),
        /** Traffic light of the case clock: amber past the servicenorm, red past the wettelijke termijn. */
        klokStatus: z.enum(['op-tijd', 'servicenorm-overschreden', 'termijn-verlopen']),
        uiterlijkeEinddatumAfdoening: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'Taak' });

export type TaskZaak = NonNullable<z.infer<typeof TaskSchema>['zaak']>;

export type TaskDto = z.infer<typeof TaskSchema>;

export function toTaskDto(t: UserTask, now = new Date(), zaak: TaskZaak | null = null, assigneeNaam: string | null = null): TaskDto {
  return {
    key: t.userTaskKey,
    name: t.name,
    elementId: t.elementId,
    processInstanceKey: t.processInstanceKey,
    bpmnProcessId: t.bpmnProcessId,
    phase: t.phase,
    formId: t.formId,
    assignee: t.assignee,
    assigneeNaam: t.assignee ? assigneeNaam : null,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    dueDate: t.dueDate,
    followUpDate: t.followUpDate,
    priority: t.priority,
    state: t.state,
    overdue: t.state === 'created' && t.dueDate !== null && Date.parse(t.dueDate) < now.getTime(),
    createdAt: t.createdAt,
    completedAt: t.completedAt,
    completedBy: t.completedBy,
    zaak,
  };
}
