import { z } from 'zod';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { ZaakReadModel, ZaakSummarySchema } from './read-model.ts';

/**
 * "Mijn caseload": the zaken a klantmanager started or has worked on (a task
 * claimed or completed in its process), by fase — the view the sources found
 * caseworkers lacked (seed-004).
 */
export function caseloadRoutes(services: Services) {
  const db = services.database.db;
  const readModel = new ZaakReadModel(services);
  return [
    defineRoute({
      operationId: 'mijnCaseload',
      method: 'get',
      path: '/api/caseload',
      summary: 'Uw caseload: uw lopende zaken per fase',
      tag: 'zaken',
      access: tenantRoles('klantmanager', 'pgb-adviseur'),
      response: {
        status: 200,
        description: 'Caseload',
        schema: z.object({ perFase: z.array(z.object({ fase: z.string(), aantal: z.number().int() })), zaken: z.array(ZaakSummarySchema) }),
      },
      handler: async ({ principal }) => {
        const tenantId = principal.tenantId!;
        const [assigned, done] = await Promise.all([
          services.engine.queryUserTasks({ tenantId, assignee: principal.username, limit: 10_000 }),
          services.engine.queryEvents({ tenantId, types: ['user_task.completed'], limit: 100_000 }),
        ]);
        const instances = new Set([
          ...assigned.map((t) => t.processInstanceKey),
          ...done.filter((e) => e.actor === principal.username && e.processInstanceKey).map((e) => e.processInstanceKey!),
        ]);
        const rows = await db
          .selectFrom('zaken')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('status', '!=', 'afgesloten')
          .where((eb) => eb.or([eb('created_by', '=', principal.username), ...(instances.size ? [eb('process_instance_key', 'in', [...instances])] : [])]))
          .execute();
        const zaken = await readModel.list(tenantId, { ids: rows.map((r) => r.id) });
        const counts = new Map<string, number>();
        for (const z of zaken) counts.set(z.fase ?? 'aanmelding', (counts.get(z.fase ?? 'aanmelding') ?? 0) + 1);
        return { perFase: [...counts].map(([fase, aantal]) => ({ fase, aantal })), zaken };
      },
    }),
  ];
}
