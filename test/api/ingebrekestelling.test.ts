import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { insertZaak, insertZaakEvent } from '../support/zaak-rows.ts';

interface Dwangsom {
  ingebrekestellingOntvangen: string;
  status: string;
  eersteDag: string | null;
  dagen: number;
  bedragCent: number;
  maximumCent: number;
}
interface Zaak {
  klok: { status: string; uiterlijkeEinddatumAfdoening: string; dwangsom: Dwangsom | null };
  tijdlijn: Array<{ zin: string }>;
}
interface Fout {
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

let srv: TestServer;
let today: string;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
  today = todayInAmsterdam(new Date());
});
afterAll(() => srv?.stop());

/** A running prb zaak received on `startdatum` (P8W beslistermijn), or a decided one. */
function zaak(tenantId: string, startdatum: string, status: 'in-behandeling' | 'besloten' = 'in-behandeling'): Promise<string> {
  return insertZaak(srv.database.db, { tenantId, startdatum, status });
}

const events = (zaakId: string) => srv.database.db.selectFrom('zaak_events').select(['type', 'data', 'actor']).where('zaak_id', '=', zaakId).execute();

/** Awb 4:17 lid 2, written out: €23 a day for days 1–14, €35 for 15–28, €45 for 29–42. */
const wettelijkBedrag = (dagen: number) => Math.min(dagen, 14) * 2300 + Math.max(0, Math.min(dagen, 28) - 14) * 3500 + Math.max(0, Math.min(dagen, 42) - 28) * 4500;

