/**
 * Helpers for the screen tests (werkvoorraad, taak, zaakdossier, klantportaal).
 * Written so the full prb journey (when the prb process lands) can reuse them:
 * `applyFor` / `klantApplies` start a zaak, `openTaskFromQueue` claims and opens
 * a task, `completeOpenForm` submits the task's form, `shot` saves a screenshot.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/http.ts';
import { seriousAxeViolations } from '../support/browser.ts';

export const SCREENSHOT_DIR = path.resolve('docs/screenshots');

export const h1 = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined });
export const pathOf = (p: Page) => new URL(p.url()).pathname;

/**
 * Full-page screenshot to docs/screenshots/<name>.png when REGIE_SCREENSHOTS=1 (so an ordinary
 * test run leaves the committed pictures alone). Scrolled to the top first: Chromium
 * captures beyond the viewport from the current scroll position, so the hidden skip link
 * (position: fixed, 200% above the viewport) would otherwise show up in the middle of a long page.
 */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.REGIE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** axe: zero serious or critical WCAG 2.1 A/AA violations on what is on screen now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

export interface StartedZaak {
  id: string;
  identificatie: string;
  processInstanceKey: string | null;
}

/** Starts a zaak through the API as a klant (for themselves). */
export async function applyFor(baseUrl: string, klantUsername: string, regeling = 'prb'): Promise<StartedZaak> {
  const api = await ApiClient.as(baseUrl, klantUsername);
  const res = await api.post<StartedZaak>('/api/zaken', { regeling });
  if (res.status !== 201) throw new Error(`zaak starten als ${klantUsername}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

interface ApiTask {
  key: string;
  name: string | null;
  zaak: { id: string } | null;
}

/** Waits until the zaak has an open task with this name (visible to `username`); returns its key. */
export async function waitForZaakTask(baseUrl: string, username: string, zaakId: string, name: string): Promise<string> {
  const api = await ApiClient.as(baseUrl, username);
  for (let i = 0; i < 100; i++) {
    const res = await api.get<{ items: ApiTask[] }>(`/api/tasks?view=all&zaakId=${encodeURIComponent(zaakId)}`);
    const t = res.body.items?.find((x) => x.name === name);
    if (t) return t.key;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`geen open taak "${name}" in zaak ${zaakId} voor ${username}`);
}

/** The klant applies for a regeling through the portal (Regelingen → regeling → Aanvragen → Ja). */
export async function klantApplies(page: Page, regelingNaam: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regelingen' }).click();
  await h1(page, 'Regelingen').waitFor();
  await page.getByRole('link', { name: regelingNaam }).first().click();
  await page.getByRole('button', { name: 'Aanvragen', exact: true }).click();
  await page.getByRole('button', { name: 'Ja, aanvragen' }).click();
  await h1(page, 'Mijn traject').waitFor();
}

/** In the werkvoorraad: group tab, claim this zaak's task, open it from "Mijn taken". */
export async function openTaskFromQueue(page: Page, taskName: string, zaakIdentificatie: string): Promise<void> {
  await page.getByRole('button', { name: 'Taken van mijn groep' }).click();
  const claim = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(taskName)} oppakken \\(.*, ${escapeRegExp(zaakIdentificatie)}\\)$`) });
  await claim.click();
  await page.getByText(`U heeft de taak "${taskName}" opgepakt.`).waitFor();
  await page.getByRole('button', { name: 'Mijn taken' }).click();
  const row = page.getByRole('row').filter({ hasText: zaakIdentificatie }).filter({ hasText: taskName });
  await row.getByRole('link', { name: taskName }).click();
  await h1(page, taskName).waitFor();
}

/** Fills fields by label and submits the task form with its submit button. */
export async function completeOpenForm(page: Page, values: Record<string, string>, submit = 'Taak afronden'): Promise<void> {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: submit }).click();
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Presses Tab until the focused element's accessible text matches; fails after `max`
 * presses. Keyboard-only tests use this instead of clicking.
 */
export async function tabTo(page: Page, match: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      return el.getAttribute('aria-label') || el.innerText || (el as HTMLInputElement).labels?.[0]?.innerText || '';
    });
    if (match.test(text.trim())) return;
  }
  throw new Error(`Geen element met ${match} bereikt met Tab`);
}
