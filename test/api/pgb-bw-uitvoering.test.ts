import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden as prbAanmelden, type Accounts } from '../scenarios/prb-support.ts';
import { TODAY, accounts, beoordeling, beschikt, betalingen, doTask, openTask, procesVariabelen, totAanvraagIngediend, until, wachtOpBetaling, zaak, WERKGEVER, BEGELEIDER } from '../scenarios/pgb-bw-support.ts';

/**
 * The named pgb bw uitvoering routes a klantmanager uses from the zaakdossier: what they pay,
 * what they refuse (400 with Dutch field messages, 409 outside the uitvoering) and that
 * nothing is published when they refuse.
 */
let srv: TestServer;
let a: Accounts;
let id: string;

interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}
interface Ontvangen {
  messageKey: string;
  verwerkt: boolean;
  dubbel: boolean;
}

const pad = (zaakId: string, wat: string) => `/api/zaken/${zaakId}/pgb-bw/${wat}`;
const gepubliceerd = async (zaakId: string) =>
  Number((await sql<{ n: number | string }>`select count(*) as n from engine_messages where correlation_key = ${zaakId}`.execute(srv.database.db)).rows[0]!.n);
const loonopgave = { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: 3, brutoLoonCent: 600_000 };
const dagen = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const datumNl = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
/** What the zaakdossier reads to offer the aan-de-beurt form (only while pre-financed and not yet aan de beurt). */
const pgbBw = async (c: ApiClient, zaakId: string) => (await c.get<{ pgbBw: { voorgefinancierd: boolean; aanDeBeurtOp: string | null } | null }>(`/api/zaken/${zaakId}`)).body.pgbBw;
const herindicatie = { datum: TODAY, uitkomst: 'indicatie-gewijzigd', toelichting: 'UWV: de klant heeft meer begeleiding nodig dan bij de toekenning.' };

beforeAll(async () => {
  srv = await startTestServer();
  a = await accounts(srv, 'helmond', 1);
  id = await totAanvraagIngediend(a);
});
afterAll(() => srv?.stop());

