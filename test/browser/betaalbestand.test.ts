/**
 * Financieel's home in Chromium: the approved payments that are in no betaalbestand yet, and the
 * button that bundles them into a SEPA pain.001 file for the bank, with a link to download it.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import { seriousAxeViolations } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { declaratieJob, factuurJob, zaakMetBudget } from '../ledger/fixtures.ts';

const suite = browserSuite();

describe('betaalbestand (financieel, Chromium)', () => {
  it('shows what is approved, refuses a date in the past, then makes the pain.001 and offers it for download', async () => {
    const ledger = suite.server.services.ledger;
    const { cursus, materiaal } = await zaakMetBudget(ledger, { tenantId: 'almere', zaakId: 'z-bb-1' });
    // Approved at once: below the gemeente's finance threshold.
    await betaling(factuurJob('almere', 'z-bb-1', cursus.id, 80_000), { ledger });
    await betaling(declaratieJob('almere', 'z-bb-1', materiaal.id, 4_599), { ledger });

    const page = await suite.pageAs('financieel.almere');
    const sectie = page.getByRole('region', { name: 'Betaalbestand voor de bank' });
    const tabel = sectie.getByRole('table', { name: 'Goedgekeurd, nog niet in een betaalbestand' });
    await tabel.waitFor();
    expect(await tabel.getByRole('row').count()).toBe(4); // header, two payments, total
    // Intl puts a no-break space after the euro sign.
    const tekst = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await tekst(tabel)).toContain('€ 845,99');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const today = todayInAmsterdam(new Date());
    await sectie.getByLabel('Uitvoeringsdatum').fill(addDays(today, -1));
    await sectie.getByRole('button', { name: 'Betaalbestand maken' }).click();
    await sectie.getByText('De uitvoeringsdatum kan niet in het verleden liggen.').first().waitFor();
    expect(await ledger.listBetalingen('almere', 'in-batch')).toEqual([]);

    await sectie.getByLabel('Uitvoeringsdatum').fill(today);
    await sectie.getByRole('button', { name: 'Betaalbestand maken' }).click();
    const download = sectie.getByRole('link', { name: 'Betaalbestand downloaden (SEPA pain.001)' });
    await download.waitFor();
    expect(await tekst(sectie)).toContain('2 betalingen, samen € 845,99');
    await sectie.getByText('Er zijn geen goedgekeurde betalingen die nog in een betaalbestand moeten.').waitFor();
    const xml = await (await page.request.get(new URL((await download.getAttribute('href'))!, suite.server.url).toString())).text();
    expect(xml).toContain('<CtrlSum>845.99</CtrlSum>');
    expect((await ledger.listBetalingen('almere', 'in-batch')).length).toBe(2);
  });
});
