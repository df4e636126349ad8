/**
 * Withdrawing an aanvraag in Chromium: the klant on "Mijn zaak", the klantmanager in the
 * zaakdossier, and the server's refusal when the zaak was closed in the meantime.
 */
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { aanmelden, openTask, until, zaak } from '../scenarios/prb-support.ts';
import { expectAccessible, h1 } from './screens-support.ts';

const suite = browserSuite();
const pageAs = suite.pageAs;

/** A prb aanvraag of klant1 whose intake waits: withdrawable. */
async function lopendeAanvraag(klant: ApiClient, km: ApiClient) {
  const id = await aanmelden(klant);
  await openTask(km, id, 'Intake');
  return id;
}

describe('aanvraag intrekken in the browser', () => {
  it('the klant withdraws on Mijn zaak after confirming, and sees the confirmation; the zaak is closed', async () => {
    const klant = await ApiClient.as(suite.server.url, 'klant1.almere');
    const km = await ApiClient.as(suite.server.url, 'klantmanager.almere');
    const id = await lopendeAanvraag(klant, km);

    const page = await pageAs('klant1.almere');
    await page.goto(`/mijn-traject/zaken/${id}`);
    await h1(page, /Mijn zaak/).waitFor();
    // One click does not withdraw: it asks first.
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
    await page.getByText('Weet u zeker dat u uw aanvraag wilt intrekken?').waitFor();
    expect((await zaak(klant, id)).status).not.toBe('afgesloten');
    await expectAccessible(page);
    await page.getByLabel('Reden (niet verplicht)').fill('Ik heb zelf werk gevonden.');
    await page.getByRole('button', { name: 'Ja, aanvraag intrekken' }).click();
    await page.getByText('Uw aanvraag is ingetrokken.').waitFor();

    const z = await until(async () => {
      const d = await zaak(klant, id);
      return d.status === 'afgesloten' ? d : null;
    }, 'zaak afgesloten');
    expect(z.resultaat).toBe('ingetrokken');
    // Opened again, the page offers no withdrawal any more.
    await page.reload();
    await h1(page, /Mijn zaak/).waitFor();
    await page.getByText('Wat er is gebeurd').waitFor();
    expect(await page.getByRole('button', { name: 'Aanvraag intrekken' }).count()).toBe(0);
  });

  it('the klantmanager registers the withdrawal in the zaakdossier', async () => {
    const klant = await ApiClient.as(suite.server.url, 'klant1.almere');
    const km = await ApiClient.as(suite.server.url, 'klantmanager.almere');
    const id = await lopendeAanvraag(klant, km);

    const page = await pageAs('klantmanager.almere');
    await page.goto(`/zaken/${id}`);
    await h1(page, /^Zaak /).waitFor();
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, aanvraag intrekken' }).click();
    await page.getByText('De intrekking is geregistreerd.').waitFor();
    const z = await until(async () => {
      const d = await zaak(km, id);
      return d.status === 'afgesloten' ? d : null;
    }, 'zaak afgesloten');
    expect(z.resultaat).toBe('ingetrokken');
  });

  it('shows the server\'s refusal when the zaak was closed in the meantime', async () => {
    const klant = await ApiClient.as(suite.server.url, 'klant1.almere');
    const km = await ApiClient.as(suite.server.url, 'klantmanager.almere');
    const id = await lopendeAanvraag(klant, km);

    const page = await pageAs('klant1.almere');
    await page.goto(`/mijn-traject/zaken/${id}`);
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
    // Meanwhile the klantmanager registers it by phone, and the process closes the zaak.
    expect((await km.post(`/api/zaken/${id}/intrekken`, {})).status).toBe(200);
    await until(async () => (await zaak(km, id)).status === 'afgesloten', 'zaak afgesloten');
    await page.getByRole('button', { name: 'Ja, aanvraag intrekken' }).click();
    const fout = page.getByRole('alert').filter({ hasText: 'De aanvraag is niet ingetrokken' });
    await fout.waitFor();
    await expect(fout.textContent()).resolves.toContain('De aanvraag kan niet meer worden ingetrokken: er is al een besluit genomen of de zaak is afgesloten.');
    expect(await page.getByText('Uw aanvraag is ingetrokken.').count()).toBe(0);
  });
});
