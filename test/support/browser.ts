/**
 * Browser test harness: Debian's Chromium driven by playwright-core.
 *
 * playwright-core ships no browser; we use the system Chromium so tests run on
 * a plain Debian machine without downloads. Every launch gets a fresh temporary
 * profile (chromium.launch creates one and removes it on close), so no cookies
 * or storage leak between test files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, uiNeedsBuild } from '../../server/ui-build.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own widgets (date fields, file pickers) speak Dutch like the pages.
  '--lang=nl-NL',
];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium niet gevonden op ${path}. De browsertests hebben Chromium nodig: ` +
        `installeer het met \`apt-get install -y chromium\` (als root), ` +
        `of wijs met CHROMIUM_PATH naar een andere Chromium.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError(CHROMIUM_PATH);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Playwright adds --headless (plus --hide-scrollbars, --mute-audio); our explicit
    // --headless=new comes later on the command line and pins the new headless mode.
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/** A fresh context (own cookie jar) with Dutch locale, pointed at the server. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(10_000);
  return context;
}

export const DEMO_PASSWORD = 'regie-demo';

/** Fills in and submits the login form (does not wait for the result). */
export async function submitLogin(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Opens the app and logs in; resolves once the home heading is visible. */
export async function login(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await submitLogin(page, username, password);
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export interface AxeIssue {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeIssue[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/**
 * Builds ui/dist when it is missing or older than the UI sources (the suite runner
 * normally did this already). Test files run in parallel, so a lock directory
 * makes sure only one of them runs Vite while the others wait.
 */
export async function ensureUiBuilt(): Promise<void> {
  if (!uiNeedsBuild()) return;
  const lock = path.join(os.tmpdir(), `regie-ui-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`UI-build wacht te lang op ${lock}; verwijder die map als er geen build loopt.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!uiNeedsBuild()) return;
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    rmdirSync(lock);
  }
}
