import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type Job, type Variables, type Worker, type WorkflowEngine } from '../../../engine/port.ts';
import { deploy, eventually, events, fixture, freshTenant, instanceDone, types, type ConformanceTarget, type TargetFactory } from './harness.ts';

/**
 * Conformance scenarios written against the WorkflowEngine port only, so the
 * same suite can run against a Zeebe cluster. Each scenario uses its own tenant.
 */
export function defineConformanceSuite(name: string, factory: TargetFactory): void {
  describe(`conformance: ${name}`, () => {
    let target: ConformanceTarget;
    let workers: Worker[] = [];
    const engine = (): WorkflowEngine => target.engine;

    beforeAll(async () => {
      target = await factory();
    });
    afterAll(async () => {
      await target.close();
    });
    afterEach(async () => {
      await Promise.all(workers.map((w) => w.close()));
      workers = [];
    });

    function work(taskType: string, fn: (job: Job) => Variables | void | Promise<Variables | void> = () => ({})) {
      const jobs: Job[] = [];
      workers.push(
        engine().createWorker({
          taskType,
          pollInterval: 50,
          taskHandler: async (job) => {
            jobs.push(job);
            const out = await fn(job);
            await job.complete(out ?? {});
          },
        }),
      );
      return jobs;
    }

    async function start(tenantId: string, bpmnProcessId: string, variables: Variables = {}) {
      const r = await engine().createProcessInstance({ tenantId, bpmnProcessId, variables });
      return r.processInstanceKey;
    }

    async function openTasks(tenantId: string, min = 1) {
      return eventually(async () => {
        const ts = await engine().queryUserTasks({ tenantId, state: 'created' });
        return ts.length >= min ? ts : null;
      }, `${min} open user task(s)`);
    }

    async function endedAt(tenantId: string, key: string): Promise<string[]> {
      const evts = await events(engine(), tenantId, key);
      return evts.filter((e) => e.type === 'element.completed' && e.elementType === 'bpmn:EndEvent').map((e) => e.elementId!);
    }

    async function activeIncident(tenantId: string, key: string) {
      return eventually(async () => {
        const list = await engine().listIncidents({ tenantId, processInstanceKey: key, state: 'active' });
        return list[0] ?? null;
      }, 'incident');
    }

    async function refused(files: Record<string, string>): Promise<EngineError> {
      const tenantId = freshTenant();
      try {
        await engine().deployResource({ tenantId, resources: Object.entries(files).map(([n, c]) => ({ name: n, content: c })) });
      } catch (err) {
        expect(err).toBeInstanceOf(EngineError);
        expect(await engine().listProcessDefinitions(tenantId)).toEqual([]);
        return err as EngineError;
      }
      throw new Error('deployment was accepted');
    }

    // ------------------------------------------------------------ deployment

    it('deploys per tenant with versions; an unchanged file keeps its version', async () => {
      const tenant = freshTenant();
      const first = await deploy(engine(), tenant, 'reference.bpmn');
      const again = await deploy(engine(), tenant, 'reference.bpmn');
      expect(first.processes[0]).toMatchObject({ bpmnProcessId: 'reference', version: 1, duplicate: false });
      expect(again.processes[0]).toMatchObject({ version: 1, duplicate: true, processDefinitionKey: first.processes[0]!.processDefinitionKey });
      const changed = fixture('reference.bpmn').replace('name="Referentieproces"', 'name="Referentieproces v2"');
      const second = await engine().deployResource({ tenantId: tenant, resources: [{ name: 'reference.bpmn', content: changed }] });
      expect(second.processes[0]!.version).toBe(2);
      const other = freshTenant();
      expect((await deploy(engine(), other, 'reference.bpmn')).processes[0]!.version).toBe(1);
      await expect(engine().createProcessInstance({ tenantId: freshTenant(), bpmnProcessId: 'reference' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('deploys forms next to processes, versioned the same way', async () => {
      const tenant = freshTenant();
      const form = JSON.stringify({ id: 'beoordeling', components: [{ key: 'besluit', type: 'select' }] });
      const r1 = await engine().deployResource({ tenantId: tenant, resources: [{ name: 'beoordeling.form', content: form }] });
      const r2 = await engine().deployResource({ tenantId: tenant, resources: [{ name: 'beoordeling.form', content: form }] });
      expect(r1.forms[0]).toMatchObject({ formId: 'beoordeling', version: 1, duplicate: false });
      expect(r2.forms[0]).toMatchObject({ version: 1, duplicate: true });
      expect((await engine().getForm(tenant, 'beoordeling'))?.schema).toEqual(JSON.parse(form));
    });

    it('refuses invalid XML', async () => {
      const err = await refused({ 'broken.bpmn': fixture('invalid-xml.bpmn') });
      expect(err.code).toBe('INVALID_DEPLOYMENT');
      expect(err.message).toMatch(/ongeldige BPMN/);
    });

    it('refuses an unsupported element with its id', async () => {
      const err = await refused({ 'x.bpmn': fixture('unsupported-element.bpmn') });
      expect(err.problems[0]).toMatchObject({ elementId: 'Script' });
      expect(err.message).toContain('Element Script');
      expect(err.message).toContain('bpmn:ScriptTask');
    });

    it('refuses an unknown extension element', async () => {
      const err = await refused({ 'x.bpmn': fixture('unknown-extension.bpmn') });
      expect(err.message).toMatch(/zeebe:bogus/i);
    });

    it('refuses a FEEL syntax error with the element id', async () => {
      const err = await refused({ 'x.bpmn': fixture('feel-syntax-error.bpmn') });
      expect(err.problems[0]!.elementId).toBe('F2');
      expect(err.message).toMatch(/Element F2: ongeldige FEEL-expressie/);
    });

    it('refuses a service task without a job type, and refuses the whole request', async () => {
      const err = await refused({ 'ok.bpmn': fixture('reference.bpmn'), 'bad.bpmn': fixture('missing-task-definition.bpmn') });
      expect(err.problems.map((p) => p.elementId)).toContain('Task_1');
    });

    // ------------------------------------------------------------ service tasks, mappings, gateways

    it('runs the reference process: FEEL job type, headers, local inputs, output mapping, exclusive gateway', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn');
      const enrich = work('enrich-web', (job) => ({ score: (job.variables.doubled as number) + 1, scratch: 'not mapped' }));
      const approve = work('approve');
      const auto = work('auto-approve');
      const key = await start(tenant, 'reference', { amount: 6000, channel: 'web', requester: 'alice' });
      const [task] = await openTasks(tenant);
      expect(enrich[0]!.customHeaders).toEqual({ bron: 'brp' });
      expect(enrich[0]!.variables).toMatchObject({ amount: 6000, doubled: 12000 });
      expect(approve).toHaveLength(1);
      expect(auto).toHaveLength(0);
      expect(task).toMatchObject({ elementId: 'Review', assignee: 'alice', candidateGroups: ['klantmanagers', 'beslissers'], formId: 'beoordeling', priority: 70, dueDate: '2030-01-01T09:00:00.000Z', phase: 'beoordeling' });
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey, variables: { besluit: 'toegekend' }, actor: 'alice' });
      const vars = await instanceDone(engine(), key);
      expect(vars).toEqual({ amount: 6000, channel: 'web', requester: 'alice', score: 12001, besluit: 'toegekend' });
    });

    it('reads a zoned FEEL due date on the wall clock of its zone (17:00 in Amsterdam), in winter and in summer', async () => {
      for (const [dag, utc] of [
        ['2027-01-18', '2027-01-18T16:00:00.000Z'], // CET, UTC+1
        ['2027-07-19', '2027-07-19T15:00:00.000Z'], // CEST, UTC+2
      ] as const) {
        const tenant = freshTenant();
        const zoned = fixture('reference.bpmn').replace(
          'dueDate="=string(date and time(&quot;2030-01-01T09:00:00Z&quot;))"',
          `dueDate="=date and time(date(&quot;${dag}&quot;), time(&quot;17:00:00@Europe/Amsterdam&quot;))"`,
        );
        expect(zoned).toContain('Europe/Amsterdam');
        await engine().deployResource({ tenantId: tenant, resources: [{ name: 'reference.bpmn', content: zoned }] });
        work('enrich-web', () => ({ score: 1 }));
        work('approve');
        await start(tenant, 'reference', { amount: 6000, channel: 'web', requester: 'alice' });
        const [task] = await openTasks(tenant);
        expect(task!.dueDate).toBe(utc);
      }
    });

    it('takes the default flow and keeps local inputs out of the process scope', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn');
      work('enrich-app', () => ({ score: 1 }));
      const auto = work('auto-approve');
      const key = await start(tenant, 'reference', { amount: 10, channel: 'app', requester: 'bob' });
      const [task] = await openTasks(tenant);
      expect(auto).toHaveLength(1);
      expect(task!.variables).not.toHaveProperty('doubled');
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey });
      const vars = await instanceDone(engine(), key);
      expect(vars).not.toHaveProperty('doubled');
      expect(Object.keys(vars)).not.toContain('fields');
      expect(Object.keys(vars)).not.toContain('content');
      expect(Object.keys(vars)).not.toContain('properties');
    });

    it('tolerates missing variables inside get or else / is defined (Camunda shims)', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'gateway-conditions.bpmn');
      const big = await start(tenant, 'gateways', { amount: 500 });
      await instanceDone(engine(), big);
      expect(await endedAt(tenant, big)).toEqual(['BigEnd']);
      const high = await start(tenant, 'gateways', { amount: 1, priority: 'high' });
      await instanceDone(engine(), high);
      expect(await endedAt(tenant, high)).toEqual(['HighEnd']);
    });

    it('raises an incident for a condition on a missing variable, and continues after resolve with variables', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'gateway-conditions.bpmn');
      const key = await start(tenant, 'gateways', {});
      const incident = await activeIncident(tenant, key);
      expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR' });
      expect(incident.errorMessage).toMatch(/amount/);
      expect((await engine().getProcessInstance(key))!.state).toBe('active');
      await engine().resolveIncident({ incidentKey: incident.incidentKey, variables: { amount: 5 } });
      await instanceDone(engine(), key);
      expect(await endedAt(tenant, key)).toEqual(['SmallEnd']);
      expect(await engine().listIncidents({ tenantId: tenant, state: 'active' })).toEqual([]);
    });

    it('raises an incident when no condition matches and there is no default flow', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'no-default.bpmn');
      const key = await start(tenant, 'nodefault', { x: 3 });
      await activeIncident(tenant, key);
      const incident = (await engine().listIncidents({ tenantId: tenant, state: 'active' }))[0]!;
      await engine().resolveIncident({ incidentKey: incident.incidentKey, variables: { x: 2 } });
      await instanceDone(engine(), key);
      expect(await endedAt(tenant, key)).toEqual(['Two']);
    });

    it('runs parallel branches and joins once', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'parallel.bpmn');
      const a = work('task-a', () => ({ a: 1 }));
      const b = work('task-b', () => ({ b: 2 }));
      const key = await start(tenant, 'parallel');
      const vars = await instanceDone(engine(), key);
      expect(vars).toEqual({ a: 1, b: 2 });
      expect(a).toHaveLength(1);
      expect(b).toHaveLength(1);
      const evts = await events(engine(), tenant, key);
      expect(evts.filter((e) => e.type === 'element.completed' && e.elementId === 'End')).toHaveLength(1);
    });

    it('runs the branches of an inclusive gateway whose conditions hold', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'inclusive.bpmn');
      const a = work('inc-a');
      const b = work('inc-b');
      const c = work('inc-c');
      const key = await start(tenant, 'inclusive', { wantA: true, wantB: false });
      await instanceDone(engine(), key);
      expect([a.length, b.length, c.length]).toEqual([1, 0, 0]);
    });

    // ------------------------------------------------------------ jobs

    it('retries a failed job with the same key, then raises an incident; resolve gives retries back', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'job-retries.bpmn');
      const seen: Job[] = [];
      let healthy = false;
      workers.push(
        engine().createWorker({
          taskType: 'flaky',
          pollInterval: 50,
          taskHandler: async (job) => {
            seen.push(job);
            if (!healthy) return job.fail({ errorMessage: `storing ${seen.length}`, retryBackOff: 10 });
            return job.complete({ fixed: job.variables.fix });
          },
        }),
      );
      const key = await start(tenant, 'jobretries');
      const incident = await activeIncident(tenant, key);
      expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'storing 2', elementId: 'Flaky' });
      expect(seen.map((j) => j.retries)).toEqual([2, 1]);
      expect(new Set(seen.map((j) => j.key)).size).toBe(1);
      healthy = true;
      await engine().resolveIncident({ incidentKey: incident.incidentKey, variables: { fix: 'ok' }, retries: 1 });
      expect(await instanceDone(engine(), key)).toMatchObject({ fixed: 'ok', fix: 'ok' });
      expect(seen[2]!.key).toBe(seen[0]!.key);
      const evts = await events(engine(), tenant, key);
      expect(types(evts, (e) => e.type.startsWith('job.') || e.type.startsWith('incident.'))).toEqual([
        'job.created:Flaky',
        'job.failed:Flaky',
        'job.failed:Flaky',
        'incident.created:Flaky',
        'incident.resolved:Flaky',
        'job.completed:Flaky',
      ]);
    });

    it('a handler that throws fails the job like job.fail', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'job-retries.bpmn');
      workers.push(engine().createWorker({ taskType: 'flaky', pollInterval: 50, taskHandler: () => { throw new Error('kapot'); } }));
      const key = await start(tenant, 'jobretries');
      const incident = await activeIncident(tenant, key);
      expect(incident.errorMessage).toBe('kapot');
      const jobs = await engine().listJobs(key);
      expect(jobs[0]).toMatchObject({ state: 'failed', retries: 0 });
    });

    it('job.error is caught by a matching error boundary', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'error-boundary.bpmn');
      workers.push(engine().createWorker({ taskType: 'pay', pollInterval: 50, taskHandler: (job) => job.error('NOT_ENOUGH', 'saldo te laag', { reden: 'saldo' }) }));
      const key = await start(tenant, 'errorboundary');
      expect(await instanceDone(engine(), key)).toEqual({ reden: 'saldo' });
      expect(await endedAt(tenant, key)).toEqual(['Failed']);
    });

    it('job.error without a matching catch raises an incident', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'error-boundary.bpmn');
      workers.push(engine().createWorker({ taskType: 'pay', pollInterval: 50, taskHandler: (job) => job.error('UNKNOWN_CODE', 'onbekend') }));
      const key = await start(tenant, 'errorboundary');
      const incident = await activeIncident(tenant, key);
      expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'Pay' });
      expect((await engine().getProcessInstance(key))!.hasIncident).toBe(true);
    });

    it('an error end event in a subprocess is caught by the boundary on the subprocess', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'error-subprocess.bpmn');
      work('assess', (job) => ({ eligible: job.variables.age as number >= 18 }));
      const minor = await start(tenant, 'errorsubprocess', { age: 16 });
      const adult = await start(tenant, 'errorsubprocess', { age: 40 });
      await instanceDone(engine(), minor);
      await instanceDone(engine(), adult);
      expect(await endedAt(tenant, minor)).toContain('Denied');
      expect(await endedAt(tenant, adult)).toContain('Granted');
    });

    // ------------------------------------------------------------ user tasks

    it('queries user tasks by tenant, assignee and candidate group; claim, unassign, due date', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn');
      work('enrich-web', () => ({ score: 1 }));
      work('auto-approve');
      await start(tenant, 'reference', { amount: 1, channel: 'web', requester: 'carol' });
      const [task] = await openTasks(tenant);
      expect(await engine().queryUserTasks({ tenantId: tenant, assignee: 'carol' })).toHaveLength(1);
      expect(await engine().queryUserTasks({ tenantId: tenant, candidateGroup: 'beslissers' })).toHaveLength(1);
      expect(await engine().queryUserTasks({ tenantId: tenant, candidateGroup: 'beslis' })).toHaveLength(0);
      expect(await engine().queryUserTasks({ tenantId: freshTenant() })).toHaveLength(0);
      await expect(engine().assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'dave', allowOverride: false })).rejects.toMatchObject({ code: 'NOT_ASSIGNEE' });
      await engine().assignUserTask({ userTaskKey: task!.userTaskKey, assignee: null, actor: 'carol' });
      const claimed = await engine().assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'dave', allowOverride: false, actor: 'dave' });
      expect(claimed.assignee).toBe('dave');
      const updated = await engine().updateUserTask({ userTaskKey: task!.userTaskKey, dueDate: '2031-02-03T10:00:00Z', actor: 'dave' });
      expect(updated.dueDate).toBe('2031-02-03T10:00:00.000Z');
      const evts = await events(engine(), tenant, task!.processInstanceKey);
      expect(evts.filter((e) => e.type === 'user_task.assigned').map((e) => e.data.assignee)).toEqual(['carol', null, 'dave']);
      expect(evts.find((e) => e.type === 'user_task.due_date_changed')).toMatchObject({ actor: 'dave', phase: 'beoordeling' });
    });

    it('refuses to complete a task that is not yours or not open, and changes nothing', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn');
      work('enrich-web', () => ({ score: 1 }));
      work('auto-approve');
      const key = await start(tenant, 'reference', { amount: 1, channel: 'web', requester: 'erin' });
      const [task] = await openTasks(tenant);
      const before = await events(engine(), tenant, key);
      await expect(engine().completeUserTask({ userTaskKey: task!.userTaskKey, actor: 'mallory', variables: { besluit: 'x' } })).rejects.toMatchObject({ code: 'NOT_ASSIGNEE' });
      expect(await events(engine(), tenant, key)).toEqual(before);
      expect((await engine().getUserTask(task!.userTaskKey))!.state).toBe('created');
      expect((await engine().getProcessInstance(key))!.variables).not.toHaveProperty('besluit');
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey, actor: 'erin' });
      await expect(engine().completeUserTask({ userTaskKey: task!.userTaskKey, actor: 'erin' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(engine().completeUserTask({ userTaskKey: 'bestaat-niet' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await instanceDone(engine(), key);
    });

    // ------------------------------------------------------------ timers

    it('an intermediate timer with a FEEL duration fires and the instance continues', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'timer-intermediate.bpmn');
      const after = work('after-timer');
      const key = await start(tenant, 'timerintermediate', { wachttijd: 'PT0.2S' });
      await instanceDone(engine(), key);
      expect(after).toHaveLength(1);
      const evts = await events(engine(), tenant, key);
      expect(types(evts, (e) => e.type.startsWith('timer.'))).toEqual(['timer.created:Wait', 'timer.fired:Wait']);
    });

    it('a timer date in the past fires once', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'timer-date.bpmn');
      const key = await start(tenant, 'timerdate', { deadline: '2020-01-01T00:00:00Z' });
      await instanceDone(engine(), key);
    });

    it('an interrupting boundary timer cancels the user task', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'timer-boundary.bpmn');
      const escalate = work('escalate');
      const key = await start(tenant, 'timerboundary');
      const [task] = await openTasks(tenant);
      await instanceDone(engine(), key);
      expect(escalate).toHaveLength(1);
      expect((await engine().getUserTask(task!.userTaskKey))!.state).toBe('canceled');
      expect(await endedAt(tenant, key)).toEqual(['Escalated']);
      const evts = await events(engine(), tenant, key);
      expect(types(evts, (e) => e.elementId === 'Handle')).toEqual(['element.entered:Handle', 'user_task.created:Handle', 'element.terminated:Handle', 'user_task.canceled:Handle']);
    });

    it('a non-interrupting cycle timer (R2) fires twice while the task stays open', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'timer-cycle.bpmn');
      const remind = work('remind');
      const key = await start(tenant, 'timercycle');
      await eventually(async () => remind.length >= 2, 'two reminders');
      const [task] = await openTasks(tenant);
      expect(task!.state).toBe('created');
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey });
      await instanceDone(engine(), key);
      expect(remind).toHaveLength(2);
      const evts = await events(engine(), tenant, key);
      expect(evts.filter((e) => e.type === 'timer.fired')).toHaveLength(2);
    });

    it('a timer deadline survives a restart; an overdue timer fires once after it', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'timer-intermediate.bpmn');
      await target.engine.stop();
      const key = await target.engine.createProcessInstance({ tenantId: tenant, bpmnProcessId: 'timerintermediate', variables: { wachttijd: 'PT0.1S' } }).then((r) => r.processInstanceKey);
      await new Promise((r) => setTimeout(r, 300));
      await target.restart();
      const after = work('after-timer');
      await instanceDone(engine(), key);
      expect(after).toHaveLength(1);
      const evts = await events(engine(), tenant, key);
      expect(evts.filter((e) => e.type === 'timer.fired')).toHaveLength(1);
    });

    // ------------------------------------------------------------ messages

    it('correlates a message by name and correlation key, with output mapping', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const key = await start(tenant, 'messagecatch', { zaakId: 'Z-1' });
      const miss = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-2', variables: { bedrag: 1 } });
      expect(miss).toMatchObject({ correlatedProcessInstanceKeys: [], buffered: false });
      const hit = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-1', variables: { bedrag: 250, extra: 'x' } });
      expect(hit.correlatedProcessInstanceKeys).toEqual([key]);
      expect(await instanceDone(engine(), key)).toEqual({ zaakId: 'Z-1', betaald: 250 });
    });

    it('buffers a message with a TTL until the subscription opens, and correlates it once', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const early = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-9', variables: { bedrag: 9 }, timeToLive: 60_000 });
      expect(early.buffered).toBe(true);
      const k1 = await start(tenant, 'messagecatch', { zaakId: 'Z-9' });
      expect(await instanceDone(engine(), k1)).toMatchObject({ betaald: 9 });
      const k2 = await start(tenant, 'messagecatch', { zaakId: 'Z-9' });
      expect((await engine().getProcessInstance(k2))!.state).toBe('active');
    });

    it('drops an expired buffered message', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const m = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-7', timeToLive: 100 });
      await eventually(async () => (await engine().queryEvents({ tenantId: tenant, types: ['message.expired'] })).length > 0, 'expiry');
      const key = await start(tenant, 'messagecatch', { zaakId: 'Z-7' });
      expect((await engine().getProcessInstance(key))!.state).toBe('active');
      expect(m.buffered).toBe(true);
    });

    it('de-duplicates messages by messageId', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const first = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-3', messageId: 'betaling-77', timeToLive: 60_000, variables: { bedrag: 1 } });
      const second = await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'Z-3', messageId: 'betaling-77', timeToLive: 60_000, variables: { bedrag: 2 } });
      expect(second).toMatchObject({ duplicate: true, messageKey: first.messageKey });
      const k1 = await start(tenant, 'messagecatch', { zaakId: 'Z-3' });
      const k2 = await start(tenant, 'messagecatch', { zaakId: 'Z-3' });
      expect(await instanceDone(engine(), k1)).toMatchObject({ betaald: 1 });
      expect((await engine().getProcessInstance(k2))!.state).toBe('active');
    });

    it('an interrupting message boundary event withdraws the task', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-boundary.bpmn');
      const key = await start(tenant, 'messageboundary', { zaakId: 'Z-5' });
      const [task] = await openTasks(tenant);
      const r = await engine().publishMessage({ tenantId: tenant, name: 'aanvraag-ingetrokken', correlationKey: 'Z-5' });
      expect(r.correlatedProcessInstanceKeys).toEqual([key]);
      await instanceDone(engine(), key);
      expect((await engine().getUserTask(task!.userTaskKey))!.state).toBe('canceled');
      expect(await endedAt(tenant, key)).toEqual(['Withdrawn']);
    });

    // ------------------------------------------------------------ call activities, multi-instance

    it('a call activity starts the child with parent variables and takes its variables back', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'call-parent.bpmn', 'call-child.bpmn');
      work('child-work', (job) => ({ fromChild: (job.variables.childAmount as number) * 10 }));
      const after = work('after-call');
      const key = await start(tenant, 'callparent', { amount: 4, kind: 'callchild' });
      const [task] = await openTasks(tenant);
      const child = (await engine().getProcessInstance(task!.processInstanceKey))!;
      expect(child).toMatchObject({ bpmnProcessId: 'callchild', parentProcessInstanceKey: key, parentElementId: 'Call' });
      expect(child.variables).toMatchObject({ amount: 4, childAmount: 5 });
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey, variables: { childDone: true } });
      const vars = await instanceDone(engine(), key);
      expect(vars).toMatchObject({ amount: 4, fromChild: 50, childDone: true });
      expect(after).toHaveLength(1);
      expect((await engine().getProcessInstance(child.processInstanceKey))!.state).toBe('completed');
    });

    it('a call activity whose child completes at once continues in the same step', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'call-parent.bpmn', 'call-child-instant.bpmn');
      const after = work('after-call');
      const key = await start(tenant, 'callparent', { amount: 1, kind: 'callchildinstant' });
      await instanceDone(engine(), key);
      expect(after).toHaveLength(1);
    });

    it('a call activity to a process that is not deployed raises an incident', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'call-parent.bpmn');
      const key = await start(tenant, 'callparent', { amount: 1, kind: 'bestaat-niet' });
      const incident = await activeIncident(tenant, key);
      expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'Call' });
    });

    it('runs a parallel multi-instance service task with input and output collections', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'multi-instance.bpmn');
      const jobs = work('per-item', (job) => ({ result: (job.variables.item as number) * 2 }));
      const key = await start(tenant, 'multiinstance', { items: [1, 2, 3] });
      const vars = await instanceDone(engine(), key);
      expect(vars.results).toEqual([2, 4, 6]);
      expect(jobs.map((j) => j.variables.item).sort()).toEqual([1, 2, 3]);
      expect(new Set(jobs.map((j) => j.key)).size).toBe(3);
    });

    it('runs a sequential multi-instance user task, one reviewer after the other', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'multi-instance-user.bpmn');
      const key = await start(tenant, 'multiuser', { reviewers: ['ann', 'ben'] });
      for (const reviewer of ['ann', 'ben']) {
        const tasks = await openTasks(tenant);
        expect(tasks).toHaveLength(1);
        expect(tasks[0]!.assignee).toBe(reviewer);
        await engine().completeUserTask({ userTaskKey: tasks[0]!.userTaskKey, actor: reviewer, variables: { advies: `${reviewer}: akkoord` } });
      }
      expect((await instanceDone(engine(), key)).adviezen).toEqual(['ann: akkoord', 'ben: akkoord']);
    });

    // ------------------------------------------------------------ listeners, phases, events

    it('execution listeners create start and end jobs; phases are recorded on element events', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'listeners-phases.bpmn');
      const starts = work('fase-start', () => ({ faseGestart: true }));
      const ends = work('fase-end');
      work('intake');
      const key = await start(tenant, 'phases');
      for (let i = 0; i < 2; i++) {
        const [task] = await openTasks(tenant);
        await engine().completeUserTask({ userTaskKey: task!.userTaskKey });
      }
      await instanceDone(engine(), key);
      await eventually(async () => starts.length === 1 && ends.length === 1, 'listener jobs');
      expect(starts[0]!.listenerEventType).toBe('start');
      expect(starts[0]!.elementId).toBe('Intake');
      const evts = await events(engine(), tenant, key);
      const phaseOf = (id: string) => evts.find((e) => e.type === 'element.entered' && e.elementId === id)?.phase;
      expect(phaseOf('Intake')).toBe('aanmelding');
      expect(phaseOf('Plan')).toBe('aanvraag');
      expect(phaseOf('WritePlan')).toBe('aanvraag');
      expect(phaseOf('Decide')).toBe('besluit');
      const byPhase = await engine().queryEvents({ tenantId: tenant, bpmnProcessId: 'phases', elementId: 'Decide', types: ['element.entered', 'element.completed'] });
      expect(byPhase.map((e) => e.type)).toEqual(['element.entered', 'element.completed']);
    });

    it('records a complete, ordered event log for the reference process', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn');
      work('enrich-web', () => ({ score: 1 }));
      work('auto-approve');
      const key = await start(tenant, 'reference', { amount: 1, channel: 'web', requester: 'fay' });
      const [task] = await openTasks(tenant);
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey, actor: 'fay' });
      await instanceDone(engine(), key);
      const evts = await events(engine(), tenant, key);
      expect(types(evts)).toEqual([
        'process_instance.started',
        'element.entered:Start',
        'element.completed:Start',
        'element.entered:Enrich',
        'job.created:Enrich',
        'job.completed:Enrich',
        'element.completed:Enrich',
        'element.entered:Gateway',
        'element.completed:Gateway',
        'element.entered:AutoApprove',
        'job.created:AutoApprove',
        'job.completed:AutoApprove',
        'element.completed:AutoApprove',
        'element.entered:Review',
        'user_task.created:Review',
        'user_task.assigned:Review',
        'user_task.completed:Review',
        'element.completed:Review',
        'element.entered:End',
        'element.completed:End',
        'process_instance.completed',
      ]);
      expect(evts.every((e) => e.tenantId === tenant && e.bpmnProcessId === 'reference' && e.version === 1)).toBe(true);
      expect(evts.find((e) => e.type === 'user_task.completed')!.actor).toBe('fay');
      expect(evts.find((e) => e.elementId === 'Enrich')!.elementType).toBe('bpmn:ServiceTask');
      expect(evts.find((e) => e.elementId === 'Enrich')!.phase).toBe('aanvraag');
    });

    it('cancels an instance with its open task, timers and child instances', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'call-parent.bpmn', 'call-child.bpmn', 'timer-boundary.bpmn');
      const parent = await start(tenant, 'callparent', { amount: 1, kind: 'callchild' });
      const [childTask] = await openTasks(tenant);
      await engine().cancelProcessInstance(parent, 'beheerder');
      expect((await engine().getProcessInstance(parent))!.state).toBe('canceled');
      expect((await engine().getProcessInstance(childTask!.processInstanceKey))!.state).toBe('canceled');
      expect((await engine().getUserTask(childTask!.userTaskKey))!.state).toBe('canceled');
      await expect(engine().cancelProcessInstance(parent)).rejects.toMatchObject({ code: 'INVALID_STATE' });
      const evts = await events(engine(), tenant, parent);
      expect(evts.at(-1)).toMatchObject({ type: 'process_instance.canceled', actor: 'beheerder' });
    });

    it('keeps running instances on their version after a new deployment', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const old = await start(tenant, 'messagecatch', { zaakId: 'V-1' });
      const v2 = fixture('message-catch.bpmn').replace('target="betaald"', 'target="ontvangen"');
      await engine().deployResource({ tenantId: tenant, resources: [{ name: 'message-catch.bpmn', content: v2 }] });
      const fresh = await start(tenant, 'messagecatch', { zaakId: 'V-2' });
      expect((await engine().getProcessInstance(old))!.version).toBe(1);
      expect((await engine().getProcessInstance(fresh))!.version).toBe(2);
      await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'V-1', variables: { bedrag: 1 } });
      await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'V-2', variables: { bedrag: 2 } });
      expect(await instanceDone(engine(), old)).toHaveProperty('betaald', 1);
      expect(await instanceDone(engine(), fresh)).toHaveProperty('ontvangen', 2);
      const pinned = await engine().createProcessInstance({ tenantId: tenant, bpmnProcessId: 'messagecatch', version: 1, variables: { zaakId: 'V-3' } });
      expect(pinned.version).toBe(1);
    });

    it('resumes every wait state after a restart of the engine', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'reference.bpmn', 'message-catch.bpmn');
      work('enrich-web', () => ({ score: 3 }));
      work('auto-approve');
      const ref = await start(tenant, 'reference', { amount: 1, channel: 'web', requester: 'gus' });
      const msg = await start(tenant, 'messagecatch', { zaakId: 'R-1' });
      const [task] = await openTasks(tenant);
      await target.restart();
      await engine().completeUserTask({ userTaskKey: task!.userTaskKey, actor: 'gus' });
      await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'R-1', variables: { bedrag: 5 } });
      expect(await instanceDone(engine(), ref)).toMatchObject({ score: 3 });
      expect(await instanceDone(engine(), msg)).toMatchObject({ betaald: 5 });
    });

    it('sets variables on a running instance', async () => {
      const tenant = freshTenant();
      await deploy(engine(), tenant, 'message-catch.bpmn');
      const key = await start(tenant, 'messagecatch', { zaakId: 'S-1' });
      await engine().setVariables(key, { dossier: 'D-9' }, 'beheerder');
      expect((await engine().getProcessInstance(key))!.variables).toMatchObject({ zaakId: 'S-1', dossier: 'D-9' });
      await engine().publishMessage({ tenantId: tenant, name: 'betaling-ontvangen', correlationKey: 'S-1', variables: { bedrag: 1 } });
      expect(await instanceDone(engine(), key)).toEqual({ zaakId: 'S-1', dossier: 'D-9', betaald: 1 });
    });
  });
}
