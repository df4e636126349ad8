/**
 * The process diagram in the zaakdossier can be moved and zoomed without dragging
 * (WCAG 2.5.7) and without a mouse (WCAG 2.1.1): buttons, and keys on the focused diagram.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ensureUiBuilt, launchBrowser, login, newContext } from '../support/browser.ts';
import { applyFor, expectAccessible, h1 } from './screens-support.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  await ensureUiBuilt();
  [server, browser] = await Promise.all([startTestServer({ catalog: intakeCatalog() }), launchBrowser()]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Scale and translation of the diagram's viewport, as diagram-js writes them. */
async function viewbox(diagram: Locator): Promise<{ scale: number; x: number; y: number }> {
  const transform = (await diagram.locator('g.viewport').first().getAttribute('transform')) ?? '';
  const [a, , , , e, f] = (transform.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  if (a === undefined || e === undefined || f === undefined) throw new Error(`geen transform: '${transform}'`);
  return { scale: a, x: e, y: f };
}

describe('process diagram navigation', () => {
  it('zooms with buttons and moves and zooms with the keyboard, then returns to the whole diagram', async () => {
    const zaak = await applyFor(server.url, 'klant1.almere');
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'klantmanager.almere');
    await page.goto(`/zaken/${zaak.id}`);
    await h1(page, new RegExp(`^Zaak ${zaak.identificatie}`)).waitFor();
    const proces = page.getByRole('region', { name: 'Waar staat de zaak in het proces' });
    const diagram = proces.getByTestId('procesdiagram');
    await diagram.locator('.djs-element.regie-actief').first().waitFor();
    const inzoomen = proces.getByRole('button', { name: 'Inzoomen' });
    await expect.poll(() => inzoomen.isEnabled()).toBe(true);
    const start = await viewbox(diagram);

    await inzoomen.click();
    const ingezoomd = await viewbox(diagram);
    expect(ingezoomd.scale).toBeGreaterThan(start.scale);
    await proces.getByRole('button', { name: 'Uitzoomen' }).click();
    await proces.getByRole('button', { name: 'Uitzoomen' }).click();
    expect((await viewbox(diagram)).scale).toBeLessThan(ingezoomd.scale);
    await proces.getByRole('button', { name: 'Hele diagram' }).click();
    expect((await viewbox(diagram)).scale).toBeCloseTo(start.scale, 5);

    // Keyboard: the diagram is the next stop after the buttons and says how it is used.
    await proces.getByRole('button', { name: 'Hele diagram' }).focus();
    await page.keyboard.press('Tab');
    const svg = diagram.locator('svg').first();
    expect(await svg.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await svg.getAttribute('aria-label')).toMatch(/Pijltjestoetsen verschuiven, plus en min zoomen/);
    await page.keyboard.press('ArrowRight');
    const verschoven = await viewbox(diagram);
    expect(verschoven.x).not.toBe(start.x);
    expect(verschoven.scale).toBeCloseTo(start.scale, 5);
    await page.keyboard.press('+');
    expect((await viewbox(diagram)).scale).toBeGreaterThan(start.scale);
    await page.keyboard.press('0');
    const terug = await viewbox(diagram);
    expect(terug.scale).toBeCloseTo(start.scale, 5);
    expect(terug.x).toBeCloseTo(start.x, 1);
    // The arrow key moved the diagram, not the page.
    expect(await page.evaluate(() => window.scrollX)).toBe(0);

    await expectAccessible(page);
  });
});
