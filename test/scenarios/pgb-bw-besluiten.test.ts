import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TODAY, accounts, beoordeling, bericht, beschikt, betalingen, budgetVan, doTask, openTask, procesVariabelen, totAanvraagIngediend, until, wachtOpBetaling, goedkeuren, zaak, WERKGEVER } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('pgb bw: refusals, the plafond and werkplekaanpassing', () => {
  it('Enschede refuses less than a dagdeel per working day with reason R08 in the beschikking', async () => {
    const a = await accounts(srv, 'enschede', 1);
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { dagdelenPerWerkdag: 0.5 } } });
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.uitkomst).toBe('afwijzen');
    expect(budget.redenen).toEqual([expect.objectContaining({ code: 'R08', omschrijving: expect.stringContaining('minder dan één dagdeel per werkdag') })]);

    // The klantmanager advises to grant anyway, without the hardheidsclausule: the verordening's refusal stands.
    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    const z = await beschikt(a, id);
    const besluit = (await procesVariabelen(srv, id)).besluit as { uitkomst: string; gronden: { code: string; tekst: string }[] };
    expect(besluit.uitkomst).toBe('afwijzing');
    expect(besluit.gronden.map((g) => g.code)).toEqual(['R08']);
    expect(z.budget?.toegekendCents ?? 0).toBe(0);
    await until(async () => ((await zaak(a.km, id)).status === 'afgesloten' ? true : null), 'zaak afgesloten');
    expect((await zaak(a.km, id)).resultaat).toBe('afgewezen');
  });

  it('costs above the plafond minus uitvoeringskosten go to the beslisser, who may refuse (R14)', async () => {
    const a = await accounts(srv, 'helmond', 3);
    // € 20.000 is 50% of € 40.000 (accepted), plus 4,8 h × € 70 × 52 = € 17.472 begeleiding: above € 26.000 − € 1.000.
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { brutoLoonPerJaarCent: 4_000_000, voorgesteldeVergoedingPerJaarCent: 2_000_000 }, begeleidingsorganisatie: { begeleidingUrenPerWeek: 4.8, uurtariefCent: 7_000 } } });
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget).toMatchObject({ uitkomst: 'boven-plafond', discretionair: true, uitvoeringskostenCent: 100_000, beschikbaarCent: 2_500_000, totaalPerJaarCent: 3_747_200 });
    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));

    // The klantmanager who assessed cannot also take the discretionary decision (four eyes).
    const taak = await openTask(a.beslisser, id, 'BesluitNemen');
    expect(taak.formId).toBe('pgb-bw-besluit');
    await doTask(a.beslisser, id, 'BesluitNemen', { beslissing: { uitkomst: 'afwijzen', motivering: 'De kosten zijn te hoog ten opzichte van het budget per Wsw-plaats; de gemeente kent dit niet toe.' } });
    await beschikt(a, id);
    const besluit = (await procesVariabelen(srv, id)).besluit as { uitkomst: string; gronden: { code: string; tekst: string }[] };
    expect(besluit).toMatchObject({ uitkomst: 'afwijzing', gronden: [{ code: 'R14', tekst: expect.stringContaining('niet verplicht') }] });
  });

  it('Gouda annualises the werkplekaanpassing over the contract years and pays it once to the werkgever', async () => {
    const a = await accounts(srv, 'gouda', 1);
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { contractMaanden: 48 }, werkplekaanpassing: { kostenCent: 1_000_000, contractJaren: 4 } } });
    // Gouda sets no % for automatic acceptance (VNG model without a figure): the loonwaarde decides.
    await doTask(a.km, id, 'Loonwaarde', { loonwaardebepaling: { methode: 'dariuz', loonwaardeProcent: 60, datum: TODAY, beoordelaar: 'Promen arbeidsdeskundige', onafhankelijk: true, nulmetingProcent: 55, ontwikkeldoel: 'Zelfstandig orders verzamelen binnen een jaar.', vervolgmetingDatum: TODAY } });
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.componenten).toMatchObject({ werkplekaanpassingCent: 1_000_000, werkplekaanpassingPerJaarCent: 250_000 });
    expect(budget.totaalPerJaarCent).toBe(1_200_000 + 624_000 + 250_000);
    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    const z = await beschikt(a, id);
    expect(z.budget!.toegekendCents).toBe(1_200_000 + 624_000 + 1_000_000);
    await openTask(a.km, id, 'UitvoeringVolgen');

    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'werkplekaanpassing', bedragCents: 1_000_000, referentie: 'WPA-1', factuurdatum: TODAY } }, `${id}-wpa-1`);
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'werkplekaanpassing', bedragCents: 1_000_000, referentie: 'WPA-2', factuurdatum: TODAY } }, `${id}-wpa-2`);
    const rows = await wachtOpBetaling(srv, id, 2);
    expect(rows[0]).toMatchObject({ status: 'voorgesteld', bedrag_cents: 1_000_000, payee_naam: WERKGEVER.naam });
    expect(rows[1]).toMatchObject({ status: 'afgewezen' });
    expect(['BOVEN_VERPLICHTING', 'BOVEN_BUDGET']).toContain(rows[1]!.reden_code);

    // Gouda's yearly statement names contract hours and months employed: 9 of 12 months → 9/12 of the subsidy.
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { periodeVan: TODAY, periodeTot: TODAY, maanden: 12, brutoLoonCent: 1_800_000, maandenInDienst: 9, contracturenPerWeek: 32 } }, `${id}-lo`);
    const na = await wachtOpBetaling(srv, id, 3);
    expect(na[2]).toMatchObject({ status: 'voorgesteld', bedrag_cents: 900_000 });
    // Finance approves both; each approval task belongs to its own branch.
    await goedkeuren(a.fin, id, 'Factuur');
    await goedkeuren(a.fin, id, 'Werkgever');
    await until(async () => ((await betalingen(srv, id)).filter((b) => b.status === 'goedgekeurd').length === 2 ? true : null), 'beide goedgekeurd');
    expect((await betalingen(srv, id)).every((b) => b.iban !== '' && b.payee_naam !== 'Sanne de Wit')).toBe(true);
  });

  it('the end of employment stops payments and hands the klant over to the sw-bedrijf', async () => {
    const a = await accounts(srv, 'helmond', 2);
    const id = await totAanvraagIngediend(a);
    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    await beschikt(a, id);
    await openTask(a.km, id, 'UitvoeringVolgen');
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'begeleiding', bedragCents: 24_000, referentie: 'JB-1' } }, `${id}-f1`);
    await wachtOpBetaling(srv, id, 1);

    const einde = await bericht(a.km, 'pgb-bw-einde-dienstverband', id, { einde: { reden: 'einde-dienstverband', einddatum: TODAY, toelichting: 'De werkgever heeft het contract niet verlengd.' } }, `${id}-einde`);
    expect(einde.correlated).toBe(true);
    const overdracht = await openTask(a.km, id, 'Overdracht');
    expect(overdracht.formId).toBe('pgb-bw-overdracht');
    expect((await procesVariabelen(srv, id)).einde).toMatchObject({ reden: 'einde-dienstverband', einddatum: TODAY });

    // Nothing is taken in any more: a late invoice is not received by the ended uitvoering, and pays nothing.
    const laat = await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'begeleiding', bedragCents: 24_000, referentie: 'JB-2' } }, `${id}-f2`);
    expect(laat.correlated).toBe(false);
    await doTask(a.km, id, 'Overdracht', { overdracht: { swBedrijf: 'Atlant Groep', datum: TODAY, overgedragen: true, toelichting: '' } });
    await until(async () => ((await zaak(a.km, id)).status === 'afgesloten' ? true : null), 'zaak afgesloten');
    expect((await zaak(a.km, id)).resultaat).toBe('pgb-bw-beeindigd');
    expect(await betalingen(srv, id)).toHaveLength(1);
    expect(await srv.engine.listIncidents({ tenantId: 'helmond', state: 'active' })).toEqual([]);
  });
});
