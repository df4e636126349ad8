import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, berichten, doTask, procesVariabelen, toegekendeZaak, TODAY, until, zaak } from './prb-support.ts';

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
});
