/**
 * The full prb journey in Almere in Chromium, with the real prb process and the
 * demo accounts logging in through the login page (issue 8, "Browser tests"):
 *
 *   klant applies (Regelingen → Aanvragen → aanmelding form)
 *   → klantmanager: intake and oriëntatie from the werkvoorraad
 *   → klant: trajectplan with two activities and two begroting lines
 *   → klantmanager: beoordeling → the same klantmanager, also beslisser, is refused the
 *     besluit (four eyes) → beslisser: besluit
 *   → klant: beschikking (PDF) and budget in Mijn zaak
 *   → klant: factuur → financieel: goedkeuren → klant: the payment in the budget.
 *
 * Steps share one zaak and run in order. Screenshots go to docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser, login, newContext } from '../support/browser.ts';
import { choose, field, label, Sessions } from './journey-support.ts';
import { expectAccessible, h1, openTaskFromQueue, shot, waitForZaakTask } from './screens-support.ts';

const KLANT = 'klant1.almere';
const KM = 'klantmanager.almere';
const BESLISSER = 'beslisser.almere';
const FIN = 'financieel.almere';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const ROC = { naam: 'ROC Flevoland', kvk: '12345678', iban: 'NL91ABNA0417164300' };
const COACH = { naam: 'Coachpraktijk Almere', kvk: '87654321', iban: 'NL44RABO0123456789' };

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

function deZaak(): { id: string; identificatie: string } {
  if (!zaak) throw new Error('De aanvraag is niet gelukt; de volgende stappen hebben geen zaak.');
  return zaak;
}


/** Reloads until the locator shows up: the process works asynchronously after a task. */
async function reloadUntilVisible(page: Page, target: Locator, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 500 });
      return;
    } catch {
      if (Date.now() > end) throw new Error(`niet verschenen: ${what}`);
      await page.reload();
    }
  }
}

