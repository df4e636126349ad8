import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowEngine } from '../../engine/port.ts';
import { RegelingCatalog } from '../../server/zaken/catalog.ts';

export const INTAKE_DIR = path.resolve('test/api/fixtures/intake');

/** Deploys the intake test process and its form for a tenant. */
export async function deployIntake(engine: WorkflowEngine, tenantId: string) {
  return engine.deployResource({
    tenantId,
    resources: ['intake-test.bpmn', 'forms/intake.form'].map((name) => ({ name: path.basename(name), content: readFileSync(path.join(INTAKE_DIR, name), 'utf8') })),
  });
}

/** Starts an intake and waits until its first user task is open; returns the task key. */
export async function startIntake(engine: WorkflowEngine, tenantId: string, vars: { deadline?: string; klant?: string } = {}) {
  const { processInstanceKey } = await engine.createProcessInstance({
    tenantId,
    bpmnProcessId: 'intake-test',
    variables: { deadline: vars.deadline ?? '2030-01-01T09:00:00Z', klant: vars.klant ?? `klant1.${tenantId}` },
  });
  const taskKey = await waitForTask(engine, tenantId, processInstanceKey, 'Intake');
  return { processInstanceKey, taskKey };
}

export async function waitForTask(engine: WorkflowEngine, tenantId: string, processInstanceKey: string, elementId: string) {
  for (let i = 0; i < 200; i++) {
    const [t] = await engine.queryUserTasks({ tenantId, processInstanceKey, elementId, state: 'created' });
    if (t) return t.userTaskKey;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no open task ${elementId} in ${processInstanceKey}`);
}

/**
 * A catalog that offers "prb" with the small intake process, so zaak
 * behaviour (numbering, clock, scoping) is tested apart from the prb diagram.
 */
export function intakeCatalog(tenants: string[] = ['almere', 'breda']): RegelingCatalog {
  return new RegelingCatalog([
    {
      regeling: 'prb',
      naam: 'Intake (test)',
      bpmnProcessId: 'intake-test',
      resourceDir: INTAKE_DIR,
      tenants: () => tenants,
      parameters: (tenantId) =>
        tenants.includes(tenantId)
          ? { policyId: `${tenantId}:test`, doorlooptijd: 'P8W', servicenorm: 'P4W', variables: { deadline: '2030-01-01T09:00:00Z' } }
          : undefined,
    },
  ]);
}
