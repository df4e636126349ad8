/**
 * The klant files a bezwaar on "Mijn zaak" in Chromium, after a besluit: what the
 * bezwaar-indienen form asks of a klant (why, what they had wanted, hoorzitting or not),
 * the besluit's kenmerk filled in by the screen, the browser's own checks, the server's
 * field errors on the fields shown, and the bezwaarzaak that results.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite.ts';
import { afgesloten } from '../scenarios/iro-support.ts';
import { aanmelden, accounts, beoordeling, doTask, openTask, procesVariabelen, TODAY, toekennen, totPlanIngediend } from '../scenarios/prb-support.ts';
import { expectAccessible, h1 } from './screens-support.ts';

const suite = browserSuite();
const pageAs = suite.pageAs;

const GRONDEN = 'Het toegekende budget is te laag voor de koksopleiding die ik wil volgen.';

describe('bezwaar maken in the browser', () => {
  it('the klant files a bezwaar on Mijn zaak and sees it accepted; a bezwaarzaak starts with what the klant answered', async () => {
    const a = await accounts(suite.server, 'almere');
    const id = await aanmelden(a.klant);
    await totPlanIngediend(a, id);
    const besloten = await toekennen(a, id, '4.000,00', '4.500,00');
    expect(besloten.bezwaar).toMatchObject({ mogelijk: true });

    // What the server answers to a form it refuses: one error per field, under bezwaar.<veld>.
    const geweigerd = await a.klant.post<{ errors: { field: string }[] }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: besloten.identificatie, gronden: 'Te laag.', horen: 'nee' } },
    });
    expect(geweigerd.status).toBe(422);
    expect(geweigerd.body.errors.map((e) => e.field)).toEqual(['bezwaar.gronden']);

    const page = await pageAs('klant1.almere');
    await page.goto(`/mijn-traject/zaken/${id}`);
    await h1(page, /^Mijn zaak/).waitFor();
    const bezwaar = page.getByRole('region', { name: 'Bezwaar maken' });
    await bezwaar.getByRole('button', { name: 'Bezwaar maken' }).click();
    // The screen knows the besluit: the klant does not copy its kenmerk from the letter.
    await bezwaar.getByText(`Uw bezwaar gaat over het besluit met kenmerk ${besloten.identificatie}.`).waitFor();

    // Too short and no answer on the hoorzitting: stopped in the browser, each error linked to its field.
    await bezwaar.getByLabel('Waarom bent u het niet eens met het besluit?').fill('Te laag.');
    await bezwaar.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await bezwaar.getByRole('link', { name: /minstens 20 tekens/ }).waitFor();
    await bezwaar.getByRole('link', { name: 'Kies of u uw bezwaar wilt toelichten in een gesprek.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('regie-error-summary'));
    expect(await bezwaar.getByLabel('Waarom bent u het niet eens met het besluit?').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await bezwaar.getByLabel('Waarom bent u het niet eens met het besluit?').fill(GRONDEN);
    await bezwaar.getByLabel(/^Wat had u willen krijgen\?/).fill('Het budget dat in mijn plan staat: € 4.500,00.');
    await bezwaar.getByRole('group', { name: 'Wilt u uw bezwaar toelichten in een gesprek (hoorzitting)?' }).getByRole('radio', { name: 'Ja', exact: true }).check();

    // A refusal that names fields puts each message on the field it belongs to: the server's 422
    // (bezwaar.<veld>) and a 400 (body.gegevens.bezwaar.<veld>) alike. Faked once each, the real
    // server accepts this bezwaar.
    await page.route(`**/api/zaken/${id}/bezwaar`, (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Bezwaar niet goed ingevuld', status: 422, detail: 'Niet alle velden zijn juist ingevuld.', errors: [{ field: 'bezwaar.gronden', message: 'Vul maximaal 8000 tekens in.' }] }),
      }),
    { times: 1 });
    await bezwaar.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await bezwaar.getByRole('link', { name: 'Vul maximaal 8000 tekens in.' }).waitFor();
    expect(await bezwaar.getByLabel('Waarom bent u het niet eens met het besluit?').getAttribute('aria-invalid')).toBe('true');
    await expect(bezwaar.getByText('Niet alle gegevens zijn juist ingevuld.').count()).resolves.toBe(0);

    await page.route(`**/api/zaken/${id}/bezwaar`, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Ongeldige invoer', status: 400, detail: 'Niet alle gegevens zijn juist ingevuld.', errors: [{ field: 'body.gegevens.bezwaar.horen', message: 'Kies een antwoord op de vraag.' }] }),
      }),
    { times: 1 });
    await bezwaar.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await bezwaar.getByRole('link', { name: 'Kies een antwoord op de vraag.' }).waitFor();
    await bezwaar.getByText('Kies een antwoord op de vraag.', { exact: true }).nth(1).waitFor();
    await page.unrouteAll();

    await bezwaar.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await bezwaar.getByText('Uw bezwaar is verstuurd. U krijgt van ons een ontvangstbevestiging.').waitFor();
    await expectAccessible(page);

    // A bezwaarzaak on this besluit, with the kenmerk the screen filled in and the klant's answers.
    const bezwaarzaak = await suite.server.database.db.selectFrom('zaken').select(['id', 'regeling']).where('hoofdzaak_id', '=', id).executeTakeFirstOrThrow();
    expect(bezwaarzaak.regeling).toBe('bezwaar');
    const { bezwaar: ingediend } = (await procesVariabelen(suite.server, bezwaarzaak.id)) as { bezwaar: Record<string, unknown> };
    expect(ingediend).toMatchObject({
      besluitKenmerk: besloten.identificatie,
      gronden: GRONDEN,
      gewenstResultaat: 'Het budget dat in mijn plan staat: € 4.500,00.',
      horen: 'ja',
    });
  });

  it('after a gegrond bezwaar reopened the zaak, Mijn zaak no longer offers bezwaar against the herroepen besluit', async () => {
    const a = await accounts(suite.server, 'almere', 2);
    const id = await aanmelden(a.klant);
    await totPlanIngediend(a, id);
    await doTask(a.km, id, 'Beoordeling', beoordeling('afwijzen'));
    await doTask(a.beslisser, id, 'BesluitNemen', { beslissing: { uitkomst: 'afwijzen', afwijzingsgronden: ['plan-onvoldoende'], motivering: 'Het plan leidt niet tot werk.' } });
    const afgewezen = await afgesloten(a.klant, id);
    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: afgewezen.identificatie, gronden: 'Mijn plan leidt wel naar werk; de afwijzing klopt niet.', horen: 'nee' } },
    });
    expect(ingediend.status).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend door de belanghebbende.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De klant licht het bezwaar toe.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'gegrond', nieuwBudgetCent: '4.500,00', motivering: 'Het plan leidt wel naar werk; de afwijzing wordt herroepen.' } });
    await openTask(a.km, id, 'TrajectVolgen');

    const page = await pageAs('klant2.almere');
    await page.goto(`/mijn-traject/zaken/${id}`);
    await h1(page, /^Mijn zaak/).waitFor();
    await page.getByText('Na uw bezwaar hebben wij ons eerdere besluit herroepen en een nieuw besluit genomen.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat er is gebeurd' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Bezwaar maken' }).count()).toBe(0);
    expect(await page.getByText('Er is een besluit genomen over uw aanvraag').count()).toBe(0);
    expect(await page.getByText(/Dan kunt u bezwaar maken tot en met/).count()).toBe(0);
    await expectAccessible(page);
  });
});
