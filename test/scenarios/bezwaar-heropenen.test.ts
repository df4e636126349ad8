import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowEngine } from '../../engine/port.ts';
import { heropenenNaBezwaar } from '../../server/zaken/commands/heropenen-na-bezwaar.ts';
import { linkUnstartedZaken } from '../../server/zaken/commands/link-unstarted-zaken.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { afgesloten, goedkeuren, iroAanmelding, plan, start, zaakAanbieders } from './iro-support.ts';
import { aanmelden, accounts, beoordeling, berichten, doTask, factuur, openTask, procesVariabelen, TODAY, totPlanIngediend, until, zaak, type Accounts } from './prb-support.ts';

/**
 * Awb 7:11: a gegrond bezwaar against a refusal revokes it and puts a new besluit in its place.
 * The hoofdzaak had ended with the refusal, so it is reopened and the new besluit is carried out.
 */

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

interface Betaling {
  zaakId: string;
  bedragCents: number;
  status: string;
}

async function bezwaarBeslist(a: Accounts, hoofdzaakId: string, kenmerk: string, beslissing: Record<string, unknown>) {
  const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${hoofdzaakId}/bezwaar`, {
    gegevens: { bezwaar: { besluitKenmerk: kenmerk, gronden: 'Mijn plan leidt wel naar werk; de afwijzing klopt niet.', gewenstResultaat: 'Toekenning van mijn aanvraag.', horen: 'nee' } },
  });
  expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
  const bezwaarId = ingediend.body.id;
  await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend door de belanghebbende.' } });
  await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De klant licht het bezwaar toe.' } });
  await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing });
  return afgesloten(a.klant, bezwaarId);
}

const heropendEvents = (id: string) => srv.database.db.selectFrom('zaak_events').select(['data']).where('zaak_id', '=', id).where('type', '=', 'zaak.heropend').execute();

async function tijdlijn(c: ApiClient, id: string) {
  return (await c.get<{ tijdlijn: { soort: string; omschrijving: string }[] }>(`/api/zaken/${id}`)).body.tijdlijn;
}

describe('prb: a gegrond bezwaar against an afwijzing reopens the zaak', () => {
  it('the new budget is carried out: TrajectVolgen open, a declaratie is paid against the new toekenning, the job may run twice', async () => {
    const a = await accounts(srv, 'almere', 2);
    const id = await aanmelden(a.klant);
    await totPlanIngediend(a, id);
    await doTask(a.km, id, 'Beoordeling', beoordeling('afwijzen'));
    await doTask(a.beslisser, id, 'BesluitNemen', { beslissing: { uitkomst: 'afwijzen', afwijzingsgronden: ['plan-onvoldoende'], motivering: 'Het plan leidt niet tot werk.' } });
    const afgewezen = await afgesloten(a.klant, id);
    expect(afgewezen.resultaat).toBe('afgewezen');
    const oudeInstance = (await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key;

    const bezwaar = await bezwaarBeslist(a, id, afgewezen.identificatie, {
      uitkomst: 'gegrond',
      nieuwBudgetCent: '4.500,00',
      motivering: 'Het plan leidt wel naar werk; de afwijzing wordt herroepen en het budget toegekend.',
    });
    expect(bezwaar.resultaat).toBe('bezwaar-gegrond');

    // The same zaak runs again: same identificatie, in behandeling, the klantmanager follows the traject.
    await openTask(a.km, id, 'TrajectVolgen');
    const heropend = await zaak(a.klant, id);
    expect(heropend).toMatchObject({ identificatie: afgewezen.identificatie, status: 'in-behandeling' });
    expect(heropend.budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 0 });
    // The afwijzing was herroepen: Mijn zaak offers no bezwaar against it any more, and the beslissing op
    // bezwaar (the new besluit) is open to beroep, not to a second bezwaar (Awb 7:1).
    expect(heropend).toMatchObject({ bezwaar: null, heroverweging: { stap: 'besluit' } });
    const lijst = await a.klant.get<{ id: string; heroverweging: unknown }[]>('/api/zaken');
    expect(lijst.body.find((z) => z.id === id)?.heroverweging).toEqual({ stap: 'besluit' });
    const nogmaals = await a.klant.post<{ detail: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: afgewezen.identificatie, gronden: 'Ik ben het ook met het nieuwe besluit niet eens.', horen: 'nee' } },
    });
    expect(nogmaals.status).toBe(409);
    expect(nogmaals.body.detail).toContain('beroep');
    const events = await heropendEvents(id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ stap: 'besluit', vorigeProcessInstanceKey: oudeInstance, vorigResultaat: 'afgewezen' });
    const nieuweInstance = (await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key;
    expect(nieuweInstance).not.toBe(oudeInstance);
    expect((await procesVariabelen(srv, id)).besluit).toMatchObject({ uitkomst: 'toekenning', budgetCent: 450_000, soort: 'heroverweging' });
    // No second beschikking on the hoofdzaak: the beslissing op bezwaar is the new besluit.
    expect(heropend.documenten.filter((d) => d.soort === 'beschikking')).toHaveLength(1);
    expect((await berichten(a.klant)).map((b) => b.onderwerp)).toContain('Uw zaak loopt weer');
    const items = await tijdlijn(a.km, id);
    const soorten = items.map((t) => t.soort);
    // The tasks of the first instance stay in the timeline next to those of the new one.
    expect(items.filter((t) => t.soort === 'user_task.completed').map((t) => t.omschrijving)).toEqual(
      expect.arrayContaining([expect.stringContaining('Aanvraag beoordelen'), expect.stringContaining('Besluit nemen')]),
    );
    expect(items.filter((t) => t.soort === 'user_task.created').map((t) => t.omschrijving)).toEqual(expect.arrayContaining([expect.stringContaining('Traject volgen')]));
    // The history stays: the refusal, its closing and the reopening are all in the zaak's timeline.
    expect(soorten).toEqual(expect.arrayContaining(['zaak.besluit-bekendgemaakt', 'zaak.afgesloten', 'zaak.heropend']));
    expect(soorten.indexOf('zaak.afgesloten')).toBeLessThan(soorten.indexOf('zaak.heropend'));

    // A declaratie against a begrotingsregel of the plan is paid from the new toekenning.
    expect((await factuur(a.klant, id, 1, 80_000, 'ROC-HEROPEND-1')).status).toBe(202);
    const betaald = await until(async () => (await a.fin.get<Betaling[]>('/api/betalingen')).body.find((b) => b.zaakId === id), 'betaling na heropenen');
    expect(betaald.bedragCents).toBe(80_000);
    expect(betaald.status).not.toBe('afgewezen');
    expect((await zaak(a.km, id)).budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 80_000 });

    // The job runs again with its own key (a retry after a crash): the zaak is not reopened a second time.
    const { besluitOpBezwaar } = (await procesVariabelen(srv, bezwaar.id)) as { besluitOpBezwaar: { id: string } };
    const again = await heropenenNaBezwaar(srv.database.db, srv.engine, {
      tenantId: 'almere',
      zaakId: id,
      heroverweging: { stap: 'besluit', bezwaarZaakId: bezwaar.id, besluitOpBezwaarId: besluitOpBezwaar.id, budgetCent: 450_000, motivering: 'x' },
      actor: 'regie',
      idempotencyKey: besluitOpBezwaar.id,
    });
    expect(again.processInstanceKey).toBeNull();
    expect(await heropendEvents(id)).toHaveLength(1);
    expect((await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key).toBe(nieuweInstance);
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});

const afstand = (trajectindicatie: string) => ({
  afstand: { uitkering: 'WW', casemanager: 'werkcoach', trajectindicatie, lopendTraject: 'nee', toelichting: 'Na het eerste gesprek en het werkplan.' },
});
const voorlichting = { voorlichting: { datum: TODAY, gegevenDoor: 'werkcoach', klantKiestIro: true, toelichting: '' } };

describe('iro (UWV): bezwaar against a refusal', () => {
  it('gegrond against a refused trajectplan: UWV contracts the chosen rib and the traject starts', async () => {
    const a = await accounts(srv, 'uwv', 1);
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Sanne Visser' }));
    await doTask(a.km, id, 'AfstandBepalen', afstand('volledig-traject'));
    await doTask(a.km, id, 'Voorlichting', voorlichting);
    await doTask(a.klant, id, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute', motivatie: 'Goede cijfers in de gids.' } });
    await doTask(a.klant, id, 'Trajectplan', plan('5.000,00'));
    await doTask(a.km, id, 'Beoordeling', { beoordeling: { advies: 'afwijzen', afwijzingsgronden: ['plan-onvoldoende'], motivering: 'Het plan leidt naar ons oordeel niet tot werk.' } });
    const afgewezen = await afgesloten(a.klant, id);
    expect(afgewezen.resultaat).toBe('afgewezen');
    expect(await zaakAanbieders(srv, id)).toEqual([expect.objectContaining({ status: 'gekozen' })]);

    await bezwaarBeslist(a, id, afgewezen.identificatie, { uitkomst: 'gegrond', nieuwBudgetCent: '5.000,00', motivering: 'De cursus transportplanning leidt wel naar werk.' });

    // Contracted for the new amount, start part (50%) waits for finance, then the traject runs.
    await doTask(a.fin, id, 'StartGoedkeuren', goedkeuren);
    await openTask(a.km, id, 'TrajectVolgen');
    expect(await zaakAanbieders(srv, id)).toEqual([expect.objectContaining({ aanbieder_id: 'demo-werkroute', status: 'gecontracteerd', bedrag_cents: 500_000 })]);
    const z = await until(async () => {
      const d = await zaak(a.km, id);
      return d.budget?.betalingen.some((b) => b.bedragCents === 250_000 && b.status === 'goedgekeurd') ? d : null;
    }, 'startdeel na heropenen');
    expect(z).toMatchObject({ identificatie: afgewezen.identificatie, status: 'in-behandeling' });
    expect(z.budget).toMatchObject({ toegekendCents: 500_000 });
    expect(await srv.engine.listIncidents({ tenantId: 'uwv', state: 'active' })).toEqual([]);
  });

  it('gegrond against niet-toegelaten: the aanvraag is handled further from the voorlichting, the klant chooses a rib', async () => {
    const a = await accounts(srv, 'uwv', 2);
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Kees Bakker' }));
    await doTask(a.km, id, 'AfstandBepalen', afstand('beperkte-ondersteuning'));
    const geweigerd = await afgesloten(a.klant, id);
    expect(geweigerd.resultaat).toBe('niet-toegelaten');
    await bezwaarBeslist(a, id, geweigerd.identificatie, { uitkomst: 'gegrond', motivering: 'Na de hoorzitting is een volledig traject geïndiceerd.' });
    await openTask(a.km, id, 'Voorlichting');
    // The niet-toegelaten besluit was herroepen: no bezwaar against it, and the zaak says it is handled further.
    expect(await zaak(a.klant, id)).toMatchObject({ status: 'in-behandeling', identificatie: geweigerd.identificatie, bezwaar: null, heroverweging: { stap: 'toelating' } });
    expect(JSON.parse((await heropendEvents(id))[0]!.data)).toMatchObject({ stap: 'toelating' });
    // The aanvraag is decided anew within the regeling's doorlooptijd from today, not against the passed dates.
    const { termijnen } = (await procesVariabelen(srv, id)) as { termijnen: { einddatumGepland: string } };
    expect(termijnen.einddatumGepland > TODAY).toBe(true);

    // The new besluit on the reopened aanvraag is an ordinary beschikking: open to bezwaar again.
    await doTask(a.km, id, 'Voorlichting', voorlichting);
    await doTask(a.klant, id, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute', motivatie: 'Goede cijfers in de gids.' } });
    await doTask(a.klant, id, 'Trajectplan', plan('5.000,00'));
    await doTask(a.km, id, 'Beoordeling', { beoordeling: { advies: 'afwijzen', afwijzingsgronden: ['plan-onvoldoende'], motivering: 'Het plan leidt naar ons oordeel niet tot werk.' } });
    const opnieuw = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'afgesloten' && z.bezwaar ? z : null;
    }, 'nieuw besluit verzonden');
    expect(opnieuw).toMatchObject({ resultaat: 'afgewezen', bezwaar: { mogelijk: true }, heroverweging: null });
    expect(opnieuw.documenten.filter((d) => d.soort === 'beschikking')).toHaveLength(2);
  });

  it('ongegrond: the zaak stays closed with its refusal', async () => {
    const a = await accounts(srv, 'uwv', 3);
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Ruud Smit' }));
    await doTask(a.km, id, 'AfstandBepalen', afstand('werkfit'));
    const geweigerd = await afgesloten(a.klant, id);
    const bezwaar = await bezwaarBeslist(a, id, geweigerd.identificatie, { uitkomst: 'ongegrond', motivering: 'De klant is terecht werkfit bevonden.' });
    expect(bezwaar.resultaat).toBe('bezwaar-ongegrond');
    expect(await zaak(a.klant, id)).toMatchObject({ status: 'afgesloten', resultaat: 'niet-toegelaten' });
    expect(await heropendEvents(id)).toEqual([]);
    expect((await berichten(a.klant)).map((b) => b.onderwerp)).not.toContain('Uw zaak loopt weer');
  });
});

describe('pib (Almere): a gegrond bezwaar against a refused programme', () => {
  it('reopens the zaak, contracts the chosen aanbieders for the programme and starts the uitvoering', async () => {
    const a = await accounts(srv, 'almere', 3);
    const res = await a.klant.post<{ id: string }>('/api/zaken', {
      regeling: 'pib',
      gegevens: {
        verzoek: {
          naam: 'Amal Haddad', bsn: '111222333', geboortedatum: '1990-07-01', contact: { email: 'amal@example.nl', telefoon: '' },
          inburgeraar: 'verplicht', uitkering: 'WWB', woontInGemeente: 'ja', motivatie: 'Ik wil taalles combineren met een opleiding.', toestemming: true,
        },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    await doTask(a.klant, id, 'Programma', {
      programma: {
        onderdelen: [
          { soort: 'taal', omschrijving: 'Nederlandse les tot B1', aanbiederId: 'demo-taalhuis', bedragCent: '2.500,00' },
          { soort: 'reintegratie', omschrijving: 'Opleiding heftruckchauffeur', aanbiederId: 'demo-vakschool', bedragCent: '1.500,00' },
        ],
        hulp: 'met-hulp',
        toelichting: '',
      },
    });
    await doTask(a.km, id, 'Beoordeling', { beoordeling: { advies: 'afwijzen', afwijzingsgronden: ['plan-onvoldoende'], motivering: 'Het programma leidt naar ons oordeel niet tot inburgering.' } });
    const afgewezen = await afgesloten(a.klant, id);
    expect(afgewezen.resultaat).toBe('afgewezen');

    await bezwaarBeslist(a, id, afgewezen.identificatie, { uitkomst: 'gegrond', nieuwBudgetCent: '4.000,00', motivering: 'Taal en een vakopleiding samen leiden wel tot inburgering en werk.' });

    await openTask(a.km, id, 'TrajectVolgen');
    const contracten = (await zaakAanbieders(srv, id)).sort((x, y) => x.aanbieder_id.localeCompare(y.aanbieder_id));
    expect(contracten).toEqual([
      expect.objectContaining({ aanbieder_id: 'demo-taalhuis', status: 'gecontracteerd', bedrag_cents: 250_000 }),
      expect.objectContaining({ aanbieder_id: 'demo-vakschool', status: 'gecontracteerd', bedrag_cents: 150_000 }),
    ]);
    expect(await zaak(a.klant, id)).toMatchObject({ identificatie: afgewezen.identificatie, status: 'in-behandeling', budget: expect.objectContaining({ toegekendCents: 400_000 }) });
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});

describe('a reopening interrupted by a crash', () => {
  it('is finished at the next start from the recorded variables: one new instance, not the old one, and the job retry changes nothing', async () => {
    const a = await accounts(srv, 'uwv', 1);
    const id = await start(a.klant, 'iro', iroAanmelding({ naam: 'Piet Jansen' }));
    await doTask(a.km, id, 'AfstandBepalen', afstand('werkfit'));
    await afgesloten(a.klant, id);
    const oud = (await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key;
    // Fault injection at the engine port: the process dies right after the reopening committed.
    const dying = new Proxy(srv.engine, {
      get: (target, prop, receiver) => (prop === 'createProcessInstance' ? async () => Promise.reject(new Error('kill -9')) : Reflect.get(target, prop, receiver)),
    }) as WorkflowEngine;
    const input = {
      tenantId: 'uwv',
      zaakId: id,
      heroverweging: { stap: 'toelating' as const, bezwaarZaakId: 'bz-crash', besluitOpBezwaarId: 'job-crash', budgetCent: null, motivering: 'Gegrond na de hoorzitting.' },
      actor: 'regie',
      idempotencyKey: `job-crash-${id}`,
    };
    await expect(heropenenNaBezwaar(srv.database.db, dying, input)).rejects.toThrow('kill -9');
    expect(await zaak(a.klant, id)).toMatchObject({ status: 'in-behandeling' });

    expect(await linkUnstartedZaken(srv.services)).toBe(1);
    const nieuw = (await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow()).process_instance_key;
    expect(nieuw).not.toBeNull();
    expect(nieuw).not.toBe(oud);
    await openTask(a.km, id, 'Voorlichting');
    // The job's retry finds its event and the linked instance: nothing more happens.
    expect(await heropenenNaBezwaar(srv.database.db, srv.engine, input)).toEqual({ processInstanceKey: null });
    expect(await heropendEvents(id)).toHaveLength(1);
  });
});
