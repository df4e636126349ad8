import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../support/browser.ts';

const root = process.cwd();
let browser: Browser;
let page: Page;
let html: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [resolve(root, 'test/forms/browser-entry.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const css = ['@utrecht/design-tokens/dist/index.css', '@utrecht/component-library-css/dist/index.css']
    .map((file) => readFileSync(resolve(root, 'node_modules', file), 'utf8'))
    .join('\n');
  const schema = readFileSync(resolve(root, 'forms/examples/prb-aanmelding.form'), 'utf8');
  html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden prb</title><style>${css}</style></head>
<body class="utrecht-theme"><main><h1 class="utrecht-heading-1">Aanmelden</h1><div id="root"></div><p id="status" role="status"></p></main>
<script>window.regieSchema = ${schema};</script><script>${bundle.outputFiles[0]!.text.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
  browser = await launchBrowser();
  // AxeBuilder needs a page from an explicit context.
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('prb-aanmelding in Chromium', () => {
  it('shows the Dutch error summary, lets the person fix it, submits the normalized data, and passes axe', async () => {
    await page.setContent(html);
    await page.getByLabel('Uw naam').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Uw naam').fill('Fatima el Amrani');
    await page.getByLabel('Uw burgerservicenummer (BSN)').fill('111222334');
    await page.getByRole('button', { name: 'Versturen' }).click();

    const summary = page.getByRole('group', { name: /fouten in het formulier/ });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const messages = await summary.getByRole('link').allTextContents();
    expect(messages).toContain('Het BSN klopt niet. Controleer de 9 cijfers.');
    expect(messages).toContain('Vul uw postcode in.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // For a person to look at: REGIE_FORMS_SCREENSHOT=/tmp/form.png npx vitest run test/forms/browser.test.ts
    if (process.env.REGIE_FORMS_SCREENSHOT) await page.screenshot({ path: process.env.REGIE_FORMS_SCREENSHOT, fullPage: true });

    await summary.getByRole('link', { name: 'Het BSN klopt niet. Controleer de 9 cijfers.' }).click();
    const bsn = page.getByLabel('Uw burgerservicenummer (BSN)');
    expect(await bsn.evaluate((el) => el === document.activeElement)).toBe(true);
    await bsn.fill('111 222 333');
    await page.getByLabel('Uw geboortedatum').fill('1990-04-02');
    await page.getByLabel('Uw e-mailadres').fill('fatima@example.nl');
    await page.getByLabel('Uw postcode').fill('3511ab');
    await page.getByLabel('Uw huisnummer').fill('12A');
    await page.getByLabel('WW').check();
    await page.getByLabel('Sinds wanneer heeft u deze uitkering?').fill('2024-01-01');
    await page.getByLabel('Waarom wilt u een persoonsgebonden re-integratiebudget?').fill(
      'Ik wil graag als doktersassistent werken en heb daarvoor een opleiding nodig.',
    );
    await page.getByLabel(/Ik geef de gemeente toestemming/).check();
    await page.getByRole('button', { name: 'Versturen' }).click();

    await page.getByText('Uw aanmelding is verstuurd.').waitFor();
    expect(await page.evaluate(() => window.regieSubmitted)).toEqual({
      naam: 'Fatima el Amrani',
      bsn: '111222333',
      geboortedatum: '1990-04-02',
      contact: { email: 'fatima@example.nl', telefoon: '', postcode: '3511 AB', huisnummer: '12A' },
      uitkering: 'ww',
      uitkeringSinds: '2024-01-01',
      motivatie: 'Ik wil graag als doktersassistent werken en heb daarvoor een opleiding nodig.',
      toestemming: true,
    });
    expect(await page.getByRole('group', { name: /fouten in het formulier/ }).count()).toBe(0);
  });
});