describe('POST /api/zaken/:id/ingebrekestelling (Awb 4:17)', () => {
  it('registers a received ingebrekestelling on an overdue zaak; the clock says when the dwangsom starts', async () => {
    const id = await zaak('almere', addDays(today, -70));
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.post<Zaak>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: addDays(today, -3), toelichting: 'Brief van de klant' });
    expect(res.status).toBe(200);
    expect(res.body.klok.status).toBe('termijn-verlopen');
    expect(res.body.klok.dwangsom).toMatchObject({ ingebrekestellingOntvangen: addDays(today, -3), status: 'nog-niet-verbeurd', dagen: 0, bedragCent: 0, maximumCent: 144_200 });
    // Two weeks after the receipt (longer when they end on a rest day, Atw), from the day after.
    expect(res.body.klok.dwangsom!.eersteDag! > addDays(today, 11)).toBe(true);
    expect(res.body.tijdlijn.map((t) => t.zin)).toContainEqual(expect.stringContaining('heeft een ingebrekestelling geregistreerd'));
    const ev = (await events(id)).filter((e) => e.type === 'zaak.ingebrekestelling-ontvangen');
    expect(ev).toHaveLength(1);
    expect(JSON.parse(ev[0]!.data)).toEqual({ ontvangen: addDays(today, -3), toelichting: 'Brief van de klant' });
    expect(ev[0]!.actor).toBe('klantmanager.almere');

    // An effective one is there: a second changes nothing in law and nothing here.
    const tweede = await km.post<Fout>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: today });
    expect(tweede.status).toBe(409);
    expect(tweede.body.detail).toMatch(/^Er is al een ingebrekestelling ontvangen op \d+ \w+ \d{4}; de dwangsom loopt op basis daarvan\.$/);
    expect((await events(id)).filter((e) => e.type === 'zaak.ingebrekestelling-ontvangen')).toHaveLength(1);
  });

  it('counts the dwangsom by the bands of the law once the two weeks have passed', async () => {
    const id = await zaak('almere', addDays(today, -110));
    const beslisser = await ApiClient.as(srv.url, 'beslisser.almere');
    const res = await beslisser.post<Zaak>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: addDays(today, -35) });
    expect(res.status).toBe(200);
    const d = res.body.klok.dwangsom!;
    expect(d.status).toBe('loopt');
    // 35 days ago + two weeks (Atw can add at most a few days) → 18 to 21 days accrued today.
    expect(d.dagen).toBeGreaterThanOrEqual(16);
    expect(d.dagen).toBeLessThanOrEqual(21);
    expect(d.bedragCent).toBe(wettelijkBedrag(d.dagen));

    // The manager sees it per regeling, and on the zaak in the list of zaken over the term.
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const cijfers = await manager.get<{ regelingen: Array<{ regeling: string; dwangsom: { lopend: number; lopendCent: number } }> }>('/api/doorlooptijden');
    const prb = cijfers.body.regelingen.find((r) => r.regeling === 'prb')!;
    expect(prb.dwangsom.lopend).toBeGreaterThanOrEqual(1);
    expect(prb.dwangsom.lopendCent).toBeGreaterThanOrEqual(d.bedragCent);
    const lijst = await manager.get<{ zaken: Array<{ id: string; dwangsomCent: number | null }> }>('/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn');
    expect(lijst.body.zaken.find((z) => z.id === id)!.dwangsomCent).toBe(d.bedragCent);
  });

  it('shows the manager what a late besluit cost: the dwangsom accrued until the bekendmaking', async () => {
    const id = await zaak('almere', addDays(today, -120), 'besloten');
    await insertZaakEvent(srv.database.db, 'almere', id, 'zaak.ingebrekestelling-ontvangen', { ontvangen: addDays(today, -60) });
    await insertZaakEvent(srv.database.db, 'almere', id, 'zaak.besluit-bekendgemaakt', { verzenddatum: addDays(today, -20) });
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const cijfers = await manager.get<{ regelingen: Array<{ regeling: string; dwangsom: { besloten: number; beslotenCent: number } }> }>(
      `/api/doorlooptijden?van=${addDays(today, -21)}&tot=${today}`,
    );
    const prb = cijfers.body.regelingen.find((r) => r.regeling === 'prb')!;
    expect(prb.dwangsom.besloten).toBe(1);
    // Received 60 days ago, two weeks (plus Atw), then dwangsom up to the day before the besluit 20 days ago.
    expect(prb.dwangsom.beslotenCent).toBeGreaterThanOrEqual(wettelijkBedrag(21));
    expect(prb.dwangsom.beslotenCent).toBeLessThanOrEqual(wettelijkBedrag(26));
    const lijst = await manager.get<{ zaken: Array<{ id: string; dwangsomCent: number | null }> }>(
      `/api/doorlooptijden/zaken?regeling=prb&categorie=besloten-buiten-termijn&van=${addDays(today, -21)}`,
    );
    expect(lijst.body.zaken.map((z) => [z.id, z.dwangsomCent])).toEqual([[id, prb.dwangsom.beslotenCent]]);
  });

  it('registers one received before the term ended as voorbarig (no dwangsom), and then accepts a later one', async () => {
    const id = await zaak('almere', addDays(today, -10));
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.post<Zaak>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: addDays(today, -1) });
    expect(res.status).toBe(200);
    expect(res.body.klok.dwangsom).toMatchObject({ status: 'voorbarig', eersteDag: null, bedragCent: 0 });
    const opnieuw = await km.post<Zaak>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: today });
    expect(opnieuw.status).toBe(200);
    expect(opnieuw.body.klok.dwangsom).toMatchObject({ ingebrekestellingOntvangen: today, status: 'voorbarig' });
  });

  it('refuses, in Dutch and without a trace, a decided zaak, a date in the future or before the aanvraag, and a date that is none', async () => {
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const besloten = await zaak('almere', addDays(today, -70), 'besloten');
    const r1 = await km.post<Fout>(`/api/zaken/${besloten}/ingebrekestelling`, { ontvangen: today });
    expect(r1.status).toBe(409);
    expect(r1.body.detail).toBe('Op deze zaak is al besloten; een ingebrekestelling heeft dan geen gevolg meer.');

    const id = await zaak('almere', addDays(today, -70));
    const r2 = await km.post<Fout>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: addDays(today, 1) });
    expect(r2.status).toBe(409);
    expect(r2.body.detail).toBe('De ontvangstdatum ligt in de toekomst. Vul de dag in waarop de brief binnenkwam.');
    const r3 = await km.post<Fout>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: addDays(today, -71) });
    expect(r3.status).toBe(409);
    expect(r3.body.detail).toMatch(/^De ontvangstdatum ligt vóór de ontvangst van de aanvraag \(/);
    const r4 = await km.post<Fout>(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: '31-12-2026' });
    expect(r4.status).toBe(400);
    expect(r4.body.errors).toContainEqual({ field: 'ontvangen', message: 'Vul een datum in als JJJJ-MM-DD.' });
    for (const b of [besloten, id]) expect((await events(b)).filter((e) => e.type === 'zaak.ingebrekestelling-ontvangen')).toHaveLength(0);
  });

  it("is for the gemeente's klantmanager and beslisser only: not the klant, not another gemeente", async () => {
    const id = await zaak('almere', addDays(today, -70));
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    expect((await klant.post(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: today })).status).toBe(403);
    const breda = await ApiClient.as(srv.url, 'klantmanager.breda');
    expect((await breda.post(`/api/zaken/${id}/ingebrekestelling`, { ontvangen: today })).status).toBe(404);
    expect((await events(id)).filter((e) => e.type === 'zaak.ingebrekestelling-ontvangen')).toHaveLength(0);
  });
});

