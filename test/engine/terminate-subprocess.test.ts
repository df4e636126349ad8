import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedTargetFactory } from './conformance/embedded-target.ts';
import { deploy, eventually, events, freshTenant, type ConformanceTarget } from './conformance/harness.ts';

/**
 * A terminate end inside a subprocess ends every branch of that subprocess: a message
 * that arrives afterwards must not be swallowed by a subscription that no longer runs
 * (a late invoice reported as received while nothing pays it).
 */
describe('terminate end event in a subprocess', () => {
  let dispose: () => Promise<void>;
  let target: ConformanceTarget;
  beforeAll(async () => {
    const f = await embeddedTargetFactory();
    dispose = f.dispose;
    target = await f.factory();
  });
  afterAll(async () => {
    await target?.close();
    await dispose?.();
  });

  for (const restart of [false, true]) {
    it(`closes the subprocess's other subscriptions and timers${restart ? ' (after a restart)' : ''}`, async () => {
      const tenant = freshTenant();
      await deploy(target.engine, tenant, 'terminate-subprocess.bpmn');
      const { processInstanceKey: key } = await target.engine.createProcessInstance({ tenantId: tenant, bpmnProcessId: 'terminatesub', variables: { zaakId: `Z-${restart}` } });
      const volgen = await eventually(async () => (await target.engine.queryUserTasks({ tenantId: tenant, state: 'created', elementId: 'Volgen' }))[0], 'Volgen');
      if (restart) await target.restart();
      await target.engine.completeUserTask({ userTaskKey: volgen.userTaskKey, variables: {} });
      await eventually(async () => (await target.engine.queryUserTasks({ tenantId: tenant, state: 'created', elementId: 'Na' }))[0], 'Na');

      const late = await target.engine.publishMessage({ tenantId: tenant, name: 'factuur', correlationKey: `Z-${restart}`, variables: {} });
      expect(late.correlatedProcessInstanceKeys).toEqual([]);
      const evts = await events(target.engine, tenant, key);
      const of = (id: string) => evts.filter((e) => e.elementId === id).map((e) => e.type);
      expect(of('FactuurOntvangen')).toEqual(['element.entered', 'element.terminated']);
      expect(of('Herinnering').sort()).toEqual(['element.entered', 'element.terminated', 'timer.canceled', 'timer.created']);
      expect(of('FactuurVerwerkt')).toEqual([]);
    });
  }
});
