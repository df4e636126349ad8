import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TODAY, accounts, beoordeling, bericht, beschikt, betalingen, budgetVan, doTask, openTask, procesVariabelen, totAanvraagIngediend, until, wachtOpBetaalUitkomst, wachtOpBetaling, wachtOpStatus, goedkeuren, BEGELEIDER } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

const loonwaarde = { loonwaardebepaling: { methode: 'activa', loonwaardeProcent: 60, datum: TODAY, beoordelaar: 'Bureau Loonwaarde Zuid', onafhankelijk: true } };
const dagen = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('pgb bw in Eindhoven', () => {
  it('asks for an independent loonwaardebepaling first, caps jobfinding at € 2.500 and pays it only after the placement', async () => {
    const a = await accounts(srv, 'eindhoven', 1);
    // A modest proposal (€ 1.000) still needs the loonwaardebepaling in Eindhoven (L306).
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { voorgesteldeVergoedingPerJaarCent: 100_000 }, begeleidingsorganisatie: { jobfinding: true, jobfindingBedragCent: 300_000 } } });
    await openTask(a.km, id, 'Loonwaarde');
    expect((await budgetVan(srv, id)).uitkomst).toBe('loonwaardebepaling-nodig');
    await doTask(a.km, id, 'Loonwaarde', loonwaarde);
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.loonwaarde.route).toBe('loonwaardebepaling');
    expect(budget.componenten.jobfindingCent).toBe(250_000);
    expect(budget.beperkingen).toEqual([expect.objectContaining({ onderdeel: 'jobfinding', code: 'R12' })]);
    expect(budget.uitvoeringskostenCent).toBe(550_000);

    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    const z = await beschikt(a, id);
    expect(z.budget!.toegekendCents).toBe(100_000 + 2 * 6_000 * 52 + 250_000);
    await openTask(a.km, id, 'UitvoeringVolgen');

    // A jobfinding invoice before the placement is refused: no cure no pay.
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'jobfinding', bedragCents: 250_000, referentie: 'JF-1' } }, `${id}-jf-factuur`);
    const voor = await wachtOpBetaling(srv, id, 1);
    expect(voor[0]).toMatchObject({ status: 'afgewezen', bedrag_cents: 250_000 });
    expect(await wachtOpBetaalUitkomst(srv, id, (b) => b.uitkomst === 'geweigerd')).toMatchObject({ redenCode: 'TERMIJN_VEREIST' });

    // The placement: the contract is signed and work has started → the whole capped amount, to the begeleidingsorganisatie.
    await bericht(a.km, 'pgb-bw-plaatsing', id, { plaatsing: { datum: TODAY, contractGetekend: true, werkgever: 'Groothandel Van Dijk' } }, `${id}-plaatsing`);
    const na = await wachtOpBetaling(srv, id, 2);
    expect(na[1]).toMatchObject({ status: 'voorgesteld', bedrag_cents: 250_000, payee_naam: BEGELEIDER.naam, verplichting_id: `${id}:jobfinding` });
    await goedkeuren(a.fin, id, 'Jobfinding');
    await wachtOpStatus(srv, id, 'jobfinding', 'goedgekeurd');
    expect(await srv.engine.listIncidents({ tenantId: 'eindhoven', state: 'active' })).toEqual([]);
  });

  it('grants a wachtlijst klant who is not yet aan de beurt, pre-financed from the Participatiebudget, then switches to the Wsw budget', async () => {
    const a = await accounts(srv, 'eindhoven', 2);
    const id = await totAanvraagIngediend(a, { aanmelding: { status: 'wachtlijst', beschikbaarVoorArbeid: 'ja', aanDeBeurt: 'nee' } });
    expect((await procesVariabelen(srv, id)).toelating).toMatchObject({ toegelaten: true, financiering: { bron: 'participatiebudget', wisseldatum: null } });
    await doTask(a.km, id, 'Loonwaarde', loonwaarde);
    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    await beschikt(a, id);
    const besluit = (await procesVariabelen(srv, id)).besluit as { voorwaarden: string[] };
    expect(besluit.voorwaarden.join('\n')).toContain('Participatiebudget');
    await openTask(a.km, id, 'UitvoeringVolgen');

    // First quarter: pre-financed.
    const q1 = { periodeVan: TODAY, periodeTot: dagen(TODAY, 89), maanden: 3, brutoLoonCent: 600_000 };
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: q1 }, `${id}-q1`);
    const eerste = await wachtOpBetaling(srv, id, 1);
    expect(eerste[0]).toMatchObject({ status: 'voorgesteld', bedrag_cents: 300_000, financieringsbron: 'participatiebudget' });
    await goedkeuren(a.fin, id, 'Werkgever');
    await wachtOpStatus(srv, id, 'werkgever', 'goedgekeurd');

    // A quarter statement without the paid CAO wage is not paid (Eindhoven: per subsidy period on the paid wage).
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { ...q1, periodeVan: dagen(TODAY, 90), brutoLoonCent: null } }, `${id}-q2-leeg`);
    await until(async () => ((await procesVariabelen(srv, id)).betaling as { redenCode?: string } | undefined)?.redenCode === 'LOONOPGAVE_ONVOLLEDIG', 'loonopgave zonder loon geweigerd');
    expect(await betalingen(srv, id)).toHaveLength(1);

    // The klant's turn comes; from that date the Wsw budget pays.
    const aanDeBeurt = dagen(TODAY, 90);
    await bericht(a.km, 'pgb-bw-aan-de-beurt', id, { aanDeBeurt: { datum: aanDeBeurt } }, `${id}-beurt`);
    await until(async () => ((await procesVariabelen(srv, id)).financiering as { wisseldatum?: string } | undefined)?.wisseldatum === aanDeBeurt, 'financiering gewisseld');
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { periodeVan: aanDeBeurt, periodeTot: dagen(TODAY, 179), maanden: 3, brutoLoonCent: 600_000 } }, `${id}-q2`);
    const tweede = await wachtOpBetaling(srv, id, 2);
    expect(tweede[1]).toMatchObject({ status: 'voorgesteld', bedrag_cents: 300_000, financieringsbron: 'wsw-budget' });
  });
});
