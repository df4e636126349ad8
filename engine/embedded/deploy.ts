import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { EngineError, type DeployResourceRequest, type DeployResourceResponse, type DeploymentProblem } from '../port.ts';
import { parseBpmn } from './definition.ts';
import { newKey, nowIso, type Tx } from './runtime.ts';
import type { EngineTables } from './store/tables.ts';

/**
 * Deployments are versioned per tenant and process id. An unchanged file
 * returns its existing version, so deploying at every server start is safe.
 * All resources of one request are validated first: one bad file refuses all.
 */

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

function checksum(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

interface PreparedProcess {
  kind: 'process';
  resourceName: string;
  xml: string;
  bpmnProcessId: string;
  checksum: string;
}

interface PreparedForm {
  kind: 'form';
  resourceName: string;
  schema: string;
  formId: string;
  checksum: string;
}

export async function prepareResources(request: DeployResourceRequest): Promise<Array<PreparedProcess | PreparedForm>> {
  if (!request.tenantId) throw new EngineError('INVALID_ARGUMENT', 'tenantId ontbreekt');
  if (!request.resources.length) throw new EngineError('INVALID_ARGUMENT', 'geen bestanden om te deployen');
  const problems: DeploymentProblem[] = [];
  const prepared: Array<PreparedProcess | PreparedForm> = [];
  for (const resource of request.resources) {
    const body = text(resource.content);
    if (resource.name.endsWith('.bpmn') || resource.name.endsWith('.xml')) {
      const parsed = await parseBpmn(resource.name, body);
      problems.push(...parsed.problems);
      for (const p of parsed.processes) {
        prepared.push({ kind: 'process', resourceName: resource.name, xml: body, bpmnProcessId: p.bpmnProcessId, checksum: checksum(body) });
      }
    } else if (resource.name.endsWith('.form') || resource.name.endsWith('.json')) {
      let schema: { id?: unknown };
      try {
        schema = JSON.parse(body) as { id?: unknown };
      } catch (err) {
        problems.push({ resourceName: resource.name, elementId: null, message: `formulier is geen geldige JSON: ${(err as Error).message}` });
        continue;
      }
      if (typeof schema.id !== 'string' || !schema.id) {
        problems.push({ resourceName: resource.name, elementId: null, message: 'formulier zonder id' });
        continue;
      }
      prepared.push({ kind: 'form', resourceName: resource.name, schema: body, formId: schema.id, checksum: checksum(body) });
    } else {
      problems.push({ resourceName: resource.name, elementId: null, message: 'onbekend bestandstype (verwacht .bpmn of .form)' });
    }
  }
  if (problems.length) {
    const first = problems[0]!;
    const where = first.elementId ? `${first.resourceName}, ${first.message.startsWith('Element') ? '' : `element ${first.elementId}: `}` : `${first.resourceName}: `;
    const more = problems.length > 1 ? ` (en ${problems.length - 1} andere fout${problems.length > 2 ? 'en' : ''})` : '';
    throw new EngineError('INVALID_DEPLOYMENT', `Deployment geweigerd: ${where}${first.message}${more}`, problems);
  }
  return prepared;
}

export async function storeResources(
  tx: Tx | Kysely<EngineTables>,
  tenantId: string,
  prepared: Array<PreparedProcess | PreparedForm>,
): Promise<DeployResourceResponse> {
  const result: DeployResourceResponse = { processes: [], forms: [] };
  const at = nowIso();
  for (const p of prepared) {
    if (p.kind === 'process') {
      const latest = await tx
        .selectFrom('engine_deployments')
        .select(['key', 'version', 'checksum'])
        .where('tenant_id', '=', tenantId)
        .where('bpmn_process_id', '=', p.bpmnProcessId)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (latest && latest.checksum === p.checksum) {
        result.processes.push({ bpmnProcessId: p.bpmnProcessId, version: latest.version, processDefinitionKey: latest.key, resourceName: p.resourceName, tenantId, duplicate: true });
        continue;
      }
      const key = newKey();
      const version = (latest?.version ?? 0) + 1;
      await tx
        .insertInto('engine_deployments')
        .values({ key, tenant_id: tenantId, bpmn_process_id: p.bpmnProcessId, version, resource_name: p.resourceName, checksum: p.checksum, xml: p.xml, deployed_at: at })
        .execute();
      result.processes.push({ bpmnProcessId: p.bpmnProcessId, version, processDefinitionKey: key, resourceName: p.resourceName, tenantId, duplicate: false });
    } else {
      const latest = await tx
        .selectFrom('engine_forms')
        .select(['key', 'version', 'checksum'])
        .where('tenant_id', '=', tenantId)
        .where('form_id', '=', p.formId)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (latest && latest.checksum === p.checksum) {
        result.forms.push({ formId: p.formId, version: latest.version, formKey: latest.key, resourceName: p.resourceName, tenantId, duplicate: true });
        continue;
      }
      const key = newKey();
      const version = (latest?.version ?? 0) + 1;
      await tx
        .insertInto('engine_forms')
        .values({ key, tenant_id: tenantId, form_id: p.formId, version, resource_name: p.resourceName, checksum: p.checksum, schema: p.schema, deployed_at: at })
        .execute();
      result.forms.push({ formId: p.formId, version, formKey: key, resourceName: p.resourceName, tenantId, duplicate: false });
    }
  }
  return result;
}
