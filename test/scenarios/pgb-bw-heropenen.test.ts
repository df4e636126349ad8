import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../engine/port.ts';
import { bezwaarBesluit } from '../../server/jobs/bezwaar-jobs.ts';
import { RegelingCatalog } from '../../server/zaken/catalog.ts';
import { defaultCatalog } from '../../server/zaken/default-catalog.ts';
import { addDuration } from '../../workers/termijnen/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { afgesloten } from './iro-support.ts';
import { berichten } from './prb-support.ts';
import { BEGELEIDER, TODAY, WERKGEVER, aanmelden, aanvraag, accounts, beoordeling, bericht, beschikt, budgetVan, doTask, openTask, orientatie, procesVariabelen, totAanvraagIngediend, wachtOpBetaling, zaak } from './pgb-bw-support.ts';

/**
 * Awb 7:11 for the pgb bw: a gegrond bezwaar against a refused aanvraag revokes the refusal; the
 * hoofdzaak is reopened and the new besluit is carried out, so the werkgever is paid again.
 */

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

const processKey = async (id: string) => (await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key;
const heropendEvents = (id: string) => srv.database.db.selectFrom('zaak_events').select(['data']).where('zaak_id', '=', id).where('type', '=', 'zaak.heropend').execute();
const dagErvoor = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const euro = (cents: number) => (cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface Besluit {
  uitkomst: string;
  soort: string;
  budgetCent: number;
  componenten: { werkgeverPerJaarCent: number; begeleidingPerJaarCent: number };
  voortgangCyclus: string;
  financiering: { bron: string };
}

describe('pgb bw: a gegrond bezwaar against a refusal reopens the zaak', () => {
  it('Leiden R07 refused → gegrond: same zaak in behandeling, uitvoering open, a loonopgave pays the werkgever against the new toekenning; the job may run twice', async () => {
    const a = await accounts(srv, 'leiden', 2);
    // Leiden reads "612 mnd" as 12 months: a 6-month contract is refused (R07).
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { contractMaanden: 6 } } });
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.redenen.map((r) => r.code)).toEqual(['R07']);
    await doTask(a.km, id, 'Beoordeling', beoordeling('afwijzen', ['R07']));
    const hoofdzaak = await beschikt(a, id);
    const afgewezen = await afgesloten(a.klant, id);
    expect(afgewezen.resultaat).toBe('afgewezen');
    expect(afgewezen.budget?.toegekendCents ?? 0).toBe(0);
    const oudeInstance = await processKey(id);

    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: hoofdzaak.identificatie, gronden: 'De werkgever heeft het contract verlengd tot een jaar.', gewenstResultaat: 'Toekenning van het pgb bw.', horen: 'nee' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De klant toont de verlengde arbeidsovereenkomst.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', {
      beslissing: { uitkomst: 'gegrond', nieuwBudgetCent: euro(budget.toekenningCent), motivering: 'De arbeidsovereenkomst duurt twaalf maanden; de afwijzing wordt herroepen en het pgb bw toegekend.' },
    });
    const bezwaar = await afgesloten(a.klant, bezwaarId);
    expect(bezwaar.resultaat).toBe('bezwaar-gegrond');

    // The same zaak runs again. The refusal on R07 had skipped Leiden's mandatory loonwaardebepaling, so the
    // werkgever's vergoeding is still unknown: the klantmanager records it first, then the new besluit follows.
    expect(budget.loonwaarde.route).toBe('loonwaardebepaling-nodig');
    expect(budget.componenten.werkgeverPerJaarCent).toBe(0);
    await doTask(a.km, id, 'LoonwaardeNaBezwaar', {
      loonwaardebepaling: { methode: 'dariuz', loonwaardeProcent: 60, datum: TODAY, beoordelaar: 'Arbeidsdeskundige Leiden', onafhankelijk: true, nulmetingProcent: 55, ontwikkeldoel: 'Zelfstandig orders verzamelen binnen een jaar.', vervolgmetingDatum: TODAY },
    });
    await openTask(a.km, id, 'UitvoeringVolgen');
    const nieuwBudget = await budgetVan(srv, id);
    expect(nieuwBudget.componenten.werkgeverPerJaarCent).toBeGreaterThan(0);
    const heropend = await zaak(a.klant, id);
    expect(heropend).toMatchObject({ identificatie: afgewezen.identificatie, status: 'in-behandeling' });
    expect(heropend.budget).toMatchObject({ toegekendCents: nieuwBudget.toekenningCent });
    const nieuweInstance = await processKey(id);
    expect(nieuweInstance).not.toBe(oudeInstance);
    const events = await heropendEvents(id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ stap: 'besluit', vorigeProcessInstanceKey: oudeInstance, vorigResultaat: 'afgewezen' });
    const vars = await procesVariabelen(srv, id);
    // What the uitvoering reads came over from the refused instance: werkgever, loonopgave cadence, funding.
    expect(vars.besluit as Besluit).toMatchObject({ uitkomst: 'toekenning', soort: 'heroverweging', budgetCent: nieuwBudget.toekenningCent, voortgangCyclus: 'R/P12M', financiering: { bron: 'wsw-budget' } });
    expect((vars.policy as { betaling: { loonopgave: string } }).betaling.loonopgave).toBe('jaarlijks');
    // No second beschikking on the hoofdzaak: the beslissing op bezwaar is the new besluit.
    expect(heropend.documenten.filter((d) => d.soort === 'beschikking')).toHaveLength(1);
    expect((await berichten(a.klant)).map((b) => b.onderwerp)).toContain('Uw zaak loopt weer');

    // A quarterly loonopgave pays the werkgever (never the klant) against the new toekenning.
    const werkgeverPerJaar = (vars.besluit as Besluit).componenten.werkgeverPerJaarCent;
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { periodeVan: TODAY, periodeTot: dagErvoor(addDuration(TODAY, 'P3M')), maanden: 3, brutoLoonCent: 600_000 } }, `${id}-lo-1`);
    const [betaling] = await wachtOpBetaling(srv, id, 1);
    expect(betaling).toMatchObject({ verplichting_id: `${id}:werkgever`, payee_naam: WERKGEVER.naam, iban: WERKGEVER.iban, bedrag_cents: Math.round(werkgeverPerJaar / 4) });
    expect(['voorgesteld', 'goedgekeurd']).toContain(betaling!.status);

    // The bezwaar-besluit job runs again with its own key (a retry after a crash): nothing is reopened a second time.
    const bezwaarVars = await procesVariabelen(srv, bezwaarId);
    const { besluitOpBezwaar } = bezwaarVars as { besluitOpBezwaar: { id: string } };
    const retry = { key: besluitOpBezwaar.id, type: 'bezwaar-besluit', tenantId: 'leiden', elementId: 'BesluitVerwerken', customHeaders: {}, variables: bezwaarVars } as unknown as Job;
    const uitkomst = (await bezwaarBesluit.handle(retry, srv.services)) as { besluitOpBezwaar: { heropend: boolean } };
    expect(uitkomst.besluitOpBezwaar.heropend).toBe(true);
    expect(await heropendEvents(id)).toHaveLength(1);
    expect(await processKey(id)).toBe(nieuweInstance);
    expect((await berichten(a.klant)).filter((b) => b.onderwerp === 'Uw zaak loopt weer')).toHaveLength(1);
    expect((await zaak(a.km, id)).budget).toMatchObject({ toegekendCents: nieuwBudget.toekenningCent });
    expect(await srv.engine.listIncidents({ tenantId: 'leiden', state: 'active' })).toEqual([]);
  });

  it('niet toegelaten → gegrond without an amount: the aanvraag is handled further from the oriëntatie, with a fresh term', async () => {
    const a = await accounts(srv, 'helmond', 1);
    const id = await aanmelden(a.klant, { indicatieGeldig: 'nee' });
    const geweigerd = await afgesloten(a.klant, id);
    expect(geweigerd.resultaat).toBe('niet-toegelaten');
    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: geweigerd.identificatie, gronden: 'Mijn indicatie is verlengd; ik heb wel recht op een pgb bw.', gewenstResultaat: 'Behandeling van mijn aanmelding.', horen: 'nee' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De klant toont de verlengde indicatie.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'gegrond', motivering: 'De indicatie was op de dag van de aanmelding geldig; de weigering wordt herroepen.' } });
    expect((await afgesloten(a.klant, bezwaarId)).resultaat).toBe('bezwaar-gegrond');

    await openTask(a.km, id, 'Orientatie');
    expect(await zaak(a.klant, id)).toMatchObject({ identificatie: geweigerd.identificatie, status: 'in-behandeling' });
    expect(JSON.parse((await heropendEvents(id))[0]!.data)).toMatchObject({ stap: 'toelating', vorigResultaat: 'niet-toegelaten' });
    expect(((await procesVariabelen(srv, id)).termijnen as { einddatumGepland: string }).einddatumGepland > TODAY).toBe(true);
    // The aanvraag runs as any other: after the oriëntatie and the aanvraag the klantmanager assesses it.
    await doTask(a.km, id, 'Orientatie', orientatie);
    await doTask(a.klant, id, 'AanvraagOpstellen', aanvraag());
    await openTask(a.km, id, 'Beoordeling');
    expect(await srv.engine.listIncidents({ tenantId: 'helmond', state: 'active' })).toEqual([]);
  });

  it('Helmond, refused by the klantmanager with the loonwaarde already known → gegrond: no extra step, the begeleidingsorganisatie is paid', async () => {
    const a = await accounts(srv, 'helmond', 2);
    const id = await totAanvraagIngediend(a);
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.loonwaarde.route).not.toBe('loonwaardebepaling-nodig');
    await doTask(a.km, id, 'Beoordeling', beoordeling('afwijzen', ['R10']));
    const hoofdzaak = await beschikt(a, id);
    expect((await afgesloten(a.klant, id)).resultaat).toBe('afgewezen');
    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: hoofdzaak.identificatie, gronden: 'De jobcoach is geen familie van de werkgever.', gewenstResultaat: 'Toekenning van het pgb bw.', horen: 'nee' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'Er is geen belangenverstrengeling.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'gegrond', nieuwBudgetCent: euro(budget.toekenningCent), motivering: 'Er is geen belangenverstrengeling; de afwijzing wordt herroepen en het pgb bw toegekend.' } });
    expect((await afgesloten(a.klant, bezwaarId)).resultaat).toBe('bezwaar-gegrond');

    await openTask(a.km, id, 'UitvoeringVolgen');
    expect((await zaak(a.km, id)).budget).toMatchObject({ toegekendCents: budget.toekenningCent });
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'begeleiding', bedragCents: 24_000, referentie: 'JB-HEROPEND-1' } }, `${id}-f1`);
    const [betaling] = await wachtOpBetaling(srv, id, 1);
    expect(betaling).toMatchObject({ verplichting_id: `${id}:begeleiding`, payee_naam: BEGELEIDER.naam, bedrag_cents: 24_000 });
    expect(['voorgesteld', 'goedgekeurd']).toContain(betaling!.status);
    expect(await srv.engine.listIncidents({ tenantId: 'helmond', state: 'active' })).toEqual([]);
  });
});

