/**
 * The manager's doorlooptijden in Chromium: a figure opens as the list of its zaken, a zaak
 * in that list opens its dossier, and the periode selects which besluiten count.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { seriousAxeViolations } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { insertZaak, insertZaakEvent } from '../support/zaak-rows.ts';
import { shot } from './screens-support.ts';

const suite = browserSuite();

/** A pib zaak with a known start (and besluit), written as the commands would leave it. */
async function zaak(identificatie: string, startdatum: string, bekendgemaakt?: string): Promise<string> {
  const db = suite.server.database.db;
  const id = await insertZaak(db, { tenantId: 'almere', regeling: 'pib', identificatie, startdatum, status: bekendgemaakt ? 'besloten' : 'in-behandeling' });
  if (bekendgemaakt) await insertZaakEvent(db, 'almere', id, 'zaak.besluit-bekendgemaakt', { verzenddatum: bekendgemaakt });
  return id;
}

describe('doorlooptijden (manager, Chromium)', () => {
  it('opens the zaken behind a figure, opens a zaak from there, and counts the besluiten of the chosen periode', async () => {
    const today = todayInAmsterdam(new Date());
    const jaar = Number(today.slice(0, 4));
    const over = await zaak('DLT-OVER', addDays(today, -70));
    await zaak('DLT-NIEUW', today);
    // Decided last year: one 14 days after receipt, one 70 days after (the legal term is 8 weeks).
    await zaak('DLT-SNEL', `${jaar - 1}-03-02`, `${jaar - 1}-03-16`);
    await zaak('DLT-TRAAG', `${jaar - 1}-03-02`, `${jaar - 1}-05-11`);

    const page = await suite.pageAs('manager.almere');
    const table = page.getByRole('table', { name: 'Doorlooptijden per regeling' });
    const pib = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /\(pib\)/ }) });
    await pib.waitFor();
    const cells = pib.getByRole('cell');
    // In termijn, risico, over termijn, besloten, mediaan, binnen, buiten.
    expect(await cells.nth(3).textContent()).toBe('2');
    expect(await cells.nth(4).textContent()).toBe('42 dagen');

    await pib.getByRole('button', { name: /^1 — toon de zaken .*lopend, over de wettelijke termijn$/ }).click();
    const lijst = page.getByRole('table', { name: /lopend, over de wettelijke termijn/ });
    await lijst.waitFor();
    // Focus goes to the list's heading, so a screen reader user hears what opened.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const rijen = lijst.getByRole('row');
    expect(await rijen.count()).toBe(2);
    expect(await rijen.nth(1).textContent()).toContain('over de termijn');
    expect(await pib.getByRole('button', { name: /over de wettelijke termijn$/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await lijst.getByRole('link', { name: 'DLT-OVER' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'DLT-OVER' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/zaken/${over}`);
    await page.goBack();

    // This year: no besluiten for pib yet; last year: both, one of them too late.
    await page.getByLabel('Besluiten bekendgemaakt in').selectOption({ label: `${jaar} (dit jaar)` });
    await expect.poll(async () => pib.getByRole('cell').nth(3).textContent()).toBe('0');
    expect(await pib.getByRole('cell').nth(0).textContent()).toMatch(/^1/);
    await page.getByLabel('Besluiten bekendgemaakt in').selectOption({ label: String(jaar - 1) });
    await expect.poll(async () => pib.getByRole('cell').nth(3).textContent()).toBe('2');
    await pib.getByRole('button', { name: /buiten de wettelijke termijn besloten$/ }).click();
    const laat = page.getByRole('table', { name: /buiten de wettelijke termijn besloten/ });
    await laat.waitFor();
    const rij = laat.getByRole('row').nth(1);
    expect(await rij.getByRole('rowheader').textContent()).toBe('DLT-TRAAG');
    expect(await rij.textContent()).toContain('70 dagen');
    expect(await page.getByText(`besluiten bekendgemaakt in ${jaar - 1}`).count()).toBe(1);
    await shot(page, 'doorlooptijden-zaken');
  });
});
