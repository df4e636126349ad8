import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelding, beoordeling, doTask, eindgesprek, intake, openTask, orientatie, ROC, TODAY, trajectplan, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('prb in Almere, end to end through the API with the demo accounts', () => {
  it('aanmelding → intake → oriëntatie → trajectplan → beoordeling → besluit (four eyes) → beschikking → factuur → financiën → SEPA → afsluiting', async () => {
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const beslisser = await ApiClient.as(srv.url, 'beslisser.almere');
    const fin = await ApiClient.as(srv.url, 'financieel.almere');

    // A bad aanmelding changes nothing.
    const bad = await klant.post('/api/zaken', { regeling: 'prb', gegevens: aanmelding({ bsn: '123456788' }) });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('aanmelding.bsn');

    const started = await klant.post<{ id: string; identificatie: string }>('/api/zaken', { regeling: 'prb', gegevens: aanmelding() });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;

    await doTask(km, id, 'Intake', intake);
    await doTask(km, id, 'Orientatie', orientatie);
    await doTask(klant, id, 'Trajectplan', trajectplan());
    await doTask(km, id, 'Beoordeling', beoordeling('toekennen'));

    // Four eyes: the klantmanager who proposed may not decide, even with the beslisser role.
    const kmUser = await srv.database.db.selectFrom('users').select('id').where('username', '=', 'klantmanager.almere').executeTakeFirstOrThrow();
    await srv.database.db.insertInto('user_roles').values({ user_id: kmUser.id, role: 'beslisser' }).execute();
    const besluitTask = await openTask(beslisser, id, 'BesluitNemen');
    const kmAsBeslisser = await ApiClient.as(srv.url, 'klantmanager.almere');
    await kmAsBeslisser.post(`/api/tasks/${besluitTask.key}/claim`);
    const own = await kmAsBeslisser.post(`/api/tasks/${besluitTask.key}/complete`, { variables: { beslissing: { uitkomst: 'toekennen', budgetCent: '4.500,00', motivering: 'Eigen voorstel.' } } });
    expect(own.status).toBe(403);
    expect((own.body as { detail: string }).detail).toMatch(/zelf gedaan/);
    await kmAsBeslisser.post(`/api/tasks/${besluitTask.key}/unclaim`);
    await doTask(beslisser, id, 'BesluitNemen', { beslissing: { uitkomst: 'toekennen', budgetCent: '4.500,00', motivering: 'Het plan past binnen het budget en leidt naar werk.' } });

    // The beschikking reaches the klant as a PDF with the bezwaar date; the budget is booked.
    const besloten = await until(async () => {
      const z = await zaak(klant, id);
      return z.documenten.some((d) => d.soort === 'beschikking') && z.budget && z.bezwaar ? z : null;
    }, 'beschikking en budget');
    expect(besloten.budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 0, resterendCents: 450_000 });
    expect(besloten.bezwaar).toMatchObject({ mogelijk: true });
    expect(besloten.klok.afgehandeld).toBe(true);
    const pdf = besloten.documenten.find((d) => d.soort === 'beschikking')!;
    const download = await fetch(`${srv.url}/api/zaken/${id}/documenten/${pdf.id}`, { headers: { cookie: (klant as unknown as { cookie: string }).cookie } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // Receipt: the klantmanager sees when the klant first opened the beschikking.
    const ontvangen = (await zaak(km, id)).documenten.find((d) => d.id === pdf.id) as { geopend: string | null } | undefined;
    expect(ontvangen?.geopend).toBeTruthy();
    // The bericht comes from the notificatie step after the beschikking job: wait for it, do not race it.
    const berichten = await until(async () => {
      const lijst = (await klant.get<{ onderwerp: string }[]>('/api/berichten')).body;
      return lijst.some((b) => b.onderwerp === 'Er is een besluit over uw aanvraag') ? lijst : null;
    }, 'bericht over het besluit');
    expect(berichten.map((b) => b.onderwerp)).toContain('Er is een besluit over uw aanvraag');

    // Uitvoering: the klant forwards the ROC's invoice; above €1.000 finance approves it.
    await openTask(km, id, 'TrajectVolgen');
    const factuur = await klant.post(`/api/zaken/${id}/declaraties`, { soort: 'factuur', verplichtingId: `${id}:r1`, bedragCents: 300_000, referentie: 'ROC-2026-001', omschrijving: 'Koksopleiding' });
    expect(factuur.status, JSON.stringify(factuur.body)).toBe(202);
    const approval = await openTask(fin, id, 'BetalingGoedkeuren');
    await doTask(fin, id, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: 'Factuur klopt met de offerte.' } });
    expect(approval.formId).toBe('prb-betaling-goedkeuren');
    const betaald = await until(async () => {
      const z = await zaak(klant, id);
      return z.budget?.betalingen.find((b) => b.status === 'goedgekeurd') ? z : null;
    }, 'goedgekeurde betaling');
    expect(betaald.budget).toMatchObject({ gereserveerdCents: 300_000, resterendCents: 150_000 });

    // An invoice that would exceed the budget is refused with a reason.
    await klant.post(`/api/zaken/${id}/declaraties`, { soort: 'factuur', verplichtingId: `${id}:r2`, bedragCents: 200_000, referentie: 'COACH-9', omschrijving: 'Te veel' });
    const weigering = await until(
      async () => (await klant.get<{ onderwerp: string; tekst: string }[]>('/api/berichten')).body.find((b) => b.tekst.includes('niet doen')),
      'weigeringsbericht',
    );
    expect(weigering.tekst).toMatch(/Wij kunnen deze betaling niet doen/);

    // Finance collects approved payments into a SEPA pain.001 batch, once.
    const batch = await fin.post<{ id: string; aantal: number; totaalCents: number }>('/api/betalingen/batches', { uitvoeringsdatum: TODAY });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect(batch.body).toMatchObject({ aantal: 1, totaalCents: 300_000 });
    const xml = await fetch(`${srv.url}/api/betalingen/batches/${batch.body.id}/pain001`, { headers: { cookie: (fin as unknown as { cookie: string }).cookie } }).then((r) => r.text());
    expect(xml).toContain(ROC.iban);
    expect(xml).toContain('3000.00');
    expect((await fin.post('/api/betalingen/batches', { uitvoeringsdatum: TODAY })).status).toBe(409);

    // Afronding: traject volgen → eindgesprek → zaak closed with its resultaat.
    await doTask(km, id, 'TrajectVolgen', { trajectAfronding: { reden: 'plan-uitgevoerd', einddatum: TODAY } });
    await doTask(km, id, 'Eindgesprek', eindgesprek);
    const closed = await until(async () => {
      const z = await zaak(km, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.resultaat).toBe('betaald-werk');
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});
