import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { deployIntake, startIntake, waitForTask } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
  await deployIntake(srv.engine, 'almere');
});
afterAll(() => srv?.stop());

interface Page {
  items: Task[];
  total: number;
  page: number;
  pageSize: number;
}
interface Task {
  key: string;
  assignee: string | null;
  assigneeNaam?: string | null;
  dueDate: string | null;
  state: string;
  overdue: boolean;
  phase: string | null;
}

describe('werkvoorraad', () => {
  it('lists the group\'s open tasks sorted by due date, with overdue and due-soon filters', async () => {
    const later = await startIntake(srv.engine, 'almere', { deadline: '2031-06-01T09:00:00Z' });
    const overdue = await startIntake(srv.engine, 'almere', { deadline: '2020-01-01T09:00:00Z' });
    const soon = await startIntake(srv.engine, 'almere', { deadline: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const group = (await km.get<Page>('/api/tasks?view=group')).body.items.map((t) => t.key);
    expect(group.indexOf(overdue.taskKey)).toBeLessThan(group.indexOf(soon.taskKey));
    expect(group.indexOf(soon.taskKey)).toBeLessThan(group.indexOf(later.taskKey));
    const od = (await km.get<Page>('/api/tasks?overdue=true')).body.items;
    expect(od.map((t) => t.key)).toContain(overdue.taskKey);
    expect(od.every((t) => t.overdue)).toBe(true);
    const dueSoon = (await km.get<Page>('/api/tasks?dueWithinDays=7')).body.items.map((t) => t.key);
    expect(dueSoon).toContain(soon.taskKey);
    expect(dueSoon).not.toContain(later.taskKey);
    const first = (await km.get<Task>(`/api/tasks/${overdue.taskKey}`)).body;
    expect(first.phase).toBe('orientatie');
    expect((await km.get<Page>('/api/tasks?fase=orientatie')).body.total).toBeGreaterThanOrEqual(3);
    expect((await km.get<Page>('/api/tasks?fase=uitvoering')).body.total).toBe(0);
  });

  it('pages on the server: page 2 continues where page 1 stopped, and the total counts all', async () => {
    for (let i = 0; i < 5; i++) await startIntake(srv.engine, 'almere', { deadline: `2029-0${i + 1}-01T09:00:00Z` });
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const p1 = (await km.get<Page>('/api/tasks?view=group&pageSize=3&page=1')).body;
    const p2 = (await km.get<Page>('/api/tasks?view=group&pageSize=3&page=2')).body;
    const all = (await km.get<Page>('/api/tasks?view=group&pageSize=100')).body;
    expect(p1.items).toHaveLength(3);
    expect(p1.total).toBe(all.total);
    expect([...p1.items, ...p2.items].map((t) => t.key)).toEqual(all.items.slice(0, 6).map((t) => t.key));
    expect((await km.get('/api/tasks?pageSize=1000')).status).toBe(400);
  });

  it('overdue=false keeps tasks on time and those without a due date, which sort last', async () => {
    const overdue = await startIntake(srv.engine, 'almere', { deadline: '2020-02-01T09:00:00Z' });
    const onTime = await startIntake(srv.engine, 'almere', { deadline: '2032-01-01T09:00:00Z' });
    const noDue = await startIntake(srv.engine, 'almere');
    await srv.engine.updateUserTask({ userTaskKey: noDue.taskKey, dueDate: null });
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const notOverdue = (await km.get<Page>('/api/tasks?overdue=false&pageSize=100')).body.items;
    expect(notOverdue.map((t) => t.key)).toEqual(expect.arrayContaining([onTime.taskKey, noDue.taskKey]));
    expect(notOverdue.map((t) => t.key)).not.toContain(overdue.taskKey);
    expect(notOverdue.some((t) => t.overdue)).toBe(false);
    const all = (await km.get<Page>('/api/tasks?pageSize=100')).body.items;
    const firstUndated = all.findIndex((t) => t.dueDate === null);
    expect(firstUndated).toBeGreaterThan(all.findIndex((t) => t.key === onTime.taskKey));
    expect(all.slice(firstUndated).every((t) => t.dueDate === null)).toBe(true);
  });

  it('claim moves a task from the group to "mine"; a colleague can no longer claim it', async () => {
    const { taskKey } = await startIntake(srv.engine, 'almere');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const claimed = await km.post<Task>(`/api/tasks/${taskKey}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('klantmanager.almere');
    expect(claimed.body.assigneeNaam).toBe('Klantmanager Almere');
    expect((await km.get<Page>('/api/tasks?view=mine')).body.items.map((t) => t.key)).toContain(taskKey);
    expect((await km.get<Page>('/api/tasks?view=group')).body.items.map((t) => t.key)).not.toContain(taskKey);
    // A manager releases it (absence) and it returns to the group.
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    expect((await manager.post<Task>(`/api/tasks/${taskKey}/unclaim`)).body.assignee).toBeNull();
  });

  it('a klant does not see the klantmanager\'s task and cannot claim it', async () => {
    const { taskKey } = await startIntake(srv.engine, 'almere');
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    expect((await klant.get<Page>('/api/tasks')).body.items.map((t) => t.key)).not.toContain(taskKey);
    expect((await klant.post(`/api/tasks/${taskKey}/claim`)).status).toBe(404);
  });
});

describe('completing a task validates with the form bound to the task', () => {
  it('refuses a bad payload with 422 per-field Dutch messages and changes nothing', async () => {
    const { taskKey, processInstanceKey } = await startIntake(srv.engine, 'almere');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const eventsBefore = await srv.engine.queryEvents({ tenantId: 'almere', processInstanceKey });
    const res = await km.post(`/api/tasks/${taskKey}/complete`, { variables: { naam: '', iban: 'NL00BANK0123456789', bedrag: '-5', extra: 1 } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const errors = (res.body as { errors: { field: string; message: string }[] }).errors;
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['naam', 'iban', 'bedrag', 'extra']));
    expect(errors.find((e) => e.field === 'iban')!.message).toMatch(/IBAN/);
    const task = await srv.engine.getUserTask(taskKey);
    expect(task!.state).toBe('created');
    expect(task!.assignee).toBeNull();
    const instance = await srv.engine.getProcessInstance(processInstanceKey);
    expect(instance!.variables).not.toHaveProperty('naam');
    expect(await srv.engine.queryEvents({ tenantId: 'almere', processInstanceKey })).toEqual(eventsBefore);
  });

  it('completes with a good payload: money stored as cents, the process moves on to the klant\'s task', async () => {
    const { taskKey, processInstanceKey } = await startIntake(srv.engine, 'almere');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.post(`/api/tasks/${taskKey}/complete`, { variables: { naam: 'Johan de Vries', iban: 'NL91 ABNA 0417 1643 00', bedrag: '1.250,50' } });
    expect(res.status).toBe(204);
    expect((await srv.engine.getUserTask(taskKey))!.state).toBe('completed');
    const next = await waitForTask(srv.engine, 'almere', processInstanceKey, 'Bevestigen');
    const instance = await srv.engine.getProcessInstance(processInstanceKey);
    expect(instance!.variables).toMatchObject({ naam: 'Johan de Vries', bedrag: 125050 });
    // The next task is the klant's own (candidateUsers), visible in their list only.
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    expect((await klant.get<Page>('/api/tasks')).body.items.map((t) => t.key)).toContain(next);
    const other = await ApiClient.as(srv.url, 'klant2.almere');
    expect((await other.get<Page>('/api/tasks')).body.items.map((t) => t.key)).not.toContain(next);
    expect((await klant.post(`/api/tasks/${next}/complete`, { variables: { iets: 1 } })).status).toBe(422);
    expect((await klant.post(`/api/tasks/${next}/complete`, { variables: {} })).status).toBe(204);
  });

  it('refuses completing a task twice, and a task claimed by a colleague', async () => {
    const { taskKey } = await startIntake(srv.engine, 'almere');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const colleague = await ApiClient.as(srv.url, 'beslisser.almere');
    await srv.database.db.insertInto('user_roles').values({ user_id: (await srv.database.db.selectFrom('users').select('id').where('username', '=', 'beslisser.almere').executeTakeFirstOrThrow()).id, role: 'klantmanager' }).execute();
    await km.post(`/api/tasks/${taskKey}/claim`);
    expect((await colleague.post(`/api/tasks/${taskKey}/complete`, { variables: { naam: 'X', iban: 'NL91ABNA0417164300', bedrag: '1' } })).status).toBe(403);
    const good = { variables: { naam: 'X', iban: 'NL91ABNA0417164300', bedrag: '10' } };
    expect((await km.post(`/api/tasks/${taskKey}/complete`, good)).status).toBe(204);
    expect((await km.post(`/api/tasks/${taskKey}/complete`, good)).status).toBe(409);
  });

  it('serves the task\'s form with prefilled values from the process variables', async () => {
    const { taskKey, processInstanceKey } = await startIntake(srv.engine, 'almere');
    await srv.engine.setVariables(processInstanceKey, { naam: 'Sanne Bakker' });
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.get<{ form: { formId: string; version: number }; initialValues: Record<string, unknown> }>(`/api/tasks/${taskKey}/form`);
    expect(res.status).toBe(200);
    expect(res.body.form.formId).toBe('intake-test');
    expect(res.body.initialValues.naam).toBe('Sanne Bakker');
    expect((await km.get('/api/forms/intake-test')).status).toBe(200);
    expect((await km.get('/api/forms/bestaat-niet')).status).toBe(404);
  });
});

describe('deploying processes and forms', () => {
  it('refuses a broken form with the component key, deploys nothing, and versions a changed diagram', async () => {
    const po = await ApiClient.as(srv.url, 'procesontwerper.almere');
    const broken = JSON.stringify({ type: 'default', id: 'kapot', schemaVersion: 16, components: [{ type: 'signature', id: 'Handtekening', key: 'handtekening', label: 'Handtekening' }] });
    const before = (await po.get<unknown[]>('/api/processes')).body.length;
    const { readFileSync } = await import('node:fs');
    const bpmn = readFileSync('test/api/fixtures/intake/intake-test.bpmn', 'utf8');
    const res = await po.post('/api/deployments', { resources: [{ name: 'intake-test.bpmn', content: bpmn.replace('Intake (test)', 'Intake (v2)') }, { name: 'kapot.form', content: broken }] });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { field: string; message: string }[] }).errors[0]).toMatchObject({ field: 'kapot.form#handtekening' });
    expect((await po.get<unknown[]>('/api/processes')).body.length).toBe(before);
    const ok = await po.post<{ processes: { version: number; duplicate: boolean }[] }>('/api/deployments', { resources: [{ name: 'intake-test.bpmn', content: bpmn.replace('Intake (test)', 'Intake (v2)') }] });
    expect(ok.status).toBe(201);
    expect(ok.body.processes[0]).toMatchObject({ version: 2, duplicate: false });
    const badXml = await po.post('/api/deployments', { resources: [{ name: 'x.bpmn', content: '<bpmn:definitions' }] });
    expect(badXml.status).toBe(422);
  });
});
