import { z } from 'zod';
import type { WorkflowEngine } from '../../engine/port.ts';
import { tenantRoles } from '../http/access.ts';
import { problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { maySee, taskContext } from '../tasks/eligibility.ts';
import type { FormRegistry } from './form-registry.ts';

const FormSchemaDto = z
  .object({
    formId: z.string(),
    formKey: z.string(),
    version: z.number().int(),
    schema: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Formulier' });

const FORM_ROLES = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'procesontwerper'] as const;

export function formRoutes(engine: WorkflowEngine, forms: FormRegistry) {
  return [
    defineRoute({
      operationId: 'getForm',
      method: 'get',
      path: '/api/forms/:formId',
      summary: 'Formulierschema (Camunda Forms JSON) om te tonen; de server valideert met hetzelfde schema',
      tag: 'formulieren',
      access: tenantRoles(...FORM_ROLES),
      params: z.strictObject({ formId: z.string().min(1).max(200) }),
      query: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
      response: { status: 200, description: 'Het formulier', schema: FormSchemaDto },
      handler: async ({ principal, params, query }) => {
        const form = await forms.get(principal.tenantId!, params.formId, query.version);
        if (!form) throw problems.notFound();
        const d = form.definition;
        return { formId: d.formId, formKey: d.formKey, version: d.version, schema: d.schema as Record<string, unknown> };
      },
    }),
    defineRoute({
      operationId: 'getTaskForm',
      method: 'get',
      path: '/api/tasks/:key/form',
      summary: 'Het formulier van een taak (de versie die aan de taak hangt), met vooringevulde waarden',
      tag: 'taken',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'),
      params: z.strictObject({ key: z.string().min(1).max(200) }),
      response: {
        status: 200,
        description: 'Formulier en beginwaarden',
        schema: z.object({ form: FormSchemaDto.nullable(), initialValues: z.record(z.string(), z.unknown()), context: z.record(z.string(), z.unknown()) }),
      },
      handler: async ({ principal, params }) => {
        const task = await engine.getUserTask(params.key);
        if (!task || !maySee(task, principal)) throw problems.notFound();
        const form = await forms.forTask(task);
        const context = await taskContext(engine, task);
        if (!form) return { form: null, initialValues: {}, context };
        const d = form.definition;
        return {
          form: { formId: d.formId, formKey: d.formKey, version: d.version, schema: d.schema as Record<string, unknown> },
          initialValues: form.compiled.prefill(context),
          context,
        };
      },
    }),
  ];
}
