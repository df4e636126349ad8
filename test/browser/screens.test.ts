/**
 * The screens of issue 8 in Chromium against a real server with the small
 * intake process as "prb" (test/support/fixtures.ts): klantportaal, werkvoorraad,
 * task screen, zaakdossier, caseload, incidents. axe on every page, a
 * keyboard-only claim-and-complete, and the access rules by URL.
 * Screenshots of the main screens go to docs/screenshots/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser, login, newContext } from '../support/browser.ts';
import {
  applyFor,
  completeOpenForm,
  expectAccessible,
  h1,
  klantApplies,
  openTaskFromQueue,
  pathOf,
  shot,
  tabTo,
  waitForZaakTask,
  type StartedZaak,
} from './screens-support.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  await ensureUiBuilt();
  [server, browser] = await Promise.all([startTestServer({ catalog: intakeCatalog() }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function pageAs(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  context = await newContext(browser, server.url);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await login(page, username);
  return page;
}

async function klantNaam(username: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .innerJoin('klanten', 'klanten.id', 'users.klant_id')
    .select('klanten.naam')
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return row.naam;
}

describe('klantportaal', () => {
  it('a klant reads the regelingen, applies, and sees by when the decision comes', async () => {
    const page = await pageAs('klant1.almere');
    await h1(page, 'Mijn traject').waitFor();
    await page.getByText('U heeft nog geen lopende aanvraag of traject.', { exact: false }).waitFor();
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regelingen' }).click();
    await h1(page, 'Regelingen').waitFor();
    await expectAccessible(page);
    await shot(page, 'klant-regelingen');

    await page.getByRole('link', { name: /Alles over/ }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Waar mag u het budget voor gebruiken?' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Onafhankelijk advies' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Aanvragen', exact: true }).click();
    await page.getByRole('button', { name: 'Ja, aanvragen' }).click();

    await h1(page, 'Mijn traject').waitFor();
    await page.getByText(/Uw aanvraag voor .* is ontvangen \(zaaknummer/).waitFor();
    const byWhen = page.locator('.regie-by-when').first();
    expect(await byWhen.textContent()).toMatch(/^Uiterlijk \d{1,2} [a-z]+ \d{4} hoort u of uw aanvraag is toegekend\.$/);
    await expectAccessible(page);
    await shot(page, 'klant-mijn-traject');

    // A second aanvraag for the same regeling is not offered while this one runs.
    await page.goto('/regelingen/prb');
    await page.getByText('U heeft al een aanvraag voor deze regeling die nog in behandeling is.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Aanvragen', exact: true }).count()).toBe(0);
    await page.goto('/mijn-traject');
    await h1(page, 'Mijn traject').waitFor();

    await page.getByRole('link', { name: /Bekijk uw zaak/ }).click();
    await h1(page, /^Mijn zaak/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hoe staat het ervoor?' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Niet eens of hulp nodig?' }).waitFor();
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);
    await expectAccessible(page);
    await shot(page, 'klant-mijn-zaak');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Berichten' }).click();
    await h1(page, 'Berichten').waitFor();
    await expectAccessible(page);
  });

  it('Mijn traject works on a phone-sized screen without horizontal scrolling', async () => {
    await applyFor(server.url, 'klant3.almere');
    const page = await pageAs('klant3.almere', { width: 320, height: 640 });
    await h1(page, 'Mijn traject').waitFor();
    await page.locator('.regie-by-when').first().waitFor();
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('werkvoorraad en taak', () => {
  let zaak: StartedZaak;
  let naam: string;

  beforeAll(async () => {
    zaak = await applyFor(server.url, 'klant2.almere');
    naam = await klantNaam('klant2.almere');
    await waitForZaakTask(server.url, 'klantmanager.almere', zaak.id, 'Intake vastleggen');
  });

  it('shows the group tasks with zaak, fase, due date and traffic light, and filters on the server', async () => {
    const page = await pageAs('klantmanager.almere');
    await h1(page, 'Werkvoorraad').waitFor();
    await page.getByText('U heeft geen taken opgepakt.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Taken van mijn groep' }).click();
    const row = page.getByRole('row').filter({ hasText: naam });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain(zaak.identificatie);
    expect(await row.first().textContent()).toContain('Oriëntatie');
    expect(await row.first().locator('.regie-light').textContent()).toBe('Op tijd');
    expect(new URL(page.url()).search).toBe('?weergave=group');
    // The first caseworker screen loads one script: the form renderer and dossier stay lazy.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((n) => n.endsWith('.js')),
    );
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    await expectAccessible(page);
    await shot(page, 'werkvoorraad');

    // Filters go to the server: fase "Besluit" has none of these tasks.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/tasks?')) requests.push(r.url());
    });
    await page.getByLabel('Fase').selectOption('besluit');
    await page.getByText('Er liggen geen taken klaar om op te pakken.').waitFor();
    expect(requests.some((u) => u.includes('fase=besluit'))).toBe(true);
    await page.getByLabel('Alleen te late taken').check();
    await page.waitForFunction(() => window.location.search.includes('telaat=1'));
    await page.getByLabel('Fase').selectOption('');
    await page.getByLabel('Alleen te late taken').uncheck();
    await page.getByLabel('Uiterste datum binnen 7 dagen').check();
    // The intake's due date is in 2030: not within 7 days.
    await page.getByText('Er liggen geen taken klaar om op te pakken.').waitFor();
    expect(requests.some((u) => u.includes('dueWithinDays=7'))).toBe(true);
    await expectAccessible(page);
  });

  it('claims, opens the task beside the dossier, shows field errors, and completes it', async () => {
    const page = await pageAs('klantmanager.almere');
    await h1(page, 'Werkvoorraad').waitFor();
    await openTaskFromQueue(page, 'Intake vastleggen', zaak.identificatie);
    const dossier = page.getByRole('complementary', { name: 'Dossier' });
    await dossier.getByText(zaak.identificatie).waitFor();
    expect(await dossier.textContent()).toContain(naam);
    expect(await dossier.textContent()).toContain('Uiterste beslisdatum');
    await expectAccessible(page);
    await shot(page, 'taak');

    // Browser-side validation with the same compiled form as the server.
    await page.getByLabel('IBAN').fill('NL00 BANK 0000 0000 00');
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await page.locator('.regie-form-error-summary, .utrecht-alert--error').first().waitFor();
    await expectAccessible(page);
    await shot(page, 'taak-fouten');

    await completeOpenForm(page, { Naam: naam, IBAN: 'NL91 ABNA 0417 1643 00', Bedrag: '1.250,00' });
    await h1(page, 'Werkvoorraad').waitFor();
    await page.getByText('De taak "Intake vastleggen" is afgerond.').waitFor();
    expect(pathOf(page)).toBe('/werkvoorraad');
  });

  it('opens the zaakdossier with facts, clock, phases and the timeline in words', async () => {
    const page = await pageAs('klantmanager.almere');
    await page.goto(`/zaken/${zaak.id}`);
    await h1(page, `Zaak ${zaak.identificatie}: ${naam}`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tijdlijn' }).waitFor();
    const tijdlijn = page.locator('.regie-timeline');
    // In words with display names: the klantmanager reading it is "U", the klant is named with their role.
    expect(await tijdlijn.textContent()).toContain('U heeft „Intake vastleggen” afgerond.');
    expect(await tijdlijn.textContent()).toContain(`${naam} (klant) heeft de zaak aangemaakt.`);
    expect(await tijdlijn.textContent()).not.toContain('klant2.almere');
    expect(await page.locator('.regie-facts').first().textContent()).toContain('Gemeente Almere');

    // The process diagram loads as its own chunk, with the klant's open task as the current step.
    const proces = page.getByRole('region', { name: 'Waar staat de zaak in het proces' });
    expect(await proces.getByTestId('huidige-stap').textContent()).toBe('Huidige stap: Gegevens bevestigen.');
    const diagram = proces.getByTestId('procesdiagram');
    await diagram.locator('.djs-element.regie-actief[data-element-id="Bevestigen"]').waitFor();
    expect(await diagram.locator('.djs-element.regie-afgerond[data-element-id="Intake"]').count()).toBe(1);
    expect(await diagram.locator('.regie-actief').count()).toBe(1);
    await diagram.locator('a.bjs-powered-by').waitFor(); // bpmn.io watermark kept
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(scripts.some((n) => /\/assets\/ProcessDiagram-[\w-]+\.js$/.test(n))).toBe(true);
    await expectAccessible(page);

    // Contactmomenten (when the server sends them): an empty summary is refused in Dutch, then saved.
    const contact = page.getByRole('form', { name: 'Contactmoment vastleggen' });
    if ((await contact.count()) > 0) {
      await contact.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
      await page.getByText('Schrijf kort op wat er besproken is.').first().waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('regie-error-summary'));
      await expectAccessible(page);
      await contact.getByLabel('Soort contact').selectOption('telefoon');
      await contact.getByLabel('Wat is er besproken?').fill('Gebeld over de intake; klant stuurt de offerte volgende week.');
      await contact.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
      await page.getByText('Het contactmoment is vastgelegd.').waitFor();
      await page.getByText('Gebeld over de intake; klant stuurt de offerte volgende week.').waitFor();
    }
    await shot(page, 'zaakdossier');
  });

  it('the klant then sees the confirmation task first and completes it', async () => {
    await waitForZaakTask(server.url, 'klant2.almere', zaak.id, 'Gegevens bevestigen');
    const page = await pageAs('klant2.almere');
    await h1(page, 'Mijn traject').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat u nu moet doen' }).waitFor();
    await page.getByRole('link', { name: 'Gegevens bevestigen' }).click();
    await h1(page, 'Gegevens bevestigen').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Taak afronden' }).click();
    await h1(page, 'Mijn traject').waitFor();
    await page.getByText('Dank u wel. "Gegevens bevestigen" is verstuurd.').waitFor();
    await page.getByText('U hoeft op dit moment niets te doen.').waitFor();
  });
});

describe('alleen met het toetsenbord', () => {
  it('a klantmanager claims and completes a task without a mouse', async () => {
    const zaak = await applyFor(server.url, 'klant1.almere');
    const naam = await klantNaam('klant1.almere');
    await waitForZaakTask(server.url, 'klantmanager.almere', zaak.id, 'Intake vastleggen');
    const page = await pageAs('klantmanager.almere');
    await h1(page, 'Werkvoorraad').waitFor();

    await tabTo(page, /^Taken van mijn groep$/);
    await page.keyboard.press('Enter');
    await page.getByRole('row').filter({ hasText: zaak.identificatie }).waitFor();
    await tabTo(page, new RegExp(`^Intake vastleggen oppakken \\(${naam}, ${zaak.identificatie}\\)$`));
    await page.keyboard.press('Enter');
    await page.getByText('U heeft de taak "Intake vastleggen" opgepakt.').waitFor();

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, /^Mijn taken$/);
    await page.keyboard.press('Enter');
    await page.getByRole('row').filter({ hasText: zaak.identificatie }).waitFor();
    // Focus the link in this zaak's row and follow it.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const inRow = await page.evaluate(
        (id) => document.activeElement?.tagName === 'A' && Boolean(document.activeElement.closest('tr')?.textContent?.includes(id)),
        zaak.identificatie,
      );
      if (inRow) break;
    }
    await page.keyboard.press('Enter');
    await h1(page, 'Intake vastleggen').waitFor();
    // Focus went to the new page's heading; the form comes next in tab order.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabTo(page, /^Naam$/);
    await page.keyboard.type(naam);
    await page.keyboard.press('Tab');
    await page.keyboard.type('NL91ABNA0417164300');
    await page.keyboard.press('Tab');
    await page.keyboard.type('750');
    await tabTo(page, /^Taak afronden$/);
    await page.keyboard.press('Enter');

    await h1(page, 'Werkvoorraad').waitFor();
    await page.getByText('De taak "Intake vastleggen" is afgerond.').waitFor();
  });
});

describe('toegang via de URL', () => {
  it('a klant cannot open another klant\'s zaak, nor the staff dossier', async () => {
    const zaak = await applyFor(server.url, 'klant1.almere');
    const page = await pageAs('klant2.almere');
    await page.goto(`/mijn-traject/zaken/${zaak.id}`);
    await h1(page, 'Zaak niet gevonden').waitFor();
    expect(await page.getByText(zaak.identificatie).count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`/zaken/${zaak.id}`);
    await h1(page, 'Geen toegang').waitFor();
  });

  it('a klantmanager of Breda cannot open an Almere task', async () => {
    const zaak = await applyFor(server.url, 'klant3.almere');
    const key = await waitForZaakTask(server.url, 'klantmanager.almere', zaak.id, 'Intake vastleggen');
    const page = await pageAs('klantmanager.breda');
    await page.goto(`/taken/${key}`);
    await h1(page, 'Taak niet gevonden').waitFor();
    expect(await page.getByLabel('IBAN').count()).toBe(0);
    await page.goto(`/zaken/${zaak.id}`);
    await h1(page, 'Zaak niet gevonden').waitFor();
    // Nor does the task show in Breda's werkvoorraad.
    await page.goto('/werkvoorraad?weergave=all');
    await page.getByText('Het team heeft geen open taken.').waitFor();
  });
});

describe('caseload en incidenten', () => {
  it('the klantmanager sees zaken by fase with counts', async () => {
    const page = await pageAs('klantmanager.almere');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await h1(page, 'Mijn caseload').waitFor();
    const counts = page.getByRole('list', { name: 'Zaken per fase' });
    await counts.waitFor();
    expect(await counts.getByRole('button', { name: /^Alle fasen \d+$/ }).count()).toBe(1);
    await expectAccessible(page);
    await shot(page, 'caseload');
  });

  it('the beheerder sees the incidents page', async () => {
    const page = await pageAs('beheerder.almere');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Incidenten' }).click();
    await h1(page, 'Incidenten').waitFor();
    await page.getByText('Er zijn geen open incidenten.').waitFor();
    await expectAccessible(page);
  });
});
