import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { RoleSchema } from '../auth/roles.ts';
import { platformRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    tenantId: z.string().nullable(),
    roles: z.array(RoleSchema),
    locked: z.boolean(),
  })
  .meta({ id: 'Gebruiker' });

/** Accounts: a tenant beheerder sees their tenant's, the platform beheerder everyone's. */
export function userRoutes(db: Db) {
  return [
    defineRoute({
      operationId: 'listGebruikers',
      method: 'get',
      path: '/api/gebruikers',
      summary: 'Gebruikers en hun rollen',
      tag: 'beheer',
      access: platformRoles('beheerder'),
      query: z.strictObject({ organisatie: z.string().max(64).optional() }),
      response: { status: 200, description: 'Lijst', schema: z.array(UserSchema) },
      handler: async ({ principal, query }) => {
        const tenant = principal.tenantId ?? query.organisatie;
        let q = db.selectFrom('users').select(['id', 'username', 'display_name', 'tenant_id', 'locked_until']);
        if (tenant) q = q.where('tenant_id', '=', tenant);
        const users = await q.orderBy('username').execute();
        const roles = users.length
          ? await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute()
          : [];
        const now = new Date().toISOString();
        return users.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          tenantId: u.tenant_id,
          roles: roles.filter((r) => r.user_id === u.id).flatMap((r) => RoleSchema.safeParse(r.role).data ?? []),
          locked: u.locked_until !== null && u.locked_until > now,
        }));
      },
    }),
  ];
}
