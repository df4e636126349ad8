import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, berichten, doTask, openTask, procesVariabelen, toegekendeZaak, TODAY, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

const bezwaar = (kenmerk: string) => ({
  bezwaar: {
    besluitKenmerk: kenmerk,
    gronden: 'Het toegekende budget is lager dan mijn begroting; de coaching is nodig om werk te vinden.',
    gewenstResultaat: 'Het volledige budget van € 4.500.',
    horen: 'ja',
  },
});

/** The day in Amsterdam on which the task falls due (the diagram sets 17:00 on the uiterlijke beslisdatum). */
const dueDay = (task: object) => {
  const due = (task as { dueDate?: string | null }).dueDate;
  return due ? todayInAmsterdam(new Date(due)) : null;
};

describe('bezwaar against a prb besluit', () => {
  it('bezwaar before any besluit is refused (409)', async () => {
    const a = await accounts(srv, 'almere', 2);
    const id = await aanmelden(a.klant);
    const r = await a.klant.post(`/api/zaken/${id}/bezwaar`, { gegevens: bezwaar('nog-geen-besluit') });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
  });

  it('gegrond: the beslisser grants a new budget, the hoofdzaak ledger follows, the klant gets a beslissing op bezwaar', async () => {
    const a = await accounts(srv, 'almere');
    // The plan asks € 4.500; the beslisser grants € 3.000.
    const { id, zaak: hoofdzaak } = await toegekendeZaak(a, { budget: '3.000,00' });
    expect(hoofdzaak.budget).toMatchObject({ toegekendCents: 300_000 });

    const ingediend = await a.klant.post<{ id: string; hoofdzaakId: string; regeling: string }>(`/api/zaken/${id}/bezwaar`, { gegevens: bezwaar(hoofdzaak.identificatie) });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    expect(ingediend.body).toMatchObject({ regeling: 'bezwaar', hoofdzaakId: id });
    const bezwaarId = ingediend.body.id;
    // The klant sees the bezwaar zaak as their own.
    expect((await zaak(a.klant, bezwaarId)).hoofdzaakId).toBe(id);

    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', {
      ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig en door de belanghebbende ingediend.' },
    });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', {
      hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'Mevrouw licht toe dat de coaching haar kans op werk vergroot.' },
    });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', {
      beslissing: { uitkomst: 'gegrond', nieuwBudgetCent: '4.500,00', motivering: 'De coaching is nodig voor de route naar werk; het volledige plan wordt toegekend.' },
    });

    const afgehandeld = await until(async () => {
      const z = await zaak(a.klant, bezwaarId);
      return z.status === 'afgesloten' ? z : null;
    }, 'bezwaarzaak afgesloten');
    expect(afgehandeld.resultaat).toBe('bezwaar-gegrond');
    expect(afgehandeld.documenten.map((d) => d.soort)).toContain('beschikking');
    const { besluitOpBezwaar } = (await procesVariabelen(srv, bezwaarId)) as { besluitOpBezwaar: { uitkomst: string; herzienBesluitId: string | null } };
    expect(besluitOpBezwaar.uitkomst).toBe('gegrond');
    expect(besluitOpBezwaar.herzienBesluitId).toBeTruthy();

    // The new besluit replaces the old one (Awb 7:11): the hoofdzaak's budget follows.
    const herzien = await zaak(a.klant, id);
    expect(herzien.budget).toMatchObject({ toegekendCents: 450_000, gereserveerdCents: 0, resterendCents: 450_000 });
    const toekenning = (await srv.services.ledger.readZaak('almere', id)).toekenning!;
    expect(toekenning).toMatchObject({ bedragCents: 450_000, klantNaam: 'Fatima el Amrani' });
    expect((await berichten(a.klant)).map((b) => b.onderwerp)).toContain('Er is een beslissing op uw bezwaar');
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });

  it('the beslistermijn runs from the end of the bezwaartermijn (Awb 7:10), through the verdaging, in the zaak and the diagram alike', async () => {
    const a = await accounts(srv, 'almere', 3);
    const { id, zaak: hoofdzaak } = await toegekendeZaak(a, { budget: '3.000,00' });
    // A fixed verzenddatum makes the dates known, and lies far enough ahead that the bezwaar filed
    // today is within its bezwaartermijn whenever this test runs.
    const db = srv.database.db;
    const bekendgemaakt = await db.selectFrom('zaak_events').select(['id', 'data']).where('zaak_id', '=', id).where('type', '=', 'zaak.besluit-bekendgemaakt').executeTakeFirstOrThrow();
    await db
      .updateTable('zaak_events')
      .set({ data: JSON.stringify({ ...JSON.parse(bekendgemaakt.data), verzenddatum: '2098-11-13', uiterlijkeReactiedatum: '2098-12-29' }) })
      .where('id', '=', bekendgemaakt.id)
      .execute();

    const ingediend = await a.klant.post<{ id: string }>(`/api/zaken/${id}/bezwaar`, { gegevens: bezwaar(hoofdzaak.identificatie) });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;

    // The law, written out. Besluit sent Thursday 13 November 2098. Bezwaartermijn (6:7, 6:8): day 1
    // is 14 November, day 42 Thursday 25 December 2098, Eerste Kerstdag; Friday 26 December is Tweede
    // Kerstdag, then the weekend, so it runs through Monday 29 December 2098 (Atw art. 1).
    // Beslistermijn (7:10 lid 1): six weeks from Tuesday 30 December 2098; day 42 is Monday
    // 9 February 2099, a working day. Not six weeks after today's receipt.
    const bezwaartermijnEinde = '2098-12-29';
    const uiterlijkeBeslisdatum = '2099-02-09';
    const variabelen = await procesVariabelen(srv, bezwaarId);
    expect(variabelen).toMatchObject({
      bezwaarOntvangen: TODAY,
      bezwaartermijnEinde,
      uiterlijkeEinddatum: uiterlijkeBeslisdatum,
      termijnen: { startdatum: TODAY, uiterlijkeEinddatumAfdoening: uiterlijkeBeslisdatum },
    });
    const bezwaarZaak = await zaak(a.beslisser, bezwaarId);
    expect(bezwaarZaak.startdatum).toBe(TODAY);
    expect(bezwaarZaak.klok.uiterlijkeEinddatumAfdoening).toBe(uiterlijkeBeslisdatum);

    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', {
      ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'afzien-indiener-ziet-af', motivering: 'Tijdig ingediend; de indiener ziet af van horen.' },
    });
    const beslissen = await openTask(a.beslisser, bezwaarId, 'Beslissing');
    expect(dueDay(beslissen)).toBe(uiterlijkeBeslisdatum);

    // Verdaging (7:10 lid 3): six weeks after Monday 9 February 2099 is Monday 23 March 2099, a working day.
    const naVerdaging = '2099-03-23';
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'verdagen', motivering: 'Er is nog advies nodig van de arbeidsdeskundige.' } });
    const verdaagd = await until(async () => {
      const v = await procesVariabelen(srv, bezwaarId);
      return v.verdaagd === true ? v : null;
    }, 'verdaging in de procesvariabelen');
    expect(verdaagd).toMatchObject({ uiterlijkeEinddatum: naVerdaging, termijnen: { uiterlijkeEinddatumAfdoening: naVerdaging } });
    expect((await zaak(a.beslisser, bezwaarId)).klok.uiterlijkeEinddatumAfdoening).toBe(naVerdaging);
    const bericht = await until(async () => (await berichten(a.klant)).find((b) => b.onderwerp === 'De beslissing op uw bezwaar duurt langer'), 'bericht over de verdaging');
    expect(bericht.tekst).toContain('uiterlijk 23 maart 2099');
    const opnieuw = await openTask(a.beslisser, bezwaarId, 'Beslissing');
    expect(dueDay(opnieuw)).toBe(naVerdaging);
    expect(await srv.engine.listIncidents({ tenantId: 'almere', state: 'active' })).toEqual([]);
  });
});
