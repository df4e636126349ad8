import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Klant } from '../db/schema.ts';
import { tenantRoles } from '../http/access.ts';
import { problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { isValidBsn } from '../../forms/index.ts';

export const KlantSchema = z
  .object({
    id: z.string(),
    bsn: z.string(),
    naam: z.string(),
    email: z.string().nullable(),
    telefoon: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Klant' });

const NewKlantBody = z.strictObject({
  bsn: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'Een BSN bestaat uit 9 cijfers.')
    .refine(isValidBsn, 'Het BSN klopt niet.'),
  naam: z.string().trim().min(1, 'Vul de naam in.').max(200),
  email: z.email('Vul een geldig e-mailadres in.').max(254).optional(),
  telefoon: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{10,20}$/, 'Vul een geldig telefoonnummer in.')
    .optional(),
});

const toDto = (k: Klant) => ({
  id: k.id,
  bsn: k.bsn,
  naam: k.naam,
  email: k.email,
  telefoon: k.telefoon,
  createdAt: k.created_at,
});

const STAFF = ['klantmanager', 'pgb-adviseur', 'beslisser'] as const;

/** Klanten of the caller's tenant. A klant sees only their own record; staff their tenant's. */
export function klantRoutes(db: Db) {
  return [
    defineRoute({
      operationId: 'listKlanten',
      method: 'get',
      path: '/api/klanten',
      summary: 'Klanten van uw organisatie',
      tag: 'klanten',
      access: tenantRoles(...STAFF),
      query: z.strictObject({ zoek: z.string().trim().max(100).optional() }),
      response: { status: 200, description: 'Lijst', schema: z.array(KlantSchema) },
      handler: async ({ principal, query }) => {
        let q = db.selectFrom('klanten').selectAll().where('tenant_id', '=', principal.tenantId!);
        if (query.zoek) {
          const term = `%${query.zoek.toLowerCase()}%`;
          q = q.where((eb) => eb.or([eb(eb.fn('lower', ['naam']), 'like', term), eb('bsn', '=', query.zoek!)]));
        }
        return (await q.orderBy('naam').limit(500).execute()).map(toDto);
      },
    }),
    defineRoute({
      operationId: 'getKlant',
      method: 'get',
      path: '/api/klanten/:id',
      summary: 'Eén klant',
      tag: 'klanten',
      access: tenantRoles('klant', ...STAFF),
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 200, description: 'De klant', schema: KlantSchema },
      handler: async ({ principal, params }) => {
        const isStaff = principal.roles.some((r) => (STAFF as readonly string[]).includes(r));
        if (!isStaff && principal.klantId !== params.id) throw problems.notFound();
        const row = await db
          .selectFrom('klanten')
          .selectAll()
          .where('id', '=', params.id)
          .where('tenant_id', '=', principal.tenantId!)
          .executeTakeFirst();
        if (!row) throw problems.notFound();
        return toDto(row);
      },
    }),
    defineRoute({
      operationId: 'createKlant',
      method: 'post',
      path: '/api/klanten',
      summary: 'Een klant registreren',
      tag: 'klanten',
      access: tenantRoles('klantmanager'),
      body: NewKlantBody,
      response: { status: 201, description: 'Geregistreerd', schema: KlantSchema },
      errors: { 409: 'Er is al een klant met dit BSN' },
      handler: async ({ principal, body }) => {
        const tenantId = principal.tenantId!;
        const existing = await db
          .selectFrom('klanten')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('bsn', '=', body.bsn)
          .executeTakeFirst();
        if (existing) {
          throw problems.conflict('Er is al een klant met dit BSN bij uw organisatie.', [
            { field: 'bsn', message: 'Er is al een klant met dit BSN.' },
          ]);
        }
        const row: Klant = {
          id: randomUUID(),
          tenant_id: tenantId,
          bsn: body.bsn,
          naam: body.naam,
          email: body.email ?? null,
          telefoon: body.telefoon ?? null,
          created_at: new Date().toISOString(),
        };
        await db.insertInto('klanten').values(row).execute();
        return toDto(row);
      },
    }),
  ];
}