describe('pgb bw uitvoering from the zaakdossier', () => {
  it('refuses a loonopgave before the pgb bw is granted, and publishes nothing', async () => {
    await openTask(a.km, id, 'Beoordeling');
    const voor = await gepubliceerd(id);
    const r = await a.km.post<Problem>(pad(id, 'loonopgave'), loonopgave);
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('nog niet toegekend');
    expect(await gepubliceerd(id)).toBe(voor);

    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    await beschikt(a, id);
    await openTask(a.km, id, 'UitvoeringVolgen');
  });

  it('pays the werkgever for a loonopgave, pro rata for the period', async () => {
    const r = await a.km.post<Ontvangen>(pad(id, 'loonopgave'), loonopgave);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.dubbel).toBe(false);
    const [rij] = await wachtOpBetaling(srv, id, 1);
    // Helmond grants € 12.000 a year to the werkgever; three months is a quarter of it.
    expect(rij).toMatchObject({ payee_naam: WERKGEVER.naam, iban: WERKGEVER.iban, bedrag_cents: 300_000, verplichting_id: `${id}:werkgever` });
    // The ledger panel of the zaakdossier shows it.
    const z = await zaak(a.km, id);
    expect(z.budget).toMatchObject({ gereserveerdCents: 300_000 });
  });

  it('answers bad input with Dutch messages per field, and publishes nothing', async () => {
    const voor = await gepubliceerd(id);
    const r = await a.km.post<Problem>(pad(id, 'loonopgave'), { periodeVan: '1-1-2026', periodeTot: '2026-03-31', maanden: 0, brutoLoonCent: 12.5, opmerking: 'x' });
    expect(r.status).toBe(400);
    const fout = Object.fromEntries((r.body.errors ?? []).map((e) => [e.field, e.message]));
    expect(fout).toMatchObject({
      periodeVan: 'Vul de eerste dag van de periode in als JJJJ-MM-DD.',
      maanden: 'De periode is minstens 1 maand.',
      brutoLoonCent: 'Vul het betaalde brutoloon in hele centen in.',
      opmerking: 'Onbekend veld "opmerking".',
    });

    const omgekeerd = await a.km.post<Problem>(pad(id, 'loonopgave'), { ...loonopgave, periodeVan: '2026-04-01' });
    expect(omgekeerd.status).toBe(400);
    expect(omgekeerd.body.errors).toContainEqual({ field: 'periodeTot', message: 'De laatste dag van de periode ligt vóór de eerste dag.' });

    // A begeleidingsfactuur is checked against the granted hours, so it must state them.
    const jaarVoorKwartaal = await a.km.post<Problem>(pad(id, 'loonopgave'), { ...loonopgave, maanden: 12 });
    expect(jaarVoorKwartaal.status).toBe(400);
    expect(jaarVoorKwartaal.body.errors).toEqual([{ field: 'maanden', message: 'De periode loopt over 3 kalendermaanden; vul niet meer maanden in.' }]);

    const zonderUren = await a.km.post<Problem>(pad(id, 'factuur'), { onderdeel: 'begeleiding', bedragCents: 48_000, referentie: 'JB-9' });
    expect(zonderUren.status).toBe(400);
    expect(zonderUren.body.errors?.map((e) => e.field).sort()).toEqual(['uren', 'weken']);

    // A plaatsing before the contract is signed would pay nothing and never again (the diagram takes one).
    const plaatsing = await a.km.post<Problem>(pad(id, 'plaatsing'), { datum: TODAY, contractGetekend: false, werkgever: WERKGEVER.naam });
    expect(plaatsing.status).toBe(400);
    expect(plaatsing.body.errors).toContainEqual({ field: 'contractGetekend', message: 'Leg de plaatsing vast zodra de arbeidsovereenkomst is getekend; eerder betalen wij de jobfinding niet.' });

    const einde = await a.km.post<Problem>(pad(id, 'einde-dienstverband'), { reden: 'ontslag', einddatum: TODAY, toelichting: '' });
    expect(einde.status).toBe(400);
    expect(einde.body.errors).toContainEqual({ field: 'reden', message: 'Kies de reden van het einde.' });
    expect(einde.body.errors).toContainEqual({ field: 'toelichting', message: 'Vul een toelichting in.' });

    expect(await gepubliceerd(id)).toBe(voor);
    expect(await betalingen(srv, id)).toHaveLength(1);
  });

  it('pays an invoice registered twice (a double click) once', async () => {
    const factuur = { onderdeel: 'begeleiding', bedragCents: 48_000, referentie: 'JB-2026-001', uren: 8, weken: 4 };
    const eerste = await a.km.post<Ontvangen>(pad(id, 'factuur'), factuur);
    const tweede = await a.km.post<Ontvangen>(pad(id, 'factuur'), factuur);
    expect([eerste.status, tweede.status]).toEqual([202, 202]);
    expect([eerste.body.dubbel, tweede.body.dubbel]).toEqual([false, true]);
    expect(tweede.body.messageKey).toBe(eerste.body.messageKey);
    // The loop takes invoices in order: once the next one is booked, a second JB-2026-001 would have been too.
    await a.km.post<Ontvangen>(pad(id, 'factuur'), { ...factuur, referentie: 'JB-2026-002' });
    const rijen = await wachtOpBetaling(srv, id, 3);
    expect(rijen.filter((b) => b.payee_naam === BEGELEIDER.naam).map((b) => b.bedrag_cents)).toEqual([48_000, 48_000]);
    expect(rijen).toHaveLength(3);
  });

  it('tells the klantmanager why an invoice over the granted hours is not paid', async () => {
    const voor = (await betalingen(srv, id)).length;
    const r = await a.km.post<Ontvangen>(pad(id, 'factuur'), { onderdeel: 'begeleiding', bedragCents: 120_000, referentie: 'JB-TEVEEL', uren: 20, weken: 4 });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const bericht = await until(
      async () => (await a.km.get<{ onderwerp: string; tekst: string; zaakId: string | null }[]>('/api/berichten')).body.find((b) => b.zaakId === id && b.tekst.includes('JB-TEVEEL')),
      'bericht over de geweigerde factuur',
    );
    expect(bericht.onderwerp).toBe('Betaling niet gedaan');
    expect(bericht.tekst).toMatch(/niet betaald: De factuur noemt 20 uur begeleiding in 4 weken; toegekend is 2 uur per week/);
    expect(await betalingen(srv, id)).toHaveLength(voor);
  });

  it('refuses a zaak of another regeling with 409', async () => {
    const almere = await accounts(srv, 'almere', 1);
    const prb = await prbAanmelden(almere.klant);
    const voor = await gepubliceerd(prb);
    const r = await almere.km.post<Problem>(pad(prb, 'loonopgave'), loonopgave);
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('geen pgb begeleid werken');
    expect(await gepubliceerd(prb)).toBe(voor);
    // Its zaakdossier has no wachtlijst to show.
    expect(await pgbBw(almere.km, prb)).toBeNull();
  });

  it('refuses the klant (403) and hides the zaak from another gemeente (404)', async () => {
    expect((await a.klant.post(pad(id, 'loonopgave'), { ...loonopgave, periodeVan: '2026-04-01', periodeTot: '2026-06-30' })).status).toBe(403);
    const eindhoven = await ApiClient.as(srv.url, 'klantmanager.eindhoven');
    const r = await eindhoven.post<Problem>(pad(id, 'loonopgave'), { ...loonopgave, periodeVan: '2026-04-01', periodeTot: '2026-06-30' });
    expect(r.status).toBe(404);
    expect(await betalingen(srv, id)).toHaveLength(3);
  });

  it('answers a bad herindicatie or aan de beurt with Dutch messages per field, and publishes nothing', async () => {
    const voor = await gepubliceerd(id);
    const r = await a.km.post<Problem>(pad(id, 'herindicatie'), { datum: '31-12-2025', uitkomst: 'onbekend', toelichting: ' ', bijlage: 'x' });
    expect(r.status).toBe(400);
    expect(Object.fromEntries((r.body.errors ?? []).map((e) => [e.field, e.message]))).toEqual({
      datum: 'Vul de datum van de herindicatie in als JJJJ-MM-DD.',
      uitkomst: 'Kies wat de herindicatie zegt: de Wsw-indicatie blijft, is gewijzigd of is vervallen.',
      toelichting: 'Vul een toelichting in.',
      bijlage: 'Onbekend veld "bijlage".',
    });
    // A herindicatie is registered once received: its date cannot lie ahead.
    const toekomst = await a.km.post<Problem>(pad(id, 'herindicatie'), { ...herindicatie, datum: dagen(TODAY, 1) });
    expect(toekomst.status).toBe(400);
    expect(toekomst.body.errors).toEqual([{ field: 'datum', message: 'De datum van de herindicatie ligt in de toekomst. Leg een herindicatie vast als u die heeft ontvangen.' }]);

    const beurt = await a.km.post<Problem>(pad(id, 'aan-de-beurt'), { datum: 'volgende week' });
    expect(beurt.status).toBe(400);
    expect(beurt.body.errors).toEqual([{ field: 'datum', message: 'Vul de datum waarop de klant aan de beurt is in als JJJJ-MM-DD.' }]);
    expect(await gepubliceerd(id)).toBe(voor);
  });

  it('registers a herindicatie; the klantmanager gets the task to judge its consequences', async () => {
    const r = await a.km.post<Ontvangen>(pad(id, 'herindicatie'), herindicatie);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ verwerkt: true, dubbel: false });
    const taak = (await openTask(a.km, id, 'Herindicatie')) as { name?: string | null };
    expect(taak.name).toBe('Gevolgen herindicatie beoordelen');
    expect((await procesVariabelen(srv, id)).herindicatie).toEqual({ ...herindicatie, ingediendDoor: 'klantmanager.helmond' });
    await doTask(a.km, id, 'Herindicatie', { herindicatieBeoordeling: { uitkomst: 'ongewijzigd', toelichting: 'De uren passen nog binnen de toekenning.' } });
  });

  it('refuses aan de beurt when the Wsw budget already pays (no pre-financing), and publishes nothing', async () => {
    // This Helmond klant was not on the wachtlijst: financiering { bron: wsw-budget }.
    // The zaakdossier knows it too, so it does not offer the form; the klant's own view carries none of it.
    expect(await pgbBw(a.km, id)).toEqual({ voorgefinancierd: false, aanDeBeurtOp: null });
    expect(await pgbBw(a.klant, id)).toBeNull();
    const voor = await gepubliceerd(id);
    const r = await a.km.post<Problem>(pad(id, 'aan-de-beurt'), { datum: TODAY });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('al uit het Wsw-budget betaald');
    expect(await gepubliceerd(id)).toBe(voor);
  });

  it('ends the uitvoering on einde dienstverband; a later loonopgave is refused with 409', async () => {
    const r = await a.km.post<Ontvangen>(pad(id, 'einde-dienstverband'), { reden: 'einde-dienstverband', einddatum: TODAY, toelichting: 'De werkgever heeft het contract niet verlengd.' });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.verwerkt).toBe(true);
    await openTask(a.km, id, 'Overdracht');
    const laat = await a.km.post<Problem>(pad(id, 'loonopgave'), { ...loonopgave, periodeVan: '2026-04-01', periodeTot: '2026-06-30' });
    expect(laat.status).toBe(409);
    expect(laat.body.detail).toContain('beëindigd');
    await until(async () => ((await zaak(a.km, id)).fase === 'einde' ? true : null), 'fase einde');
    const voor = await gepubliceerd(id);
    for (const [wat, body] of [['herindicatie', { ...herindicatie, uitkomst: 'indicatie-vervallen' }], ['aan-de-beurt', { datum: TODAY }]] as const) {
      const r = await a.km.post<Problem>(pad(id, wat), body);
      expect(r.status, wat).toBe(409);
      expect(r.body.detail).toContain('beëindigd');
    }
    expect(await gepubliceerd(id)).toBe(voor);
  });
});

