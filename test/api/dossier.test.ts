import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaak } from '../../server/zaken/commands/start-zaak.ts';
import { sendDeadlineReminders } from '../../server/dossier/deadline-reminders.ts';
import { startIntake } from '../support/fixtures.ts';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
let zaakId: string;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
  const klantId = (await srv.database.db.selectFrom('users').select('klant_id').where('username', '=', 'klant1.almere').executeTakeFirstOrThrow()).klant_id!;
  zaakId = (
    await startZaak(srv.database.db, srv.engine, {
      tenantId: 'almere',
      regeling: 'prb',
      klantId,
      actor: 'klantmanager.almere',
      bpmnProcessId: 'intake-test',
      policyId: null,
      doorlooptijd: 'P8W',
      servicenorm: 'P4W',
      variables: { deadline: '2030-01-01T09:00:00Z', klant: 'klant1.almere' },
    })
  ).zaakId;
});
afterAll(() => srv?.stop());

interface Detail {
  documenten: { id: string; titel: string }[];
  contactmomenten: { soort: string; samenvatting: string; door: string; doorNaam: string }[];
}

describe('zaakdossier', () => {
  it('registers a contactmoment that the klantmanager sees in the dossier and the klant does not', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.post(`/api/zaken/${zaakId}/contactmomenten`, { soort: 'telefoon', datum: '2026-11-20', samenvatting: 'Klant belde over de offerte.' });
    expect(res.status).toBe(201);
    const detail = (await km.get<Detail>(`/api/zaken/${zaakId}`)).body;
    const naam = (await srv.database.db.selectFrom('users').select('display_name').where('username', '=', 'klantmanager.almere').executeTakeFirstOrThrow()).display_name;
    // Colleagues read who registered it by name, not by login.
    expect(detail.contactmomenten).toContainEqual(expect.objectContaining({ soort: 'telefoon', door: 'klantmanager.almere', doorNaam: naam }));
    expect(naam).not.toBe('klantmanager.almere');
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    expect((await klant.get<Detail>(`/api/zaken/${zaakId}`)).body.contactmomenten).toEqual([]);
    const bad = await km.post(`/api/zaken/${zaakId}/contactmomenten`, { soort: 'fax', datum: '20-11-2026', samenvatting: '' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['datum', 'samenvatting', 'soort']);
  });

  it('serves a letter to the klant as PDF, stores it once per key, and hides internal documents from the klant', async () => {
    const store = srv.services.documenten;
    const letter = { tenantId: 'almere', zaakId, idempotencyKey: 'job-1', soort: 'beschikking' as const, bestandsnaam: 'beschikking.pdf', mediaType: 'application/pdf' as const, inhoud: Buffer.from('%PDF-1.4 brief'), zichtbaarVoorKlant: true };
    const first = await store.opslaan(letter);
    expect(await store.opslaan(letter)).toEqual(first);
    const intern = await store.opslaan({ ...letter, idempotencyKey: 'job-2', zichtbaarVoorKlant: false, bestandsnaam: 'advies.pdf' });
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const res = await fetch(`${srv.url}/api/zaken/${zaakId}/documenten/${first.documentId}`, { headers: { cookie: (klant as unknown as { cookie: string }).cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.4 brief');
    expect((await klant.get(`/api/zaken/${zaakId}/documenten/${intern.documentId}`)).status).toBe(404);
    expect((await klant.get<Detail>(`/api/zaken/${zaakId}`)).body.documenten.map((d) => d.id)).toEqual([first.documentId]);
    const other = await ApiClient.as(srv.url, 'klant2.almere');
    expect((await other.get(`/api/zaken/${zaakId}/documenten/${first.documentId}`)).status).toBe(404);
  });

  it('delivers berichten to their recipient only, once per key, and marks them read', async () => {
    const berichten = srv.services.berichten;
    const msg = { tenantId: 'almere', ontvanger: 'klant1.almere', zaakId, onderwerp: 'Uw aanvraag is ontvangen', tekst: 'Wij hebben uw aanvraag ontvangen.', idempotencyKey: 'notif-1' };
    await berichten.plaats(msg);
    await berichten.plaats(msg);
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const list = (await klant.get<{ id: string; onderwerp: string; gelezen: boolean }[]>('/api/berichten')).body;
    expect(list.filter((b) => b.onderwerp === 'Uw aanvraag is ontvangen')).toHaveLength(1);
    const other = await ApiClient.as(srv.url, 'klant2.almere');
    expect((await other.get<unknown[]>('/api/berichten')).body).toEqual([]);
    expect((await other.post(`/api/berichten/${list[0]!.id}/gelezen`)).status).toBe(404);
    expect((await klant.post(`/api/berichten/${list[0]!.id}/gelezen`)).status).toBe(204);
    expect((await klant.get<{ gelezen: boolean }[]>('/api/berichten')).body[0]!.gelezen).toBe(true);
  });

  it('stores an uploaded offerte as a document of the zaak, checking type and content; refuses others with nothing stored', async () => {
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const pdf = '%PDF-1.4 offerte van ROC Flevoland';
    const ok = await klant.request<{ documentId: string }>('POST', `/api/zaken/${zaakId}/documenten?soort=offerte&bestandsnaam=offerte-roc.pdf`, undefined, {
      rawBody: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const detail = (await klant.get<Detail>(`/api/zaken/${zaakId}`)).body;
    expect(detail.documenten.map((d) => d.id)).toContain(ok.body.documentId);
    const before = detail.documenten.length;
    const fake = await klant.request('POST', `/api/zaken/${zaakId}/documenten?soort=offerte&bestandsnaam=x.pdf`, undefined, { rawBody: 'geen pdf', headers: { 'content-type': 'application/pdf' } });
    expect(fake.status).toBe(415);
    const exe = await klant.request('POST', `/api/zaken/${zaakId}/documenten?soort=offerte&bestandsnaam=x.exe`, undefined, { rawBody: 'MZ', headers: { 'content-type': 'application/octet-stream' } });
    expect(exe.status).toBe(415);
    const other = await ApiClient.as(srv.url, 'klant2.almere');
    expect((await other.request('POST', `/api/zaken/${zaakId}/documenten?soort=offerte&bestandsnaam=y.pdf`, undefined, { rawBody: pdf, headers: { 'content-type': 'application/pdf' } })).status).toBe(404);
    expect((await klant.get<Detail>(`/api/zaken/${zaakId}`)).body.documenten.length).toBe(before);
  });

  it('reminds the holder of a task due within two days once, and says when a term has passed', async () => {
    const soon = await startIntake(srv.engine, 'almere', { deadline: new Date(Date.now() + 86_400_000).toISOString() });
    const late = await startIntake(srv.engine, 'almere', { deadline: '2020-01-01T09:00:00Z' });
    const later = await startIntake(srv.engine, 'almere', { deadline: new Date(Date.now() + 10 * 86_400_000).toISOString() });
    for (const t of [soon, late, later]) await srv.engine.assignUserTask({ userTaskKey: t.taskKey, assignee: 'klantmanager.almere' });
    await sendDeadlineReminders(srv.services);
    await sendDeadlineReminders(srv.services);
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const list = (await km.get<{ onderwerp: string; tekst: string }[]>('/api/berichten')).body;
    expect(list.filter((b) => b.onderwerp === 'Herinnering: Intake vastleggen')).toHaveLength(1);
    expect(list.filter((b) => b.onderwerp === 'Termijn verstreken: Intake vastleggen')).toHaveLength(1);
  });
});

