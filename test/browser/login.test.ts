/**
 * The UI shell in a real browser against a real server: login, the home per
 * role, role navigation, deep links and logout.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser, login, newContext, submitLogin } from '../support/browser.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await ensureUiBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(): Promise<Page> {
  context = await newContext(browser, server.url);
  page = await context.newPage();
  return page;
}

afterEach(async () => {
  await context?.close();
});

const h1 = (p: Page, name: string) => p.getByRole('heading', { level: 1, name, exact: true });
const pathOf = (p: Page) => new URL(p.url()).pathname;

describe('inloggen', () => {
  it('klantmanager.almere logs in and sees the Werkvoorraad home with name and gemeente', async () => {
    const p = await freshPage();
    await p.goto('/');
    await h1(p, 'Inloggen').waitFor();
    expect(pathOf(p)).toBe('/inloggen');
    expect(await p.title()).toBe('Inloggen – Regie');

    await submitLogin(p, 'klantmanager.almere');
    await h1(p, 'Werkvoorraad').waitFor();
    expect(pathOf(p)).toBe('/werkvoorraad');
    expect(await p.title()).toBe('Werkvoorraad – Regie');
    const header = p.getByRole('banner');
    expect(await header.getByTestId('gebruiker').textContent()).toBe('Klantmanager Almere');
    expect(await header.getByTestId('organisatie').textContent()).toContain('Almere');
    expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    // One role: its home and its other screens in the navigation.
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Werkvoorraad', 'Mijn caseload', 'Aanbieders']);
  });

  it('a wrong password shows a Dutch error that does not say which field was wrong', async () => {
    const p = await freshPage();
    await p.goto('/');
    await submitLogin(p, 'klantmanager.almere', 'verkeerd-wachtwoord');
    const summary = p.locator('.regie-error-summary');
    await summary.getByText('Inloggen is niet gelukt').waitFor();
    expect(await summary.textContent()).toContain('De gebruikersnaam of het wachtwoord is onjuist.');
    expect(await p.getByRole('alert').count()).toBeGreaterThan(0);
    // Focus moves to the summary so screen readers read it and keyboard users start there.
    await p.waitForFunction(() => document.activeElement?.classList.contains('regie-error-summary'));
    expect(await p.getByLabel('Wachtwoord').inputValue()).toBe('');
    expect(await p.getByLabel('Gebruikersnaam').inputValue()).toBe('klantmanager.almere');
    expect(pathOf(p)).toBe('/inloggen');
  });

  it('empty fields get messages next to the field, linked from the summary, without a server call', async () => {
    const p = await freshPage();
    await p.goto('/');
    await h1(p, 'Inloggen').waitFor();
    let loginCalls = 0;
    p.on('request', (r) => {
      if (r.url().endsWith('/api/auth/login')) loginCalls++;
    });
    await p.getByRole('button', { name: 'Inloggen' }).click();
    await p.getByText('Vul alle velden in om in te loggen.').waitFor();
    const username = p.getByLabel('Gebruikersnaam');
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    const described = await p.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy,
    );
    expect(described).toContain('Vul uw gebruikersnaam in.');
    await p.getByRole('link', { name: 'Vul uw wachtwoord in.' }).click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('wachtwoord');
    expect(loginCalls).toBe(0);
  });

  it('shows every role its own home', async () => {
    const cases: [string, string, string | null][] = [
      ['klant1.almere', 'Mijn traject', 'Almere'],
      ['pgb-adviseur.eindhoven', 'Adviesverzoeken', 'Eindhoven'],
      ['beslisser.almere', 'Te beslissen', 'Almere'],
      ['financieel.almere', 'Betalingen', 'Almere'],
      ['procesontwerper.almere', 'Procesontwerp', 'Almere'],
      ['manager.almere', 'Doorlooptijden', 'Almere'],
      ['beheerder', 'Beheer', null],
    ];
    for (const [username, title, tenant] of cases) {
      const p = await freshPage();
      await login(p, username);
      await h1(p, title).waitFor();
      const org = p.getByRole('banner').getByTestId('organisatie');
      if (tenant) expect(await org.textContent(), username).toContain(tenant);
      else expect(await org.count(), username).toBe(0);
      await context.close();
    }
  }, 90_000);
});

describe('na het inloggen', () => {
  it('keeps the session on reload and answers a page of another role with "Geen toegang"', async () => {
    const p = await freshPage();
    await login(p, 'klantmanager.almere');
    await p.reload();
    await h1(p, 'Werkvoorraad').waitFor();
    await p.goto('/betalingen');
    await h1(p, 'Geen toegang').waitFor();
    await p.goto('/bestaat-niet');
    await h1(p, 'Pagina niet gevonden').waitFor();
    // Not a dead end: a link leads back to the user's own start page.
    await p.getByRole('link', { name: 'Naar Werkvoorraad' }).click();
    await h1(p, 'Werkvoorraad').waitFor();
    expect(pathOf(p)).toBe('/werkvoorraad');
  });

  it('sends an anonymous deep link to the login page and back after login', async () => {
    const p = await freshPage();
    await p.goto('/werkvoorraad');
    await h1(p, 'Inloggen').waitFor();
    expect(pathOf(p)).toBe('/inloggen');
    await submitLogin(p, 'klantmanager.almere');
    await h1(p, 'Werkvoorraad').waitFor();
    expect(pathOf(p)).toBe('/werkvoorraad');
  });

  it('gives a user with several roles navigation between their homes and screens', async () => {
    const user = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'manager.almere')
      .executeTakeFirstOrThrow();
    await server.database.db.insertInto('user_roles').values({ user_id: user.id, role: 'klantmanager' }).execute();

    const p = await freshPage();
    await login(p, 'manager.almere');
    // Homes come in a fixed role order: klantmanager before manager.
    await h1(p, 'Werkvoorraad').waitFor();
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Werkvoorraad', 'Mijn caseload', 'Aanbieders', 'Doorlooptijden', 'Incidenten']);
    expect(await nav.getByRole('link', { name: 'Werkvoorraad' }).getAttribute('aria-current')).toBe('page');

    await nav.getByRole('link', { name: 'Doorlooptijden' }).click();
    await h1(p, 'Doorlooptijden').waitFor();
    expect(pathOf(p)).toBe('/doorlooptijden');
    expect(await nav.getByRole('link', { name: 'Doorlooptijden' }).getAttribute('aria-current')).toBe('page');
    // Focus moves to the new page's heading after in-app navigation.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Doorlooptijden');

    await p.goBack();
    await h1(p, 'Werkvoorraad').waitFor();
  });
});

describe('uitloggen', () => {
  it('returns to the login page and really ends the session', async () => {
    const p = await freshPage();
    await login(p, 'klantmanager.almere');
    await p.getByRole('button', { name: 'Uitloggen' }).click();
    await h1(p, 'Inloggen').waitFor();
    expect(pathOf(p)).toBe('/inloggen');
    await p.getByText('U bent uitgelogd.').waitFor();

    // The same cookie jar as the page: the server no longer knows this session.
    const me = await p.request.get('/api/me');
    expect(me.status()).toBe(401);

    await p.goto('/werkvoorraad');
    await h1(p, 'Inloggen').waitFor();
  });
});