describe('prb in Almere, de hele reis in de browser', () => {
  it('1. de klant vraagt het prb aan met het aanmeldformulier', async () => {
    const page = await pageAs(KLANT);
    await h1(page, 'Mijn traject').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regelingen' }).click();
    await h1(page, 'Regelingen').waitFor();
    await page.getByRole('link', { name: /Alles over/ }).first().click();
    await page.getByRole('button', { name: 'Aanvragen', exact: true }).click();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Aanvraag versturen' }) });
    await field(form, 'Uw naam').fill('Fatima el Amrani');
    await field(form, 'Uw burgerservicenummer (BSN)').fill('111222333');
    await field(form, 'Uw geboortedatum').fill('1980-03-14');
    await field(form, 'Uw e-mailadres').fill('fatima@example.nl');
    await field(form, 'Uw postcode').fill('1315 AB');
    await field(form, 'Uw huisnummer').fill('12');
    await choose(form, 'Welke uitkering heeft u?', 'Bijstand (Participatiewet)');
    await field(form, 'Sinds wanneer heeft u deze uitkering?').fill('2024-01-01');
    await choose(form, 'Volgt u nu al een ander re-integratietraject?', 'Nee');
    await choose(form, 'Bent u beschikbaar voor betaald werk?', 'Ja');
    await choose(form, 'Bent u een alleenstaande ouder?', 'Nee');
    await field(form, 'Waarom wilt u een persoonsgebonden re-integratiebudget?').fill(
      'Ik wil zelf kiezen hoe ik weer aan het werk kom, met een opleiding tot kok die bij mij past.',
    );
    await form.getByRole('checkbox', { name: label('Ik geef de gemeente toestemming om mijn gegevens voor deze aanvraag te gebruiken.') }).check();
    await expectAccessible(page);
    await shot(page, 'prb-aanmelding');
    await form.getByRole('button', { name: 'Aanvraag versturen' }).click();

    await h1(page, 'Mijn traject').waitFor();
    const flash = page.getByText(/Uw aanvraag voor .* is ontvangen \(zaaknummer [^)]+\)/);
    await flash.waitFor();
    const identificatie = /zaaknummer ([^)]+)\)/.exec((await flash.textContent()) ?? '')![1]!;
    const klant = await ApiClient.as(server.url, KLANT);
    const zaken = (await klant.get<{ id: string; identificatie: string }[]>('/api/zaken')).body;
    const found = zaken.find((z) => z.identificatie === identificatie);
    expect(found, `zaak ${identificatie} van de klant`).toBeDefined();
    zaak = { id: found!.id, identificatie };
  });

  it('2. de klantmanager voert het intakegesprek en begeleidt de oriëntatie', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KM, z.id, 'Intakegesprek voeren');
    const page = await pageAs(KM, '/werkvoorraad');
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Intakegesprek voeren', z.identificatie);
    // The intake is held with what the klant wrote in the aanmelding beside the form.
    const aanmelding = page.getByRole('region', { name: 'Aanmelding van de klant' });
    await aanmelding.getByText('Ik wil zelf kiezen hoe ik weer aan het werk kom, met een opleiding tot kok die bij mij past.').waitFor();
    expect(await aanmelding.textContent()).toContain('Bijstand (Participatiewet)');
    await field(page, 'Datum van het gesprek').fill(inDays(0));
    await field(page, 'Weten: wat weet de klant over de eigen mogelijkheden en de arbeidsmarkt?').fill('Kent de regionale vraag naar koks.');
    await field(page, 'Willen: welk werk wil de klant en waarom?').fill('Wil als kok aan de slag.');
    await field(page, 'Kunnen: wat kan de klant al en wat is nog nodig?').fill('Heeft ervaring in de horeca, mist een diploma.');
    for (const [group, option] of [
      ['Motivatie', 'Meer dan gemiddeld'],
      ['Zelfredzaamheid', 'Meer dan gemiddeld'],
      ['Zelfbewustheid en actief handelen', 'Gemiddeld'],
      ['Getoond initiatief', 'Meer dan gemiddeld'],
      ['Sociale vaardigheden', 'Gemiddeld'],
      ['Realistisch zelfbeeld', 'Gemiddeld'],
      ['Doorzettingsvermogen', 'Meer dan gemiddeld'],
    ] as const) {
      await choose(page, group, option);
    }
    await choose(page, 'Welke rol wil de klant zelf?', 'Zelf de regie en zelf inkopen (opdrachtgever)');
    await expectAccessible(page);
    await shot(page, 'prb-intake');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Intakegesprek voeren" is afgerond.').waitFor();

    await waitForZaakTask(server.url, KM, z.id, 'Oriëntatiefase begeleiden');
    await page.reload();
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Oriëntatiefase begeleiden', z.identificatie);
    await field(page, 'Wie begeleidde de oriëntatie?').fill('Tempo Team');
    await field(page, 'Aantal uren begeleiding').fill('12');
    await field(page, 'Besteed aan oriëntatie').fill('300,00');
    await field(page, 'Bevindingen').fill('Kiest voor de koksopleiding.');
    await choose(page, 'Advies', 'De klant kan een trajectplan schrijven');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Oriëntatiefase begeleiden" is afgerond.').waitFor();
  });

  it('3. de klant schrijft het trajectplan met twee activiteiten en twee begrotingsregels', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KLANT, z.id, 'Trajectplan opstellen');
    const page = await pageAs(KLANT, '/mijn-traject');
    await h1(page, 'Mijn traject').waitFor();
    await page.getByRole('link', { name: 'Trajectplan opstellen' }).first().click();
    await h1(page, 'Trajectplan opstellen').waitFor();

    await field(page, 'Voorwoord').fill('Ik zit sinds 2024 in de bijstand en wil weer werken.');
    await field(page, 'Uw doel').fill('Werk als kok in een restaurant.');
    await field(page, 'Welk beroep of welke functie kiest u?').fill('Kok');
    await field(page, 'Arbeidsmarktperspectief').fill('Er zijn veel vacatures voor koks in Almere.');
    await field(page, 'Randvoorwaarden').fill('Kinderopvang is geregeld.');

    const activiteiten = [
      { omschrijving: 'Koksopleiding niveau 2', start: inDays(30), eind: inDays(200), resultaat: 'Diploma kok' },
      { omschrijving: 'Coaching naar werk', start: inDays(30), eind: inDays(300), resultaat: 'Baan als kok' },
    ];
    for (const [i, a] of activiteiten.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
      const rij = page.getByRole('group', { name: `Activiteit ${i + 1}`, exact: true });
      await field(rij, 'Activiteit').fill(a.omschrijving);
      await field(rij, 'Begint op').fill(a.start);
      await field(rij, 'Eindigt op').fill(a.eind);
      await field(rij, 'Wat levert deze activiteit op?').fill(a.resultaat);
    }

    const regels = [
      { soort: 'Scholing of opleiding (vaardigheden)', waarvoor: 'Koksopleiding', aanbieder: ROC, activiteit: '1', bedrag: '3.000,00' },
      { soort: 'Coaching', waarvoor: 'Coaching', aanbieder: COACH, activiteit: '2', bedrag: '1.500,00' },
    ];
    for (const [i, r] of regels.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Begrotingsregel toevoegen' }).click();
      const rij = page.getByRole('group', { name: `Begrotingsregel ${i + 1}`, exact: true });
      await field(rij, 'Soort kosten').selectOption({ label: r.soort });
      await field(rij, 'Waarvoor').fill(r.waarvoor);
      await field(rij, 'Aanbieder').fill(r.aanbieder.naam);
      await field(rij, 'Bij activiteit nummer').fill(r.activiteit);
      await field(rij, 'KvK-nummer van de aanbieder').fill(r.aanbieder.kvk);
      await field(rij, 'IBAN van de aanbieder').fill(r.aanbieder.iban);
      await field(rij, 'Bedrag exclusief btw').fill(r.bedrag);
      // Each line's offertes are uploaded to the zaak's documents, with progress.
      await field(rij, 'Offertes').setInputFiles({ name: `offerte-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 offerte ${r.waarvoor}`) });
      await rij.getByText(`offerte-${i + 1}.pdf`).first().waitFor();
    }
    // The begroting builder adds up while the klant types.
    await expect.poll(async () => (await page.locator('form').textContent()) ?? '').toContain('4.500,00');

    await field(page, 'Naam van de hoofdaanbieder').fill(ROC.naam);
    await field(page, 'KvK-nummer').fill(ROC.kvk);
    await field(page, 'IBAN').fill(ROC.iban);
    const cadans = field(page, 'Hoe vaak bespreekt u uw voortgang met uw klantmanager?');
    if ((await cadans.count()) > 0) await cadans.selectOption('P2M');
    await page.getByRole('group', { name: label('Wie hielp u bij het schrijven van dit plan?') }).getByRole('checkbox', { name: 'Mijn klantmanager' }).check();
    await expectAccessible(page);
    await shot(page, 'prb-trajectplan');

    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Dank u wel. "Trajectplan opstellen" is verstuurd.').waitFor();
    // The offertes are documents of the zaak now.
    const klant = await ApiClient.as(server.url, KLANT);
    const docs = (await klant.get<{ documenten: { titel: string }[] }>(`/api/zaken/${z.id}`)).body.documenten.map((d) => d.titel);
    expect(docs).toEqual(expect.arrayContaining(['Offerte: offerte-1.pdf', 'Offerte: offerte-2.pdf']));
  });

  it('4. de klantmanager beoordeelt het plan', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, KM, z.id, 'Aanvraag beoordelen');
    const page = await pageAs(KM, '/werkvoorraad');
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Aanvraag beoordelen', z.identificatie);
    for (const g of ['Rechtmatigheid', 'Doelmatigheid', 'Haalbaarheid']) await choose(page, g, 'Voldoet');
    for (const g of [
      'Leidt het plan in redelijkheid tot betaald werk?',
      'Blijft het plan binnen het budget?',
      'Bevat het plan geen uitgesloten kosten, zoals een investering in een eigen onderneming?',
    ]) {
      await choose(page, g, 'Ja');
    }
    await choose(page, 'Advies', 'Toekennen');
    await field(page, 'Voorgesteld budget').fill('4.500,00');
    await field(page, 'Motivering').fill('Het plan is concreet en leidt in redelijkheid tot betaald werk.');
    await expectAccessible(page);
    await shot(page, 'prb-beoordeling');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Aanvraag beoordelen" is afgerond.').waitFor();
  });

  it('5. vier ogen: de klantmanager die het voorstel deed, mag niet beslissen, ook niet met de rol beslisser', async () => {
    const z = deZaak();
    const key = await waitForZaakTask(server.url, BESLISSER, z.id, 'Besluit nemen');
    const km = await server.database.db.selectFrom('users').select('id').where('username', '=', KM).executeTakeFirstOrThrow();
    await server.database.db.insertInto('user_roles').values({ user_id: km.id, role: 'beslisser' }).execute();
    // A second session of the klantmanager: roles are read at login.
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await login(page, KM);
      await page.goto(`/taken/${encodeURIComponent(key)}`);
      await h1(page, 'Besluit nemen').waitFor();
      await page.getByRole('button', { name: 'Taak oppakken' }).click();
      await choose(page, 'Besluit', 'Toekennen');
      await field(page, 'Toegekend budget').fill('4.500,00');
      await field(page, 'Motivering').fill('Mijn eigen voorstel, nu ook mijn besluit.');
      await page.getByRole('button', { name: 'Taak afronden' }).click();
      // The refusal is shown above the form and gets focus, so the klantmanager at the bottom of the form notices it.
      const melding = page.locator('.regie-notice').filter({ hasText: /zelf gedaan/ });
      await melding.waitFor();
      expect(await melding.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Teruggeven aan de groep' }).click();
      await page.getByRole('button', { name: 'Taak oppakken' }).waitFor();
    } finally {
      await context.close();
      // Whatever happened above, the beslisser must find the task free.
      const kmApi = await ApiClient.as(server.url, KM);
      const task = await kmApi.get<{ assignee: string | null }>(`/api/tasks/${encodeURIComponent(key)}`);
      if (task.body.assignee === KM) await kmApi.post(`/api/tasks/${encodeURIComponent(key)}/unclaim`);
    }
  });

  it('6. de beslisser neemt het besluit', async () => {
    const z = deZaak();
    await waitForZaakTask(server.url, BESLISSER, z.id, 'Besluit nemen');
    const page = await pageAs(BESLISSER);
    await h1(page, 'Te beslissen').waitFor();
    await openTaskFromQueue(page, 'Besluit nemen', z.identificatie);
    await choose(page, 'Besluit', 'Toekennen');
    await field(page, 'Toegekend budget').fill('4.500,00');
    await field(page, 'Motivering').fill('Het plan past binnen het budget en leidt naar werk.');
    await expectAccessible(page);
    await shot(page, 'prb-besluit');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.getByText('De taak "Besluit nemen" is afgerond.').waitFor();
    // Back on the beslisser's own queue, not the klantmanager's werkvoorraad.
    await h1(page, 'Te beslissen').waitFor();
    expect(new URL(page.url()).pathname).toBe('/te-beslissen');
  });

  it('7. de klant ziet de beschikking en het budget', async () => {
    const z = deZaak();
    const page = await pageAs(KLANT, `/mijn-traject/zaken/${z.id}`);
    await h1(page, /^Mijn zaak/).waitFor();
    const documenten = page.getByRole('region', { name: 'Brieven en documenten' });
    await reloadUntilVisible(page, documenten.getByRole('link', { name: /beschikking/i }), 'de beschikking');
    const budget = page.getByRole('region', { name: 'Uw budget' });
    await budget.getByText('€ 4.500,00').first().waitFor();
    // The bezwaartermijn starts when the beschikking is sent, a moment after the letter is stored.
    await reloadUntilVisible(page, page.getByRole('heading', { level: 2, name: 'Bezwaar maken' }), 'bezwaar maken');
    // An empty bezwaar is stopped in the browser: a focused summary that links to the field (nothing is sent).
    const bezwaar = page.getByRole('region', { name: 'Bezwaar maken' });
    await bezwaar.getByRole('button', { name: 'Bezwaar maken' }).click();
    await bezwaar.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await bezwaar.getByRole('link', { name: 'Schrijf op waarom u het niet eens bent met het besluit.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('regie-error-summary'));
    expect(await bezwaar.getByLabel('Waarom bent u het niet eens met het besluit?').getAttribute('aria-invalid')).toBe('true');

    const href = await documenten.getByRole('link', { name: /beschikking/i }).first().getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
    await shot(page, 'prb-klant-beschikking-budget');
  });

  it('8. de klant stuurt een factuur door in Mijn zaak; financieel keurt hem goed', async () => {
    const z = deZaak();
    // The traject runs (TrajectVolgen open) before the process takes facturen.
    await waitForZaakTask(server.url, KM, z.id, 'Traject volgen');
    const page = await pageAs(KLANT, '/mijn-traject');
    await page.goto(`/mijn-traject/zaken/${z.id}`);
    await h1(page, /^Mijn zaak/).waitFor();
    const form = page.getByRole('form', { name: 'Factuur of declaratie indienen' });
    // Nothing filled in: a focused error summary, in Dutch, linked to the fields.
    await form.getByRole('button', { name: 'Factuur versturen' }).click();
    await form.getByRole('link', { name: 'Kies de begrotingsregel waar dit bij hoort.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('regie-error-summary'));
    await expectAccessible(page);

    await form.getByLabel('Bij welke begrotingsregel hoort het?').selectOption({ label: `Koksopleiding – ${ROC.naam} (€ 3.000,00)` });
    await form.getByLabel('Bedrag').fill('3.000,00');
    await form.getByLabel('Factuurnummer').fill('ROC-2026-001');
    await form.getByLabel('Omschrijving (niet verplicht)').fill('Koksopleiding, eerste termijn');
    await form.getByRole('button', { name: 'Factuur versturen' }).click();
    await form.getByText('Uw factuur is ontvangen.', { exact: false }).waitFor();
    // The process books the payment; above € 1.000 it waits for finance (asked through the API, reloading is slow).
    await waitForZaakTask(server.url, FIN, z.id, 'Betaling goedkeuren');
    const budget = page.getByRole('region', { name: 'Uw budget' });
    await reloadUntilVisible(page, budget.getByRole('row').filter({ hasText: ROC.naam }).filter({ hasText: 'Wacht op goedkeuring' }), 'de betaling die wacht');
    await expectAccessible(page);
    await shot(page, 'prb-klant-factuur');

    const fin = await pageAs(FIN);
    await h1(fin, 'Betalingen').waitFor();
    await openTaskFromQueue(fin, 'Betaling goedkeuren', z.identificatie);
    await choose(fin, 'Besluit', 'Goedkeuren');
    await expectAccessible(fin);
    await shot(fin, 'prb-betaling-goedkeuren');
    await fin.getByRole('button', { name: 'Taak afronden' }).click();
    await fin.getByText('De taak "Betaling goedkeuren" is afgerond.').waitFor();
  });

  it('9. de klant ziet de betaling in het budget', async () => {
    const z = deZaak();
    const page = await pageAs(KLANT, `/mijn-traject/zaken/${z.id}`);
    await h1(page, /^Mijn zaak/).waitFor();
    const budget = page.getByRole('region', { name: 'Uw budget' });
    const betaling = budget.getByRole('row').filter({ hasText: ROC.naam });
    await reloadUntilVisible(page, betaling.filter({ hasText: 'Goedgekeurd' }), 'de goedgekeurde betaling');
    expect((await betaling.first().textContent())?.replace(/\s/g, ' ')).toContain('€ 3.000,00');
    await shot(page, 'prb-klant-betaling');
  });
});