/** The shipped catalog with a hersteltermijn of one second for the pgb bw, so the aanvraag goes buiten behandeling at once. */
function catalogMetKorteHersteltermijn() {
  return new RegelingCatalog(
    defaultCatalog()
      .all()
      .map((e) =>
        e.regeling !== 'pgb-bw'
          ? e
          : {
              ...e,
              parameters(tenantId: string, startdatum: string) {
                const p = e.parameters(tenantId, startdatum);
                return p && { ...p, variables: { ...p.variables, hersteltermijn: 'PT1S' } };
              },
            },
      ),
  );
}

describe('pgb bw: a gegrond bezwaar against buiten behandeling (Awb 4:5)', () => {
  let kort: TestServer;
  beforeAll(async () => {
    kort = await startTestServer({ catalog: catalogMetKorteHersteltermijn() });
  });
  afterAll(() => kort?.stop());

  it('the klant submits the aanvraag again; the oriëntatie already held is not repeated', async () => {
    const a = await accounts(kort, 'helmond', 1);
    const id = await totAanvraagIngediend(a, { aanvraag: { ondertekening: { werkgever: { naam: '', datum: null } } } });
    const buiten = await afgesloten(a.klant, id);
    expect(buiten.resultaat).toBe('buiten-behandeling');
    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: buiten.identificatie, gronden: 'De brief over het aanvullen heb ik nooit ontvangen.', gewenstResultaat: 'Behandeling van mijn aanvraag.', horen: 'nee' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De brief is naar een oud adres gestuurd.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'gegrond', motivering: 'De klant is niet in de gelegenheid gesteld de aanvraag aan te vullen; het besluit wordt herroepen.' } });
    expect((await afgesloten(a.klant, bezwaarId)).resultaat).toBe('bezwaar-gegrond');

    // Straight to the aanvraag: the klantmanager gets no second oriëntatiegesprek.
    await openTask(a.klant, id, 'AanvraagOpstellen');
    expect(JSON.parse((await kort.database.db.selectFrom('zaak_events').select(['data']).where('zaak_id', '=', id).where('type', '=', 'zaak.heropend').executeTakeFirstOrThrow()).data)).toMatchObject({ stap: 'toelating', vorigResultaat: 'buiten-behandeling' });
    const taken = (await a.km.get<{ items: { elementId: string }[] }>(`/api/tasks?zaakId=${id}&pageSize=100`)).body.items;
    expect(taken.map((t) => t.elementId)).not.toContain('Orientatie');
    await doTask(a.klant, id, 'AanvraagOpstellen', aanvraag());
    await openTask(a.km, id, 'Beoordeling');
    expect(await kort.engine.listIncidents({ tenantId: 'helmond', state: 'active' })).toEqual([]);
  });
});
