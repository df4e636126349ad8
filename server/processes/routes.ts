import { z } from 'zod';
import type { WorkflowEngine } from '../../engine/port.ts';
import { tenantRoles } from '../http/access.ts';
import { viaEngine } from '../http/engine-errors.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { checkFormResources } from '../forms/check-forms.ts';
import { defineRoute } from '../http/route.ts';

const ProcessSchema = z
  .object({
    processDefinitionKey: z.string(),
    bpmnProcessId: z.string(),
    version: z.number().int(),
    resourceName: z.string(),
    deployedAt: z.string(),
  })
  .meta({ id: 'Procesdefinitie' });

const DeployBody = z.strictObject({
  resources: z
    .array(
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/\.(bpmn|form)$/, 'Alleen .bpmn- en .form-bestanden kunnen worden uitgerold.'),
        content: z.string().min(1, 'Het bestand is leeg.').max(2_000_000),
      }),
    )
    .min(1, 'Kies minstens één bestand.')
    .max(20),
});

const DeployResult = z.object({
  processes: z.array(z.object({ bpmnProcessId: z.string(), version: z.number(), processDefinitionKey: z.string(), duplicate: z.boolean() })),
  forms: z.array(z.object({ formId: z.string(), version: z.number(), formKey: z.string(), duplicate: z.boolean() })),
});

const IncidentSchema = z
  .object({
    incidentKey: z.string(),
    processInstanceKey: z.string(),
    bpmnProcessId: z.string(),
    elementId: z.string().nullable(),
    errorType: z.string(),
    errorMessage: z.string(),
    state: z.enum(['active', 'resolved']),
    createdAt: z.string(),
  })
  .meta({ id: 'Incident' });

/** Process catalogue of the tenant: deploy (versioned), list, incidents, messages. */
export function processRoutes(engine: WorkflowEngine) {
  return [
    defineRoute({
      operationId: 'listProcesses',
      method: 'get',
      path: '/api/processes',
      summary: 'Uitgerolde processen (alle versies) van uw organisatie',
      tag: 'processen',
      access: tenantRoles('procesontwerper', 'manager', 'beheerder'),
      response: { status: 200, description: 'Procesdefinities', schema: z.array(ProcessSchema) },
      handler: async ({ principal }) =>
        (await engine.listProcessDefinitions(principal.tenantId!)).map((d) => ({
          processDefinitionKey: d.processDefinitionKey,
          bpmnProcessId: d.bpmnProcessId,
          version: d.version,
          resourceName: d.resourceName,
          deployedAt: d.deployedAt,
        })),
    }),
    defineRoute({
      operationId: 'getProcessXml',
      method: 'get',
      path: '/api/processes/:key/xml',
      summary: 'Het BPMN-bestand van een procesversie',
      tag: 'processen',
      access: tenantRoles('procesontwerper', 'manager', 'beheerder'),
      params: z.strictObject({ key: z.string().min(1).max(200) }),
      response: { status: 200, description: 'BPMN XML', schema: z.object({ xml: z.string() }) },
      handler: async ({ principal, params }) => {
        const defs = await engine.listProcessDefinitions(principal.tenantId!);
        if (!defs.some((d) => d.processDefinitionKey === params.key)) throw problems.notFound();
        return { xml: await engine.getProcessDefinitionXml(params.key) };
      },
    }),
    defineRoute({
      operationId: 'deploy',
      method: 'post',
      path: '/api/deployments',
      summary: 'BPMN-diagrammen en formulieren uitrollen voor uw organisatie (nieuwe versie; lopende zaken blijven op hun versie)',
      tag: 'processen',
      access: tenantRoles('procesontwerper'),
      body: DeployBody,
      response: { status: 201, description: 'Uitgerold', schema: DeployResult },
      errors: { 422: 'Diagram of formulier afgekeurd, per element' },
      handler: async ({ principal, body }) => {
        const formErrors = checkFormResources(body.resources);
        if (formErrors.length) throw new HttpProblem(422, 'Diagram of formulier afgekeurd', 'Een formulier bevat fouten; er is niets uitgerold.', formErrors);
        const r = await viaEngine(() => engine.deployResource({ tenantId: principal.tenantId!, resources: body.resources }));
        return {
          processes: r.processes.map((p) => ({ bpmnProcessId: p.bpmnProcessId, version: p.version, processDefinitionKey: p.processDefinitionKey, duplicate: p.duplicate })),
          forms: r.forms.map((f) => ({ formId: f.formId, version: f.version, formKey: f.formKey, duplicate: f.duplicate })),
        };
      },
    }),
    defineRoute({
      operationId: 'listIncidents',
      method: 'get',
      path: '/api/incidents',
      summary: 'Incidenten (vastgelopen stappen) van uw organisatie',
      tag: 'processen',
      access: tenantRoles('procesontwerper', 'beheerder', 'manager'),
      query: z.strictObject({ state: z.enum(['active', 'resolved']).default('active') }),
      response: { status: 200, description: 'Incidenten', schema: z.array(IncidentSchema) },
      handler: async ({ principal, query }) =>
        (await engine.listIncidents({ tenantId: principal.tenantId!, state: query.state })).map((i) => ({
          incidentKey: i.incidentKey,
          processInstanceKey: i.processInstanceKey,
          bpmnProcessId: i.bpmnProcessId,
          elementId: i.elementId,
          errorType: i.errorType,
          errorMessage: i.errorMessage,
          state: i.state,
          createdAt: i.createdAt,
        })),
    }),
    defineRoute({
      operationId: 'retryIncident',
      method: 'post',
      path: '/api/incidents/:key/retry',
      summary: 'Incident oplossen: variabelen aanvullen en de stap opnieuw proberen',
      tag: 'processen',
      access: tenantRoles('procesontwerper', 'beheerder'),
      params: z.strictObject({ key: z.string().min(1).max(200) }),
      body: z.strictObject({ variables: z.record(z.string(), z.unknown()).optional() }),
      response: { status: 204, description: 'Opnieuw gestart' },
      handler: async ({ principal, params, body }) => {
        const mine = await engine.listIncidents({ tenantId: principal.tenantId!, state: 'active' });
        if (!mine.some((i) => i.incidentKey === params.key)) throw problems.notFound();
        await viaEngine(() => engine.resolveIncident({ incidentKey: params.key, variables: body.variables, actor: principal.username }));
      },
    }),
    defineRoute({
      operationId: 'publishMessage',
      method: 'post',
      path: '/api/messages',
      summary: 'Bericht correleren (bijv. "werk gevonden") met een wachtend proces',
      tag: 'processen',
      access: tenantRoles('klantmanager', 'beslisser'),
      body: z.strictObject({
        name: z.string().min(1).max(200),
        correlationKey: z.string().min(1).max(200),
        variables: z.record(z.string(), z.unknown()).optional(),
        timeToLive: z.number().int().min(0).max(30 * 86_400_000).optional(),
        messageId: z.string().max(200).optional(),
      }),
      response: {
        status: 200,
        description: 'Gecorreleerd, gebufferd of dubbel',
        schema: z.object({ messageKey: z.string(), correlated: z.boolean(), buffered: z.boolean(), duplicate: z.boolean() }),
      },
      handler: async ({ principal, body }) => {
        const r = await viaEngine(() => engine.publishMessage({ tenantId: principal.tenantId!, ...body }));
        return { messageKey: r.messageKey, correlated: r.correlatedProcessInstanceKeys.length > 0, buffered: r.buffered, duplicate: r.duplicate };
      },
    }),
  ];
}
