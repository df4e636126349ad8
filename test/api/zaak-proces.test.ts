import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog, waitForTask } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { innermost } from '../../server/zaken/proces-route.ts';

interface Proces {
  bpmnProcessId: string;
  version: number | null;
  status: string;
  xml: string | null;
  actief: { elementId: string; naam: string | null }[];
  afgerond: string[];
}

let srv: TestServer;
let klant1: string;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
  klant1 = (await srv.database.db.selectFrom('users').select('klant_id').where('username', '=', 'klant1.almere').executeTakeFirstOrThrow()).klant_id!;
});
afterAll(() => srv?.stop());

describe('GET /api/zaken/:id/proces (diagram in the zaakdossier)', () => {
  it('gives the caseworker the diagram of the zaak\'s version and moves the current step as tasks complete', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<{ id: string; processInstanceKey: string }>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    const intake = await waitForTask(srv.engine, 'almere', zaak.processInstanceKey, 'Intake');

    const before = await km.get<Proces>(`/api/zaken/${zaak.id}/proces`);
    expect(before.status).toBe(200);
    expect(before.body.status).toBe('actief');
    expect(before.body.xml).toContain('id="intake-test"');
    expect(before.body.xml).toContain('bpmndi:BPMNDiagram');
    expect(before.body.actief).toEqual([{ elementId: 'Intake', naam: 'Intake vastleggen' }]);
    expect(before.body.afgerond).toEqual(['Start']);

    await km.post(`/api/tasks/${intake}/claim`);
    const done = await km.post(`/api/tasks/${intake}/complete`, { variables: { naam: 'Fatima el Amrani', iban: 'NL91 ABNA 0417 1643 00', bedrag: '100,00' } });
    expect(done.status).toBe(204);
    await waitForTask(srv.engine, 'almere', zaak.processInstanceKey, 'Bevestigen');
    const after = (await km.get<Proces>(`/api/zaken/${zaak.id}/proces`)).body;
    expect(after.actief).toEqual([{ elementId: 'Bevestigen', naam: 'Gegevens bevestigen' }]);
    expect(after.afgerond).toEqual(expect.arrayContaining(['Start', 'Intake']));
    expect(after.afgerond).not.toContain('Bevestigen');
  });

  it('is closed to the klant and answers 404 for another gemeente\'s zaak', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<{ id: string }>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    expect((await klant.get(`/api/zaken/${zaak.id}/proces`)).status).toBe(403);
    const breda = await ApiClient.as(srv.url, 'klantmanager.breda');
    const res = await breda.get<{ xml?: string }>(`/api/zaken/${zaak.id}/proces`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('intake-test');
  });
});

describe('timeline in words (GET /api/zaken/:id)', () => {
  interface Item { soort: string; door: string | null; doorNaam: string | null; doorRol: string | null; handeling: string | null; zin: string }

  it('names who did what by display name and role, never by username, and what Regie did by itself', async () => {
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const zaak = (await klant.post<{ id: string; processInstanceKey: string }>('/api/zaken', { regeling: 'prb' })).body;
    const intake = await waitForTask(srv.engine, 'almere', zaak.processInstanceKey, 'Intake');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    await km.post(`/api/tasks/${intake}/claim`);
    await km.post(`/api/tasks/${intake}/complete`, { variables: { naam: 'Fatima el Amrani', iban: 'NL91 ABNA 0417 1643 00', bedrag: '100,00' } });
    const tijdlijn = (await km.get<{ tijdlijn: Item[] }>(`/api/zaken/${zaak.id}`)).body.tijdlijn;
    const zinnen = tijdlijn.map((t) => t.zin);
    expect(zinnen).toContain('Fatima el Amrani (klant) heeft de zaak aangemaakt.');
    expect(zinnen).toContain('De taak „Intake vastleggen” staat klaar.');
    // The process starts with the zaak: nobody "started" it.
    expect(zinnen).toContain('De behandeling is gestart.');
    expect(zinnen).toContain('Klantmanager Almere heeft de taak „Intake vastleggen” opgepakt.');
    expect(zinnen).toContain('Klantmanager Almere heeft „Intake vastleggen” afgerond.');
    const afgerond = tijdlijn.find((t) => t.soort === 'user_task.completed')!;
    expect(afgerond).toMatchObject({ door: 'klantmanager.almere', doorNaam: 'Klantmanager Almere', doorRol: 'klantmanager', handeling: 'heeft „Intake vastleggen” afgerond' });
    expect(zinnen.join(' ')).not.toMatch(/\w+\.almere/);
  });
});

describe('the current step inside a sub-process', () => {
  it('names the step, not the sub-process around it (nor the one around that)', () => {
    const parent = new Map([['Intake', 'Aanvraag'], ['Aanvraag', 'Traject']]);
    expect(innermost(['Traject', 'Aanvraag', 'Intake'], parent)).toEqual(['Intake']);
    expect(innermost(['Aanvraag', 'Wacht'], parent)).toEqual(['Aanvraag', 'Wacht']);
  });
});
