/**
 * WCAG 2.1 AA checks with axe-core in Chromium: zero serious or critical
 * violations on the login page (empty and with errors) and on the homes.
 * axe finds roughly a third of WCAG problems; the rest is covered by the
 * rules in docs/ui.md and by the behaviour tests in login.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';
import { insertZaak } from '../support/zaak-rows.ts';
import { ApiClient } from '../support/http.ts';
import {
  ensureUiBuilt,
  launchBrowser,
  login,
  newContext,
  seriousAxeViolations,
  submitLogin,
} from '../support/browser.ts';
import { shot } from './screens-support.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureUiBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage(fn: (page: Page) => Promise<void>, viewport?: { width: number; height: number }) {
  const context = await newContext(browser, server.url);
  try {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await fn(page);
  } finally {
    await context.close();
  }
}

describe('toegankelijkheid (axe, WCAG 2.1 AA)', () => {
  it('login page has no serious or critical violations', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('login page with field errors and a failed login has no serious or critical violations', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByText('Vul alle velden in om in te loggen.').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await submitLogin(page, 'klantmanager.almere', 'onjuist');
      await page.getByText('De gebruikersnaam of het wachtwoord is onjuist.', { exact: false }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('home (Werkvoorraad) has no serious or critical violations', async () => {
    await withPage(async (page) => {
      await login(page, 'klantmanager.almere');
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('manager home (Doorlooptijden) shows the figures per regeling as a table and has no serious or critical violations', async () => {
    await insertZaak(server.database.db, { tenantId: 'almere', id: 'a11y-doorlooptijden', identificatie: 'A11Y-1', startdatum: new Date().toISOString().slice(0, 10) });
    await withPage(async (page) => {
      await login(page, 'manager.almere');
      await page.getByRole('heading', { level: 1, name: 'Doorlooptijden' }).waitFor();
      const table = page.getByRole('table', { name: 'Doorlooptijden per regeling' });
      await table.waitFor();
      const row = table.getByRole('row').nth(1);
      expect(await row.getByRole('rowheader').textContent()).toBe('Persoonsgebonden re-integratiebudget (prb)');
      // The count opens its zaken; its button names what it shows, starting with the number a sighted user reads.
      expect(await row.getByRole('cell').first().getByRole('button').getAttribute('aria-pressed')).toBe('false');
      expect(await row.getByRole('cell').first().textContent()).toMatch(/^1 — toon de zaken Persoonsgebonden re-integratiebudget \(prb\), lopend, in termijn$/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, 'doorlooptijden');
    });
  });

  it('klant home on a phone-sized screen has no serious or critical violations', async () => {
    await withPage(
      async (page) => {
        await login(page, 'klant1.almere');
        await page.getByRole('heading', { level: 1, name: 'Mijn traject' }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        // Reflow (WCAG 1.4.10): nothing wider than the viewport at 320 CSS px.
        await page.setViewportSize({ width: 320, height: 640 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
      { width: 375, height: 700 },
    );
  });

  // Three short tests rather than one long one: each stays well inside the timeout on a busy machine.
  it('Aanbieders for a klant, with the proposal form and its error summary, has no serious or critical violations', async () => {
    await withPage(async (page) => {
      await login(page, 'klant1.rotterdam');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbieders' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanbieders' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Havenwerk Loopbaan' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Aanbieder voorstellen' }).click();
      await page.getByRole('heading', { level: 2, name: 'De aanbieder is niet voorgesteld' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Naam van de aanbieder').fill('Coaching Maas');
      await page.getByLabel('KvK-nummer').fill('9876 5432');
      await page.getByLabel('IBAN van de aanbieder').fill('NL91 ABNA 0417 1643 00');
      await page.getByLabel('Voor welke regeling?').selectOption('rio');
      await page.getByLabel('Wat biedt de aanbieder?').fill('Loopbaancoaching');
      await page.getByLabel('Waar werkt de aanbieder?').fill('Rotterdam');
      await page.getByLabel('Waarom wilt u deze aanbieder?').fill('Ken ik via mijn buurvrouw.');
      await page.getByRole('button', { name: 'Aanbieder voorstellen' }).click();
      await page.getByText('Coaching Maas is voorgesteld.', { exact: false }).waitFor();
    });
  });

  it('Aanbieders for a klantmanager vetting a proposal has no serious or critical violations', async () => {
    const klant = await ApiClient.as(server.url, 'klant2.rotterdam');
    const voorstel = await klant.post('/api/aanbieders/voorstellen', {
      naam: 'Taalcoach Kralingen',
      kvk: '98765433',
      iban: 'NL91ABNA0417164300',
      regeling: 'pib',
      diensten: ['Taalcoaching'],
      regio: 'Rotterdam',
      toelichting: 'Dichtbij huis.',
    });
    expect(voorstel.status).toBe(201);
    await withPage(async (page) => {
      await login(page, 'klantmanager.rotterdam');
      await page.goto('/aanbieders');
      await page.getByRole('group', { name: 'Taalcoach Kralingen beoordelen' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('Aanbieders for a beheerder taking a rib from UWV’s pool has no serious or critical violations', async () => {
    await withPage(async (page) => {
      await login(page, 'beheerder.rotterdam');
      await page.goto('/aanbieders');
      await page.getByLabel('Ook aanbieders uit de pool van andere organisaties (zoals UWV)').check();
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('button', { name: 'Jobcoach Noord opnemen bij uw organisatie' }).click();
      const form = page.getByRole('form', { name: 'Contract met Jobcoach Noord' });
      await form.getByRole('button', { name: 'Contract opslaan' }).click();
      await form.getByText('Kies ten minste één regeling.').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await form.getByLabel('Rotterdamse Integratie Overeenkomst (rio)').check();
      await form.getByRole('button', { name: 'Contract opslaan' }).click();
      await page.getByRole('article', { name: 'Jobcoach Noord' }).getByText('De klant kan deze aanbieder kiezen voor: rio.').waitFor();
    });
  });

  it('the check itself is not blind: it reports a field without a label', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<input type="text">'));
      const ids = (await seriousAxeViolations(page)).map((v) => v.id);
      expect(ids).toContain('label');
    });
  });

  it('can be used with the keyboard alone: skip link first, then the login form', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');
      await page.getByLabel('Gebruikersnaam').focus();
      await page.keyboard.type('klantmanager.almere');
      await page.keyboard.press('Tab');
      await page.keyboard.type('regie-demo');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    });
  });
});
