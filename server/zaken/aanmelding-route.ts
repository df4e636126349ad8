import { z } from 'zod';
import { describeFormValues } from '../../forms/index.ts';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import type { Regeling } from './tables.ts';
import { visibleZaak } from './visibility.ts';

export const AanmeldingSchema = z
  .object({
    /** The start form the klant (or klantmanager) filled in; null for a zaak without one (a bezwaar). */
    formId: z.string().nullable(),
    velden: z.array(z.object({ groep: z.string().nullable(), label: z.string(), waarde: z.string() })),
  })
  .meta({ id: 'Aanmelding' });

/**
 * GET /api/zaken/:id/aanmelding — what the aanmelding said, label by label, for the staff who
 * hold the intake and decide: the answers live in the process variables, the labels in the
 * regeling's start form.
 */
export function aanmeldingRoute(services: Services) {
  const { catalog, engine, forms } = services;
  return defineRoute({
    operationId: 'getAanmelding',
    method: 'get',
    path: '/api/zaken/:id/aanmelding',
    summary: 'De aanmelding van een zaak: wat de klant heeft ingevuld',
    tag: 'zaken',
    access: tenantRoles('klantmanager', 'pgb-adviseur', 'beslisser'),
    params: z.strictObject({ id: z.string().max(64) }),
    response: { status: 200, description: 'De aanmelding', schema: AanmeldingSchema },
    handler: async ({ principal, params }) => {
      const zaak = await visibleZaak(services.database.db, principal, params.id);
      const formId = catalog.get(zaak.regeling as Regeling)?.startFormId ?? null;
      if (!formId || !zaak.process_instance_key) return { formId, velden: [] };
      const [form, instance] = await Promise.all([forms.get(zaak.tenant_id, formId), engine.getProcessInstance(zaak.process_instance_key)]);
      if (!form || !instance) return { formId, velden: [] };
      return { formId, velden: describeFormValues(form.schema, instance.variables) };
    },
  });
}