describe('pgb bw: the klant on the Eindhoven wachtlijst comes aan de beurt', () => {
  const loonwaarde = { loonwaardebepaling: { methode: 'activa', loonwaardeProcent: 60, datum: TODAY, beoordelaar: 'Bureau Loonwaarde Zuid', onafhankelijk: true } };
  let e: Accounts;
  let wacht: string;
  const wisseldatum = async () => ((await procesVariabelen(srv, wacht)).financiering as { bron: string; wisseldatum: string | null }).wisseldatum;

  it('refuses aan de beurt before the pgb bw is granted, and publishes nothing', async () => {
    e = await accounts(srv, 'eindhoven', 2);
    wacht = await totAanvraagIngediend(e, { aanmelding: { status: 'wachtlijst', beschikbaarVoorArbeid: 'ja', aanDeBeurt: 'nee' } });
    await openTask(e.km, wacht, 'Loonwaarde');
    const voor = await gepubliceerd(wacht);
    const r = await e.km.post<Problem>(pad(wacht, 'aan-de-beurt'), { datum: TODAY });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('nog niet toegekend');
    expect(await gepubliceerd(wacht)).toBe(voor);

    await doTask(e.km, wacht, 'Loonwaarde', loonwaarde);
    await doTask(e.km, wacht, 'Beoordeling', beoordeling('toekennen'));
    await beschikt(e, wacht);
    await openTask(e.km, wacht, 'UitvoeringVolgen');
    expect((await procesVariabelen(srv, wacht)).financiering).toEqual({ bron: 'participatiebudget', wisseldatum: null });
    // Pre-financed and not yet aan de beurt: the zaakdossier offers the form.
    expect(await pgbBw(e.km, wacht)).toEqual({ voorgefinancierd: true, aanDeBeurtOp: null });
  });

  it('refuses a date before the start of the pgb bw with a Dutch field message', async () => {
    const voor = await gepubliceerd(wacht);
    const r = await e.km.post<Problem>(pad(wacht, 'aan-de-beurt'), { datum: dagen(TODAY, -1) });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'datum', message: `Het pgb begeleid werken loopt vanaf ${datumNl(TODAY)}. Was de klant toen al aan de beurt, vul dan die datum in.` }]);
    expect(await gepubliceerd(wacht)).toBe(voor);
  });

  it('switches the financiering to the Wsw budget from the date the klant is aan de beurt', async () => {
    const datum = dagen(TODAY, 90);
    const r = await e.km.post<Ontvangen>(pad(wacht, 'aan-de-beurt'), { datum });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ verwerkt: true, dubbel: false });
    await until(async () => (await wisseldatum()) === datum, 'financiering gewisseld');
    expect((await procesVariabelen(srv, wacht)).financiering).toEqual({ bron: 'participatiebudget', wisseldatum: datum });
    // The zaakdossier now shows the date instead of the form.
    expect(await pgbBw(e.km, wacht)).toEqual({ voorgefinancierd: true, aanDeBeurtOp: datum });

    // The same registration again (a double click) changes nothing, as on the other forms.
    const nogmaals = await e.km.post<Ontvangen>(pad(wacht, 'aan-de-beurt'), { datum });
    expect(nogmaals.status).toBe(202);
    expect(nogmaals.body).toMatchObject({ dubbel: true, messageKey: r.body.messageKey });
  });

  it('refuses a second aan de beurt with another date (the process takes one) and publishes nothing', async () => {
    const voor = await gepubliceerd(wacht);
    const r = await e.km.post<Problem>(pad(wacht, 'aan-de-beurt'), { datum: dagen(TODAY, 30) });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain(`De klant is al aan de beurt gemeld op ${datumNl(dagen(TODAY, 90))}.`);
    expect(await gepubliceerd(wacht)).toBe(voor);
    expect(await wisseldatum()).toBe(dagen(TODAY, 90));
  });
});
