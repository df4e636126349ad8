import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TODAY, accounts, beoordeling, beschikt, doTask, openTask, procesVariabelen, totAanvraagIngediend, until, zaak } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('bezwaar against a pgb bw besluit (shared bezwaar.bpmn)', () => {
  it('a refused klant in Leiden objects; the beslissing op bezwaar is a pgb bw beschikking and closes the bezwaar zaak', async () => {
    const a = await accounts(srv, 'leiden', 1);
    // Leiden reads "612 mnd" as 12 months: a 6-month contract is refused (R07).
    const id = await totAanvraagIngediend(a, { aanvraag: { werkgever: { contractMaanden: 6 } } });
    await openTask(a.km, id, 'Beoordeling');
    await doTask(a.km, id, 'Beoordeling', beoordeling('afwijzen', ['R07']));
    const hoofdzaak = await beschikt(a, id);
    expect(((await procesVariabelen(srv, id)).besluit as { gronden: { code: string }[] }).gronden.map((g) => g.code)).toEqual(['R07']);

    const ingediend = await a.klant.post<{ id: string; regeling: string }>(`/api/zaken/${id}/bezwaar`, {
      gegevens: { bezwaar: { besluitKenmerk: hoofdzaak.identificatie, gronden: 'De werkgever biedt na zes maanden een vast contract aan.', gewenstResultaat: 'Toekenning van het pgb bw.', horen: 'nee' } },
    });
    expect(ingediend.status, JSON.stringify(ingediend.body)).toBe(201);
    const bezwaarId = ingediend.body.id;
    expect((await procesVariabelen(srv, bezwaarId)).regeling).toBe('pgb-bw');
    await doTask(a.km, bezwaarId, 'Ontvankelijkheid', { ontvankelijkheid: { tijdig: 'ja', ontvankelijk: 'ja', horen: 'hoorzitting', motivering: 'Tijdig ingediend.' } });
    await doTask(a.beslisser, bezwaarId, 'Hoorzitting', { hoorzitting: { datum: TODAY, vorm: 'fysiek', verschenen: 'ja', verslag: 'De klant licht het aanbod van de werkgever toe.' } });
    await doTask(a.beslisser, bezwaarId, 'Beslissing', { beslissing: { uitkomst: 'ongegrond', motivering: 'De verordening vraagt een arbeidsovereenkomst van minstens twaalf maanden.' } });
    const afgehandeld = await until(async () => {
      const z = await zaak(a.klant, bezwaarId);
      return z.status === 'afgesloten' ? z : null;
    }, 'bezwaarzaak afgesloten');
    expect(afgehandeld.resultaat).toBe('bezwaar-ongegrond');
    expect(afgehandeld.documenten.map((d) => d.soort)).toContain('beschikking');
    expect(await srv.engine.listIncidents({ tenantId: 'leiden', state: 'active' })).toEqual([]);
  });
});
