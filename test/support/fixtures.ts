import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowEngine } from '../../engine/port.ts';

const FIXTURES = path.resolve('test/api/fixtures');

/** Deploys the intake test process and its form for a tenant. */
export async function deployIntake(engine: WorkflowEngine, tenantId: string) {
  return engine.deployResource({
    tenantId,
    resources: ['intake.bpmn', 'intake.form'].map((name) => ({ name, content: readFileSync(path.join(FIXTURES, name), 'utf8') })),
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
