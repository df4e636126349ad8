import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, berichten, doTask, openTask, procesVariabelen, TODAY, until, zaak, type Accounts } from './prb-support.ts';
import { afgesloten, zaakAanbieders } from './iro-support.ts';

let srv: TestServer;
let a: Accounts;
beforeAll(async () => {
  srv = await startTestServer();
  a = await accounts(srv, 'almere');
});
afterAll(() => srv?.stop());

function verzoek(overrides: Record<string, unknown> = {}) {
  return {
    verzoek: {
      naam: 'Amal Haddad',
      bsn: '111222333',
      geboortedatum: '1990-07-01',
      contact: { email: 'amal@example.nl', telefoon: '' },
      inburgeraar: 'verplicht',
      uitkering: 'WWB',
      woontInGemeente: 'ja',
      motivatie: 'Ik wil taalles combineren met een opleiding tot heftruckchauffeur.',
      toestemming: true,
      ...overrides,
    },
  };
}

async function start(overrides: Record<string, unknown> = {}) {
  const res = await a.klant.post<{ id: string }>('/api/zaken', { regeling: 'pib', gegevens: verzoek(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const duaalProgramma = {
  programma: {
    onderdelen: [
      { soort: 'taal', omschrijving: 'Nederlandse les tot B1', aanbiederId: 'demo-taalhuis', bedragCent: '2.500,00' },
      { soort: 'inburgering', omschrijving: 'Kennis van de Nederlandse maatschappij', aanbiederId: 'demo-taalhuis', bedragCent: '500,00' },
      { soort: 'reintegratie', omschrijving: 'Opleiding heftruckchauffeur', aanbiederId: 'demo-vakschool', bedragCent: '1.500,00' },
    ],
    hulp: 'met-hulp',
    toelichting: '',
  },
};

const factuur = (id: string, regel: number, bedragCents: number, referentie: string) =>
  a.km.post(`/api/zaken/${id}/declaraties`, { soort: 'factuur', verplichtingId: `${id}:a${regel}`, bedragCents, referentie, omschrijving: `Factuur ${referentie}` });

describe('pib in Almere: the inburgeraar chooses, the gemeente contracts', () => {
  it('refuses an inburgeraar who does not live in the gemeente, with a coded reason', async () => {
    const id = await start({ woontInGemeente: 'nee' });
    const z = await afgesloten(a.klant, id);
    expect(z.resultaat).toBe('niet-toegelaten');
    expect(z.documenten.some((d) => d.soort === 'beschikking')).toBe(true);
    const v = await procesVariabelen(srv, id);
    expect((v.besluit as { gronden: { code: string }[] }).gronden.map((g) => g.code)).toEqual(['PIB_WOONT_NIET_IN_GEMEENTE']);
  });

  it('a WWB inburgeraar gets a duaal programme; the gemeente contracts both providers and pays their invoices', async () => {
    const id = await start();
    await doTask(a.klant, id, 'Programma', duaalProgramma);
    await doTask(a.km, id, 'Beoordeling', { beoordeling: { advies: 'toekennen', afwijzingsgronden: [], motivering: 'Taal en werk gecombineerd; passende aanbieders.' } });
    const besloten = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.budget && z.documenten.some((d) => d.soort === 'beschikking') ? z : null;
    }, 'beschikking en budget');
    expect(besloten.budget).toMatchObject({ toegekendCents: 450_000 });
    expect((await procesVariabelen(srv, id)).programmaToets).toMatchObject({ duaal: true, duaalVereist: true, totaalCent: 450_000 });
    const contracten = (await zaakAanbieders(srv, id)).sort((x, y) => x.aanbieder_id.localeCompare(y.aanbieder_id));
    expect(contracten).toEqual([
      expect.objectContaining({ aanbieder_id: 'demo-taalhuis', status: 'gecontracteerd', gekozen_door: 'klant', bedrag_cents: 300_000 }),
      expect.objectContaining({ aanbieder_id: 'demo-vakschool', status: 'gecontracteerd', gekozen_door: 'klant', bedrag_cents: 150_000 }),
    ]);

    // The taalhuis invoices above the finance threshold (approval); the vakschool below it.
    expect((await factuur(id, 1, 150_000, 'TH-2026-1')).status).toBe(202);
    await doTask(a.fin, id, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: '' } });
    expect((await factuur(id, 2, 80_000, 'VS-2026-7')).status).toBe(202);
    const betaald = await until(async () => {
      const z = await zaak(a.km, id);
      return z.budget?.betalingen.filter((b) => b.status === 'goedgekeurd').length === 2 ? z : null;
    }, 'twee facturen goedgekeurd');
    expect(betaald.budget!.betalingen.map((b) => b.bedragCents).sort()).toEqual([150_000, 80_000]);
    // A provider cannot invoice more than its contract.
    expect((await factuur(id, 2, 100_000, 'VS-2026-8')).status).toBe(202);
    const weigering = await until(async () => (await berichten(a.klant)).find((b) => b.zaakId === id && b.tekst.startsWith('Wij kunnen deze betaling niet doen')), 'weigering factuur boven contract');
    expect(weigering.tekst).toContain('hoger dan wat er op "re-integratie bij Vakschool Flevoland" nog openstaat');
    expect(weigering.onderwerp).toBe('Uw declaratie of factuur is afgewezen');
    // The worker's reason is its own sentence: no colon before a capital, no double full stop.
    expect(weigering.tekst).toMatch(/^Wij kunnen deze betaling niet doen\. Deze betaling van /);
    expect(weigering.tekst).not.toContain('..');
    // The refused factuur stays visible, with its reason; only the two accepted ones count.
    const naWeigering = (await zaak(a.km, id)).budget!.betalingen;
    expect(naWeigering.filter((b) => b.status !== 'afgewezen')).toHaveLength(2);
    const afgewezen = naWeigering.find((b) => b.status === 'afgewezen');
    expect(afgewezen).toMatchObject({ bedragCents: 100_000 });
    expect((afgewezen as { reden?: string }).reden).toContain('hoger dan wat er op "re-integratie bij Vakschool Flevoland" nog openstaat');

    // A last invoice still waits for finance when the klantmanager closes the programme: the zaak waits too.
    expect((await factuur(id, 1, 120_000, 'TH-2026-2')).status).toBe(202);
    await openTask(a.fin, id, 'BetalingGoedkeuren');
    await doTask(a.km, id, 'TrajectVolgen', { voortgang: { rapportages: [{ datum: TODAY, verslag: 'Taalniveau A2 gehaald, stage gestart.' }], afgerond: true } });
    await doTask(a.km, id, 'Verantwoording', { verantwoording: { programma: 'afgerond', examen: 'behaald', reintegratie: 'betaald-werk', uitgaven: 'volledig', toelichting: '' } });
    await openTask(a.fin, id, 'BetalingenAfronden');
    expect((await zaak(a.km, id)).status).not.toBe('afgesloten');
    await doTask(a.fin, id, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd', toelichting: '' } });
    await doTask(a.fin, id, 'BetalingenAfronden', { afronding: { afgehandeld: true } });
    const klaar = await afgesloten(a.km, id);
    expect(klaar.budget!.betalingen.map((b) => [b.bedragCents, b.status]).sort()).toEqual([
      [100_000, 'afgewezen'],
      [120_000, 'goedgekeurd'],
      [150_000, 'goedgekeurd'],
      [80_000, 'goedgekeurd'],
    ]);
    expect(klaar.resultaat).toBe('programma-afgerond');
    expect((await zaakAanbieders(srv, id)).map((x) => x.resultaat)).toEqual(['afgerond', 'afgerond']);
  });
});