describe('POST /api/zaken/:id/dwangsom-vaststelling (Awb 4:18)', () => {
  it('fixes the amount the law gives once the besluit is out, tells the klant, and only once', async () => {
    const id = await zaak('almere', addDays(today, -120), 'besloten');
    await insertZaakEvent(srv.database.db, 'almere', id, 'zaak.ingebrekestelling-ontvangen', { ontvangen: addDays(today, -60) });
    await insertZaakEvent(srv.database.db, 'almere', id, 'zaak.besluit-bekendgemaakt', { verzenddatum: addDays(today, -5) });
    const beslisser = await ApiClient.as(srv.url, 'beslisser.almere');
    const voor = (await beslisser.get<Zaak & { klok: { dwangsom: Dwangsom & { vaststellenUiterlijk: string | null } } }>(`/api/zaken/${id}`)).body.klok.dwangsom;
    expect(voor.status).toBe('beeindigd');
    expect(voor.bedragCent).toBe(wettelijkBedrag(voor.dagen));
    // Two weeks after the last day owed (the day before the besluit), later when they end on a rest day.
    expect(voor.vaststellenUiterlijk! >= addDays(today, 8)).toBe(true);
    expect(voor.vaststellenUiterlijk! <= addDays(today, 12)).toBe(true);

    const res = await beslisser.post<{ klok: { dwangsom: { vastgesteld: { datum: string; bedragCent: number } | null } } }>(`/api/zaken/${id}/dwangsom-vaststelling`, {});
    expect(res.status).toBe(200);
    expect(res.body.klok.dwangsom.vastgesteld).toEqual({ datum: today, bedragCent: voor.bedragCent });
    const klant = await ApiClient.as(srv.url, 'klant1.almere');
    const berichten = (await klant.get<Array<{ onderwerp: string; tekst: string }>>('/api/berichten')).body.filter((b) => b.onderwerp === 'De dwangsom is vastgesteld');
    expect(berichten).toHaveLength(1);
    expect(berichten[0]!.tekst).toContain('artikel 4:18 Awb');

    const nogmaals = await beslisser.post<Fout>(`/api/zaken/${id}/dwangsom-vaststelling`, {});
    expect(nogmaals.status).toBe(409);
    expect(nogmaals.body.detail).toMatch(/^De dwangsom is al vastgesteld op /);
    expect((await events(id)).filter((e) => e.type === 'zaak.dwangsom-vastgesteld')).toHaveLength(1);
  });

  it('refuses while the dwangsom still runs or when none is owed, and is for the beslisser only', async () => {
    const beslisser = await ApiClient.as(srv.url, 'beslisser.almere');
    const loopt = await zaak('almere', addDays(today, -110));
    await insertZaakEvent(srv.database.db, 'almere', loopt, 'zaak.ingebrekestelling-ontvangen', { ontvangen: addDays(today, -35) });
    const r1 = await beslisser.post<Fout>(`/api/zaken/${loopt}/dwangsom-vaststelling`, {});
    expect(r1.status).toBe(409);
    expect(r1.body.detail).toBe('De dwangsom loopt nog. U stelt hem vast na het besluit, of als het maximum van 42 dagen is bereikt.');
    const geen = await zaak('almere', addDays(today, -70));
    const r2 = await beslisser.post<Fout>(`/api/zaken/${geen}/dwangsom-vaststelling`, {});
    expect(r2.status).toBe(409);
    expect(r2.body.detail).toBe('Op deze zaak is geen dwangsom verschuldigd.');
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    expect((await km.post(`/api/zaken/${loopt}/dwangsom-vaststelling`, {})).status).toBe(403);
    for (const z of [loopt, geen]) expect((await events(z)).filter((e) => e.type === 'zaak.dwangsom-vastgesteld')).toHaveLength(0);
  });
});
