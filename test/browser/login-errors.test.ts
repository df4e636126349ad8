/**
 * Lockout and throttling as the user sees them: Dutch text that says how long
 * to wait, taken from the server's Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser, newContext, submitLogin } from '../support/browser.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureUiBuilt();
  // A low per-IP limit so the throttle is reached right after the account lockout.
  [server, browser] = await Promise.all([startTestServer({ loginAttemptsPerIp: 8 }), launchBrowser()]);
  const context = await newContext(browser, server.url);
  page = await context.newPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Submits a login and returns the text of the error summary that follows. */
async function failOnce(username: string, password: string): Promise<string> {
  // The summary is re-created on every failed attempt; wait for the old one to go.
  const previous = await page.$('.regie-error-summary');
  await submitLogin(page, username, password);
  await previous?.waitForElementState('hidden');
  const summary = page.locator('.regie-error-summary');
  await summary.waitFor();
  return (await summary.textContent()) ?? '';
}

describe('geblokkeerd en afgeremd', () => {
  it('a locked account says so and says when to try again, even with the right password', async () => {
    let text = '';
    for (let i = 0; i < 5; i++) text = await failOnce('beslisser.almere', `fout-${i}`);
    expect(text).toContain('Uw account is tijdelijk geblokkeerd');
    expect(text).toMatch(/U kunt over \d+ minuten? opnieuw inloggen\./);

    text = await failOnce('beslisser.almere', 'regie-demo');
    expect(text).toContain('tijdelijk geblokkeerd');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  });

  it('too many attempts from one address are refused with a request to wait', async () => {
    let text = '';
    for (let i = 0; i < 6 && !text.includes('te veel inlogpogingen'); i++) {
      text = await failOnce('financieel.almere', `fout-${i}`);
    }
    expect(text).toContain('Er zijn te veel inlogpogingen gedaan.');
    expect(text).toMatch(/Wacht .+ en probeer het dan opnieuw\.|Probeer het over .+ opnieuw\./);
  });
});
