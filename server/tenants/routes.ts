import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { anyUser } from '../http/access.ts';
import { problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';

export const TenantSchema = z
  .object({ id: z.string(), naam: z.string(), soort: z.enum(['gemeente', 'gr', 'uwv']), cbsCode: z.string().nullable() })
  .meta({ id: 'Organisatie' });

const toDto = (t: { id: string; naam: string; soort: 'gemeente' | 'gr' | 'uwv'; cbs_code: string | null }) => ({
  id: t.id,
  naam: t.naam,
  soort: t.soort,
  cbsCode: t.cbs_code,
});

/** Uitvoeringsorganisaties: the platform beheerder sees all, everyone else only their own. */
export function tenantRoutes(db: Db) {
  const base = () => db.selectFrom('tenants').select(['id', 'naam', 'soort', 'cbs_code']);
  return [
    defineRoute({
      operationId: 'listOrganisaties',
      method: 'get',
      path: '/api/organisaties',
      summary: 'Organisaties (gemeenten, GR, UWV) die u mag zien',
      tag: 'organisaties',
      access: anyUser,
      response: { status: 200, description: 'Lijst', schema: z.array(TenantSchema) },
      handler: async ({ principal }) => {
        const q = principal.tenantId ? base().where('id', '=', principal.tenantId) : base();
        return (await q.orderBy('naam').execute()).map(toDto);
      },
    }),
    defineRoute({
      operationId: 'getOrganisatie',
      method: 'get',
      path: '/api/organisaties/:id',
      summary: 'Eén organisatie',
      tag: 'organisaties',
      access: anyUser,
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 200, description: 'De organisatie', schema: TenantSchema },
      handler: async ({ principal, params }) => {
        if (principal.tenantId && principal.tenantId !== params.id) throw problems.notFound();
        const row = await base().where('id', '=', params.id).executeTakeFirst();
        if (!row) throw problems.notFound();
        return toDto(row);
      },
    }),
  ];
}
