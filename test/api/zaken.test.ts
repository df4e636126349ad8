import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryTermEnd, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { hervatten } from '../../server/zaken/commands/hervatten.ts';
import { opschorten } from '../../server/zaken/commands/opschorten.ts';
import { datumLang } from '../../workers/beschikking/index.ts';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Zaak {
  id: string;
  identificatie: string;
  status: string;
  fase: string | null;
  klant: { id: string; naam: string };
  processInstanceKey: string;
  klok: { startdatum: string; uiterlijkeEinddatumAfdoening: string; einddatumGepland: string; verdaagd: boolean; opgeschort: boolean };
  tijdlijn: { soort: string; omschrijving: string; door: string | null }[];
}

let srv: TestServer;
let klant1: string;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
  klant1 = (await srv.database.db.selectFrom('users').select('klant_id').where('username', '=', 'klant1.almere').executeTakeFirstOrThrow()).klant_id!;
});
afterAll(() => srv?.stop());

describe('zaken', () => {
  it('a klantmanager starts a zaak: numbered per gemeente, its process running, its clock set by the Awb and Atw', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 });
    expect(res.status).toBe(201);
    const zaak = res.body;
    const today = todayInAmsterdam(new Date());
    expect(zaak.identificatie).toBe(`0034-PRB-${today.slice(0, 4)}-000001`);
    expect(zaak.status).toBe('in-behandeling');
    expect(zaak.processInstanceKey).toBeTruthy();
    expect(zaak.klant.naam).toBe('Fatima el Amrani');
    expect(zaak.klok.startdatum).toBe(today);
    expect(zaak.klok.uiterlijkeEinddatumAfdoening).toBe(statutoryTermEnd(today, 'P8W'));
    expect(zaak.tijdlijn.map((t) => t.soort)).toEqual(expect.arrayContaining(['zaak.aangemaakt', 'zaak.proces-gestart']));
    const second = await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 });
    expect(second.body.identificatie).toBe(`0034-PRB-${today.slice(0, 4)}-000002`);
    // The fase comes from the diagram (zeebe:properties phase) once the first task is open.
    for (let i = 0; i < 50; i++) {
      const detail = (await km.get<Zaak>(`/api/zaken/${zaak.id}`)).body;
      if (detail.fase) {
        expect(detail.fase).toBe('orientatie');
        expect(detail.tijdlijn.some((t) => t.omschrijving === 'Taak klaargezet: Intake vastleggen')).toBe(true);
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('fase never set');
  });

  it('shows each task with its zaak, klant and clock in the werkvoorraad, and filters on zaak and regeling', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    let items: { zaak: { id: string; identificatie: string; klantNaam: string; klokStatus: string } | null }[] = [];
    for (let i = 0; i < 50 && items.length === 0; i++) {
      items = (await km.get<{ items: typeof items }>(`/api/tasks?zaakId=${zaak.id}`)).body.items;
      if (!items.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(items).toHaveLength(1);
    expect(items[0]!.zaak).toMatchObject({ id: zaak.id, identificatie: zaak.identificatie, klantNaam: 'Fatima el Amrani', klokStatus: 'op-tijd' });
    expect((await km.get<{ total: number }>('/api/tasks?regeling=prb')).body.total).toBeGreaterThan(0);
    expect((await km.get<{ total: number }>('/api/tasks?regeling=pib')).body.total).toBe(0);
  });

  it('a klant starts their own zaak and sees only their own zaken', async () => {
    const klant = await ApiClient.as(srv.url, 'klant2.almere');
    const res = await klant.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 });
    expect(res.status).toBe(201);
    expect(res.body.klant.naam).toBe('Johan de Vries'); // klantId in the body is ignored for a klant
    const mine = (await klant.get<Zaak[]>('/api/zaken')).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((z) => z.klant.naam === 'Johan de Vries')).toBe(true);
    const others = (await (await ApiClient.as(srv.url, 'klantmanager.almere')).get<Zaak[]>('/api/zaken')).body;
    const foreign = others.find((z) => z.klant.id === klant1)!;
    expect((await klant.get(`/api/zaken/${foreign.id}`)).status).toBe(404);
    expect((await (await ApiClient.as(srv.url, 'klantmanager.breda')).get(`/api/zaken/${foreign.id}`)).status).toBe(404);
  });

  it('refuses a zaak for a klant of another gemeente, and a regeling the gemeente does not run', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.breda');
    expect((await km.post('/api/zaken', { regeling: 'prb', klantId: klant1 })).status).toBe(404);
    const delft = await ApiClient.as(srv.url, 'klantmanager.delft');
    const delftKlant = (await delft.get<{ id: string }[]>('/api/klanten')).body[0]!.id;
    const res = await delft.post('/api/zaken', { regeling: 'prb', klantId: delftKlant });
    expect(res.status).toBe(409);
    expect((res.body as { detail: string }).detail).toMatch(/niet uitgevoerd door uw organisatie/);
    expect(await srv.database.db.selectFrom('zaken').select('id').where('tenant_id', '=', 'delft').execute()).toEqual([]);
  });

  it('verdaagt once (Awb 4:14): the uiterlijke einddatum moves; a second verdaging is refused in Dutch', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    const res = await km.post<Zaak>(`/api/zaken/${zaak.id}/verdagen`, { termijn: 'P4W', reden: 'Advies arbeidsdeskundige nodig' });
    expect(res.status).toBe(200);
    expect(res.body.klok.verdaagd).toBe(true);
    expect(res.body.klok.uiterlijkeEinddatumAfdoening).toBe(statutoryTermEnd(zaak.klok.startdatum, 'P12W'));
    const again = await km.post(`/api/zaken/${zaak.id}/verdagen`, { termijn: 'P1W', reden: 'Nog meer tijd' });
    expect(again.status).toBe(409);
    expect((again.body as { detail: string }).detail).toMatch(/maar één keer verdagen/);
    const bad = await km.post(`/api/zaken/${zaak.id}/verdagen`, { termijn: 'zes weken', reden: '' });
    expect(bad.status).toBe(400);

    // Awb 4:14 lid 3: the klant is told, with the new date and the reason, once.
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const berichten = (await klant.get<Array<{ onderwerp: string; tekst: string; zaakId?: string | null }>>('/api/berichten')).body;
    const verdaagd = berichten.filter((b) => b.onderwerp === 'Het besluit over uw aanvraag duurt langer');
    expect(verdaagd).toHaveLength(1);
    expect(verdaagd[0]!.tekst).toBe(
      `Wij hebben meer tijd nodig om over uw aanvraag (${zaak.identificatie}) te beslissen en hebben de beslistermijn verdaagd met 4 weken ` +
        `(artikel 4:14 Awb). U krijgt uiterlijk ${datumLang(res.body.klok.uiterlijkeEinddatumAfdoening)} een besluit. De reden: Advies arbeidsdeskundige nodig`,
    );
  });

  it('opschorten and hervatten are idempotent by key and move the clock by the suspended days', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    const db = srv.database.db;
    const start = zaak.klok.startdatum;
    const input = { tenantId: 'almere', zaakId: zaak.id, van: start, reden: 'hersteltermijn', actor: 'job', idempotencyKey: `job-${zaak.id}-1` };
    await opschorten(db, input);
    await opschorten(db, input); // a retried job: no second opschorting, no error
    // Awb 4:15: the suspension itself starts the day after the request, so the zaak status shows it first.
    expect((await km.get<Zaak>(`/api/zaken/${zaak.id}`)).body.status).toBe('opgeschort');
    const tot = new Date(Date.parse(`${start}T12:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    await hervatten(db, { tenantId: 'almere', zaakId: zaak.id, tot, actor: 'job', idempotencyKey: `job-${zaak.id}-2` });
    const after = (await km.get<Zaak>(`/api/zaken/${zaak.id}`)).body;
    expect(after.status).toBe('in-behandeling');
    expect(after.klok.opgeschort).toBe(false);
    expect(after.klok.uiterlijkeEinddatumAfdoening > zaak.klok.uiterlijkeEinddatumAfdoening).toBe(true);
    const events = await db.selectFrom('zaak_events').select('type').where('zaak_id', '=', zaak.id).where('type', '=', 'zaak.opgeschort').execute();
    expect(events).toHaveLength(1);
  });
});

describe('regelingen and caseload', () => {
  it('explains the regeling in plain Dutch from the gemeente\'s policy, and says where it is not offered', async () => {
    const real = await startTestServer();
    try {
      const zoetermeer = await ApiClient.as(real.url, 'klant1.zoetermeer');
      const [prb] = (await zoetermeer.get<{ regeling: string; beschikbaar: boolean; startFormId: string; uitleg: { voorWie: string[]; watMag: string; besluitTermijn: string } }[]>('/api/regelingen')).body;
      expect(prb).toMatchObject({ regeling: 'prb', beschikbaar: true, startFormId: 'prb-aanmelding' });
      expect(prb!.uitleg.voorWie.join(' ')).toMatch(/45 jaar of ouder/);
      expect(prb!.uitleg.watMag).toMatch(/€/);
      expect(prb!.uitleg.besluitTermijn).toMatch(/artikel 4:13 Awb/);
      const eindhoven = await ApiClient.as(real.url, 'klant1.eindhoven');
      const offered = (await eindhoven.get<{ regeling: string; beschikbaar: boolean; uitleg: unknown }[]>('/api/regelingen')).body;
      expect(offered.find((r) => r.regeling === 'prb')).toMatchObject({ beschikbaar: false, uitleg: null });
    } finally {
      await real.stop();
    }
  });

  it('a klantmanager\'s caseload holds the zaken they started or worked on, counted per fase', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const zaak = (await km.post<Zaak>('/api/zaken', { regeling: 'prb', klantId: klant1 })).body;
    const caseload = (await km.get<{ perFase: { fase: string; aantal: number }[]; zaken: { id: string }[] }>('/api/caseload')).body;
    expect(caseload.zaken.map((z) => z.id)).toContain(zaak.id);
    expect(caseload.perFase.reduce((n, f) => n + f.aantal, 0)).toBe(caseload.zaken.length);
    const breda = await ApiClient.as(srv.url, 'klantmanager.breda');
    expect((await breda.get<{ zaken: { id: string }[] }>('/api/caseload')).body.zaken.map((z) => z.id)).not.toContain(zaak.id);
  });
});
