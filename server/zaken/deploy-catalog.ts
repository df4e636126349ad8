import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DeployResource, WorkflowEngine } from '../../engine/port.ts';
import type { RegelingCatalog } from './catalog.ts';
import { checkFormResources } from '../forms/check-forms.ts';

function resourcesIn(dir: string): DeployResource[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(dir, f));
  const formsDir = path.join(dir, 'forms');
  if (existsSync(formsDir)) files.push(...readdirSync(formsDir).filter((f) => f.endsWith('.form')).map((f) => path.join(formsDir, f)));
  return files.map((f) => ({ name: path.basename(f), content: readFileSync(f, 'utf8') }));
}

/**
 * Deploys each regeling's diagrams and forms for every tenant that runs it.
 * Unchanged files keep their version (the engine compares checksums), so this
 * is cheap on every start and a changed file becomes the next version.
 */
export async function deployCatalog(engine: WorkflowEngine, catalog: RegelingCatalog): Promise<number> {
  let deployed = 0;
  for (const entry of catalog.all()) {
    if (!entry.resourceDir || !existsSync(entry.resourceDir)) continue;
    const resources = resourcesIn(entry.resourceDir);
    for (const f of entry.sharedResources ?? []) resources.push({ name: path.basename(f), content: readFileSync(f, 'utf8') });
    const formErrors = checkFormResources(resources);
    if (formErrors.length) throw new Error(`Formulieren van ${entry.regeling} afgekeurd:\n${formErrors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`);
    for (const tenantId of entry.tenants()) {
      const r = await engine.deployResource({ tenantId, resources });
      deployed += [...r.processes, ...r.forms].filter((x) => !x.duplicate).length;
    }
  }
  return deployed;
}
