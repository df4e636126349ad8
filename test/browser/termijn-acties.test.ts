/**
 * The beslistermijn from the zaakdossier in Chromium: a klantmanager verdaagt a running term
 * (Awb 4:14) and registers an ingebrekestelling on an overdue zaak (Awb 4:17), and sees what
 * each means for the dates and the dwangsom.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { seriousAxeViolations } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { insertZaak, insertZaakEvent } from '../support/zaak-rows.ts';
import { h1, shot } from './screens-support.ts';

const suite = browserSuite();

function zaak(identificatie: string, startdatum: string): Promise<string> {
  return insertZaak(suite.server.database.db, { tenantId: 'almere', identificatie, startdatum });
}

async function withUser(fn: (page: Page) => Promise<void>, gebruiker = 'klantmanager.almere') {
  const page = await suite.pageAs(gebruiker);
  try {
    await fn(page);
  } finally {
    // Each test in its own session, as before: the context goes when the test is done.
    await page.context().close();
  }
}

const feit = (page: Page, label: string) => page.locator('.regie-facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

describe('beslistermijn in het zaakdossier (Chromium)', () => {
  it('verdaagt a running term once, with a reason; the uiterste beslisdatum moves by the chosen weeks', async () => {
    const today = todayInAmsterdam(new Date());
    const id = await zaak('TRM-VERDAGEN', addDays(today, -10));
    await withUser(async (page) => {
      await page.goto(`/zaken/${id}`);
      await h1(page, /TRM-VERDAGEN/).waitFor();
      const voor = await feit(page, 'Uiterste beslisdatum').textContent();
      const form = page.getByRole('form', { name: 'Beslistermijn verdagen' });
      // Without a reason: refused on the spot, the field says why.
      await form.getByRole('button', { name: 'Beslistermijn verdagen' }).click();
      await page.getByText('De beslistermijn is niet verdaagd').waitFor();
      expect(await form.getByText('Vermeld waarom de beslissing later komt; de klant krijgt die reden te horen.').count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await form.getByLabel('Verdagen met').selectOption({ label: '6 weken' });
      await form.getByLabel('Reden').fill('Wij wachten op het advies van de arbeidsdeskundige.');
      await form.getByRole('button', { name: 'Beslistermijn verdagen' }).click();
      await page.getByText(/^De beslistermijn is verdaagd\. De uiterste beslisdatum is nu /).waitFor();
      await expect.poll(async () => feit(page, 'Uiterste beslisdatum').textContent()).not.toBe(voor);
      expect(await feit(page, 'Uiterste beslisdatum').textContent()).toContain('verdaagd');
      // Once only (Awb 4:14 as Regie applies it): the form is gone.
      expect(await page.getByRole('form', { name: 'Beslistermijn verdagen' }).count()).toBe(0);
      const ev = await suite.server.database.db.selectFrom('zaak_events').select('data').where('zaak_id', '=', id).where('type', '=', 'zaak.verdaagd').execute();
      expect(JSON.parse(ev[0]!.data)).toMatchObject({ termijn: 'P6W', reden: 'Wij wachten op het advies van de arbeidsdeskundige.' });
    });
  });

  it('registers an ingebrekestelling on an overdue zaak and shows from when the dwangsom runs', async () => {
    const today = todayInAmsterdam(new Date());
    const id = await zaak('TRM-DWANGSOM', addDays(today, -90));
    await withUser(async (page) => {
      await page.goto(`/zaken/${id}`);
      await h1(page, /TRM-DWANGSOM/).waitFor();
      // The term has passed: verdagen is no longer possible, only the ingebrekestelling.
      expect(await page.getByRole('form', { name: 'Beslistermijn verdagen' }).count()).toBe(0);
      const form = page.getByRole('form', { name: 'Ingebrekestelling registreren' });
      await form.getByLabel('Ontvangen op').fill(addDays(today, -20));
      await form.getByLabel('Toelichting (niet verplicht)').fill('Aangetekende brief van de klant');
      await form.getByRole('button', { name: 'Ingebrekestelling registreren' }).click();
      await page.getByText('De ingebrekestelling is geregistreerd.', { exact: false }).waitFor();
      const dwangsom = feit(page, 'Dwangsom (art. 4:17 Awb)');
      await dwangsom.waitFor();
      expect(await dwangsom.textContent()).toMatch(/^Ingebrekestelling ontvangen op .+\. De dwangsom loopt sinds .+: nu €\s\d+,\d\d \(\d+ dag(en)?\); elke dag zonder besluit kost €\s23,00, tot hoogstens €\s1\.442,00 op .+\.$/);
      // An effective one is registered: the form is gone; the timeline says who did it.
      expect(await page.getByRole('form', { name: 'Ingebrekestelling registreren' }).count()).toBe(0);
      await page.getByText('U heeft een ingebrekestelling geregistreerd.').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, 'zaak-dwangsom');
    });
  });

  it('lets the beslisser fix the dwangsom owed after a late besluit (Awb 4:18), once', async () => {
    const today = todayInAmsterdam(new Date());
    const id = await insertZaak(suite.server.database.db, { tenantId: 'almere', identificatie: 'TRM-VASTSTELLEN', startdatum: addDays(today, -120), status: 'besloten' });
    await insertZaakEvent(suite.server.database.db, 'almere', id, 'zaak.ingebrekestelling-ontvangen', { ontvangen: addDays(today, -60) });
    await insertZaakEvent(suite.server.database.db, 'almere', id, 'zaak.besluit-bekendgemaakt', { verzenddatum: addDays(today, -5) });
    await withUser(async (page) => {
      await page.goto(`/zaken/${id}`);
      await h1(page, /TRM-VASTSTELLEN/).waitFor();
      expect(await feit(page, 'Dwangsom (art. 4:17 Awb)').textContent()).toMatch(/Stel het bedrag uiterlijk .+ vast \(art\. 4:18 Awb\)\.$/);
      const knop = page.getByRole('button', { name: /^Dwangsom vaststellen op €\s[\d.]+,\d\d$/ });
      await knop.click();
      await page.getByText(/^De dwangsom is vastgesteld op €\s[\d.]+,\d\d\. De klant heeft daarover een bericht gekregen/).waitFor();
      await expect.poll(async () => feit(page, 'Dwangsom (art. 4:17 Awb)').textContent()).toMatch(/Vastgesteld op .+: €\s[\d.]+,\d\d\.$/);
      expect(await page.getByRole('button', { name: /^Dwangsom vaststellen/ }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }, 'beslisser.almere');
  });
});
