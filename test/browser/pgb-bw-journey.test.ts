/**
 * The pgb bw aanvraag in Eindhoven in Chromium (issue 8): the klant applies, the klantmanager
 * holds the oriëntatiegesprek, the klant fills the aanvraag with the bijlage werkgever and the
 * bijlage begeleidingsorganisatie and three signatures, the klantmanager records the mandatory
 * loonwaardebepaling and grants; the klant sees the beschikking and the budget. axe: no serious
 * or critical violations on every form. Steps share one zaak and run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser } from '../support/browser.ts';
import { choose, field, group, Sessions, tick } from './journey-support.ts';
import { expectAccessible, h1, openTaskFromQueue, shot, waitForZaakTask } from './screens-support.ts';

const KLANT = 'klant3.eindhoven';
const KM = 'klantmanager.eindhoven';
const vandaag = new Date().toISOString().slice(0, 10);

let server: TestServer;
let browser: Browser;
const sessions = new Sessions(() => browser, () => server.url);
let zaak: { id: string; identificatie: string } | undefined;

beforeAll(async () => {
  await ensureUiBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await sessions.closeAll();
  await browser?.close();
  await server?.stop();
});

const pageAs = (username: string, path?: string) => sessions.pageAs(username, path);

function deZaak() {
  if (!zaak) throw new Error('De aanmelding is niet gelukt; de volgende stappen hebben geen zaak.');
  return zaak;
}


describe('pgb bw in Eindhoven: de aanvraag met de bijlagen van werkgever en begeleidingsorganisatie, in de browser', () => {
  it('1. de klant meldt zich aan', async () => {
    const page = await pageAs(KLANT);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regelingen' }).click();
    await h1(page, 'Regelingen').waitFor();
    await page.getByRole('link', { name: /Alles over persoonsgebonden budget begeleid werken/ }).click();
    await page.getByRole('button', { name: 'Aanvragen', exact: true }).click();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Aanvraag versturen' }) });
    await field(form, 'Naam').fill('Joost van Beek');
    await field(form, 'Burgerservicenummer').fill('111222333');
    await choose(form, 'Heeft u een geldige Wsw-indicatie?', 'Ja');
    await choose(form, 'Welke indicatie heeft u?', 'Matig of licht (basisbudget)');
    await choose(form, 'Waar werkt u nu?', 'In het sw-bedrijf');
    await choose(form, 'Werkt u al begeleid bij een gewone werkgever?', 'Nee');
    await field(form, 'Waarom wilt u met een pgb begeleid werken?').fill('Ik wil bij een gewone werkgever werken, met een jobcoach die ik zelf kies.');
    await group(form, 'Met welke instanties heeft u nu contact?').getByRole('checkbox', { name: 'Sw-bedrijf' }).check();
    await field(form, 'Hoe hoorde u van het pgb bw?').selectOption({ label: 'Brief met antwoordstrook' });
    await tick(form, 'Ik geef toestemming om mijn gegevens voor deze aanvraag te gebruiken');
    await expectAccessible(page);
    await shot(page, 'pgb-bw-aanmelding');
    await form.getByRole('button', { name: 'Aanvraag versturen' }).click();

    await h1(page, 'Mijn traject').waitFor();
    const flash = page.getByText(/Uw aanvraag voor .* is ontvangen \(zaaknummer [^)]+\)/);
    await flash.waitFor();
    const identificatie = /zaaknummer ([^)]+)\)/.exec((await flash.textContent()) ?? '')![1]!;
    const zaken = (await (await ApiClient.as(server.url, KLANT)).get<{ id: string; identificatie: string }[]>('/api/zaken')).body;
    const found = zaken.find((z) => z.identificatie === identificatie);
    expect(found).toBeDefined();
    zaak = { id: found!.id, identificatie };
  });

  it('2. de klantmanager voert het oriëntatiegesprek', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KM, z.id, 'Oriëntatiegesprek voeren');
    const page = await pageAs(KM, '/werkvoorraad');
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Oriëntatiegesprek voeren', z.identificatie);
    await field(page, 'Datum gesprek').fill(vandaag);
    await field(page, 'Bevindingen').fill('Gemotiveerd; kent de gevolgen van het verlaten van de Wsw-cao.');
    await choose(page, 'Wil de klant doorgaan met een aanvraag?', 'Ja, de klant stelt een aanvraag op');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Oriëntatiegesprek voeren" is afgerond.').waitFor();
  });

  it('3. de klant stelt de aanvraag op met de bijlage werkgever en de bijlage begeleidingsorganisatie, door drie ondertekend', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KLANT, z.id, 'Aanvraag met bijlagen opstellen');
    const page = await pageAs(KLANT, '/mijn-traject');
    await h1(page, 'Mijn traject').waitFor();
    await page.getByRole('link', { name: 'Aanvraag met bijlagen opstellen' }).first().click();
    await h1(page, 'Aanvraag met bijlagen opstellen').waitFor();

    const plan = group(page, 'Uw plan');
    await field(plan, 'Wat is uw doel en welk werk gaat u doen?').fill('Ik ga werken als magazijnmedewerker bij Van Dijk.');
    await field(plan, 'Beoogde startdatum').fill(vandaag);
    await choose(plan, 'Wie hielp u bij deze aanvraag?', 'Niemand');

    const wg = group(page, 'Bijlage werkgever (in te vullen door of met de werkgever)');
    await field(wg, 'Naam werkgever').fill('Groothandel Van Dijk');
    await field(wg, 'KvK-nummer').fill('12345678');
    await field(wg, 'IBAN van de werkgever').fill('NL91ABNA0417164300');
    await field(wg, 'Functieomschrijving').fill('Magazijnmedewerker: orders verzamelen en inpakken.');
    await field(wg, 'Duur van de arbeidsovereenkomst (maanden)').fill('12');
    await field(wg, 'Uren per week').fill('32');
    await field(wg, 'Dagdelen per werkdag').fill('2');
    await field(wg, 'Bruto cao-loon per jaar').fill('24.000,00');
    await field(wg, 'Werkgeverslasten per jaar').fill('6.000,00');
    await tick(wg, 'Het salaris is volgens de geldende cao');
    await tick(wg, 'De werkplek voldoet aan de Arbo-normen');
    await field(wg, 'Voorgestelde vergoeding voor de werkgever per jaar').fill('12.000,00');

    const bo = group(page, 'Bijlage begeleidingsorganisatie (in te vullen door of met de begeleidingsorganisatie)');
    await field(bo, 'Naam begeleidingsorganisatie').fill('Jobcoach Brabant');
    await field(bo, 'KvK-nummer').fill('87654321');
    await field(bo, 'IBAN van de begeleidingsorganisatie').fill('NL44RABO0123456789');
    await tick(bo, 'Gekwalificeerd voor de begeleiding van deze Wsw-er');
    await tick(bo, 'Aantoonbare kennis en ervaring in het werkveld');
    await field(bo, 'Begeleiding (uren per week)').fill('2');
    await field(bo, 'Uurtarief begeleiding').fill('55,00');
    await tick(bo, 'De begeleidingsorganisatie vraagt een vergoeding voor jobfinding (no cure no pay)');
    await field(bo, 'Gevraagde vergoeding jobfinding (inclusief btw)').fill('3.000,00');

    for (const [partij, naam] of [['Ondertekening klant', 'Joost van Beek'], ['Ondertekening werkgever', 'P. van Dijk'], ['Ondertekening begeleidingsorganisatie', 'M. Jansen']] as const) {
      const g = group(page, partij);
      await field(g, 'Naam').fill(naam);
      await field(g, 'Datum').fill(vandaag);
    }
    await expectAccessible(page);
    await shot(page, 'pgb-bw-aanvraag');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Dank u wel. "Aanvraag met bijlagen opstellen" is verstuurd.').waitFor();
  });

  it('4. de klantmanager legt de verplichte loonwaardebepaling vast en kent toe; jobfinding is beperkt tot € 2.500', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KM, z.id, 'Loonwaardebepaling vastleggen');
    const page = await pageAs(KM, '/werkvoorraad');
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Loonwaardebepaling vastleggen', z.identificatie);
    await choose(page, 'Methode', 'Activa (competenties)');
    await field(page, 'Loonwaarde (% van het volledige loon)').fill('60');
    await field(page, 'Datum bepaling').fill(vandaag);
    await field(page, 'Beoordelaar').fill('Bureau Loonwaarde Zuid');
    await tick(page, 'De beoordelaar is onafhankelijk van werkgever en begeleidingsorganisatie');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Loonwaardebepaling vastleggen" is afgerond.').waitFor();

    await waitForZaakTask(server.url, KM, z.id, 'Aanvraag beoordelen');
    await page.reload();
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Aanvraag beoordelen', z.identificatie);
    // The budget as Regie composed it: jobfinding capped at € 2.500, uitvoeringskosten € 5.500 first.
    await page.getByText(/jobfinding ten hoogste € 2\.500,00/).waitFor();
    await page.getByText(/min uitvoeringskosten € 5\.500,00/).waitFor();
    await choose(page, 'Is de functie passend voor de klant?', 'Ja');
    await choose(page, 'Advies', 'Toekennen');
    await field(page, 'Motivering').fill('De werkplek is passend en het plan voldoet aan de verordening.');
    await expectAccessible(page);
    await shot(page, 'pgb-bw-beoordeling');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Aanvraag beoordelen" is afgerond.').waitFor();
  });

  it('5. de klant ziet de beschikking en het budget bij de zaak', async () => {
    const z = deZaak();
    const klant = await ApiClient.as(server.url, KLANT);
    const end = Date.now() + 15_000;
    let detail: { budget: { toegekendCents: number } | null; documenten: { soort: string }[] } | undefined;
    while (Date.now() < end) {
      detail = (await klant.get<typeof detail>(`/api/zaken/${z.id}`)).body;
      if (detail?.documenten.some((d) => d.soort === 'beschikking')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Werkgever € 12.000 + begeleiding 2 × € 55 × 52 + jobfinding € 2.500: within € 26.000 − € 5.500, so no discretionary besluit.
    expect(detail?.budget?.toegekendCents).toBe(1_200_000 + 572_000 + 250_000);
    const page = await pageAs(KLANT, `/mijn-traject/zaken/${z.id}`);
    await page.getByText(/beschikking/i).first().waitFor();
    await expectAccessible(page);
    await shot(page, 'pgb-bw-mijn-zaak');
  });

  it('6. de klantmanager legt in het zaakdossier een loonopgave vast; de vergoeding voor de werkgever staat bij de betalingen', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KM, z.id, 'Pgb bw volgen');
    const page = await pageAs(KM, `/zaken/${z.id}`);
    const paneel = page.getByRole('region', { name: 'Uitvoering pgb bw' });
    await paneel.waitFor();
    const form = paneel.getByRole('form', { name: 'Loonopgave van de werkgever' });
    // Without input: the error summary names the fields and nothing is sent.
    await form.getByRole('button', { name: 'Loonopgave vastleggen' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Loonopgave van de werkgever: niet vastgelegd' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);
    await expectAccessible(page);

    const kwartaalEinde = new Date(Date.now() + 89 * 86_400_000).toISOString().slice(0, 10);
    await field(form, 'Eerste dag van de periode').fill(vandaag);
    await field(form, 'Laatste dag van de periode').fill(kwartaalEinde);
    await field(form, 'Aantal maanden van de periode').fill('3');
    await field(form, 'Betaald brutoloon over de periode').fill('6.000,00');
    await form.getByRole('button', { name: 'Loonopgave vastleggen' }).click();
    await form.getByText(/De loonopgave is ontvangen/).waitFor();
    // A quarter of the € 12.000 a year for the werkgever; above € 1.000 it waits for finance.
    const betalingen = page.getByRole('region', { name: 'Budget en betalingen' });
    await betalingen.getByRole('row').filter({ hasText: 'Groothandel Van Dijk' }).filter({ hasText: '€ 3.000,00' }).waitFor({ timeout: 15_000 });
    await expectAccessible(page);
    await shot(page, 'pgb-bw-uitvoering');
  });

  it('7. de klantmanager legt een ontvangen herindicatie vast; de taak om de gevolgen te beoordelen staat bij Open taken', async () => {
    const z = deZaak();
    const page = await pageAs(KM, `/zaken/${z.id}`);
    const form = page.getByRole('region', { name: 'Uitvoering pgb bw' }).getByRole('form', { name: 'Herindicatie ontvangen' });
    await field(form, 'Datum van de herindicatie').fill(vandaag);
    await choose(form, 'Wat zegt de herindicatie?', 'De indicatie is gewijzigd');
    await field(form, 'Toelichting').fill('UWV: de klant heeft meer begeleiding nodig.');
    await form.getByRole('button', { name: 'Herindicatie vastleggen' }).click();
    await form.getByText(/De herindicatie is vastgelegd/).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Open taken' }).getByRole('link', { name: 'Gevolgen herindicatie beoordelen' }).waitFor({ timeout: 15_000 });
    await expectAccessible(page);
  });

  it('8. de klantmanager legt het einde van het dienstverband vast; het paneel maakt plaats voor de bevestiging en de overdracht', async () => {
    const z = deZaak();
    const page = await pageAs(KM, `/zaken/${z.id}`);
    const paneel = page.getByRole('region', { name: 'Uitvoering pgb bw' });
    const form = paneel.getByRole('form', { name: 'Einde dienstverband' });
    await choose(form, 'Reden', 'Het dienstverband is beëindigd');
    await field(form, 'Einddatum').fill(vandaag);
    await field(form, 'Toelichting').fill('De werkgever heeft het contract niet verlengd.');
    await form.getByRole('button', { name: 'Einde vastleggen' }).click();
    await paneel.getByText('Het einde van het pgb begeleid werken is vastgelegd.').waitFor({ timeout: 15_000 });
    expect(await paneel.getByRole('form').count()).toBe(0);
    await page.getByRole('region', { name: 'Open taken' }).getByRole('link', { name: 'Overdragen aan het sw-bedrijf' }).waitFor({ timeout: 15_000 });
    await expectAccessible(page);
  });
});
