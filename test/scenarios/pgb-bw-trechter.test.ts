import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TODAY, accounts, aanmelden, beoordeling, beschikt, doTask, totAanvraagIngediend, until, zaak } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('pgb bw funnel (Tabel 4.1) per wervingskanaal', () => {
  it('counts aanmeldingen, aanvragen, toekenningen, afwijzingen, niet doorgezet and aan het werk for the manager', async () => {
    // 1: a reply slip, but the klant does not go on after the oriëntatiegesprek.
    const a1 = await accounts(srv, 'helmond', 1);
    const z1 = await aanmelden(a1.klant, { wervingskanaal: 'brief-met-antwoordstrook' });
    await doTask(a1.km, z1, 'Orientatie', { orientatie: { gespreksdatum: TODAY, bevindingen: 'Wil toch in het sw-bedrijf blijven vanwege de Wsw-cao.', doorgaan: 'nee' } });
    // 2: through the sw-bedrijf, refused (the job is not suitable).
    const a2 = await accounts(srv, 'helmond', 2);
    const z2 = await totAanvraagIngediend(a2, { aanmelding: { wervingskanaal: 'sw-bedrijf' } });
    await doTask(a2.km, z2, 'Beoordeling', beoordeling('afwijzen', ['R06']));
    // 3: a reply slip, granted: at work.
    const a3 = await accounts(srv, 'helmond', 3);
    const z3 = await totAanvraagIngediend(a3, { aanmelding: { wervingskanaal: 'brief-met-antwoordstrook' } });
    await doTask(a3.km, z3, 'Beoordeling', beoordeling('toekennen'));
    await beschikt(a3, z3);
    await beschikt(a2, z2);
    await until(async () => ((await zaak(a1.km, z1)).status === 'afgesloten' ? true : null), 'niet doorgezet afgesloten');

    const manager = await ApiClient.as(srv.url, 'manager.helmond');
    const r = await manager.get<{ totaal: Record<string, number>; perWervingskanaal: ({ kanaal: string } & Record<string, number>)[] }>('/api/pgb-bw/trechter');
    expect(r.status).toBe(200);
    expect(r.body.totaal).toEqual({ aangemeld: 3, aanvraagIngediend: 2, toegekend: 1, afgewezen: 1, nietDoorgezet: 1, ingetrokken: 0, aanHetWerk: 1, beeindigd: 0 });
    expect(r.body.perWervingskanaal.find((k) => k.kanaal === 'brief-met-antwoordstrook')).toMatchObject({ aangemeld: 2, aanvraagIngediend: 1, toegekend: 1, nietDoorgezet: 1 });
    expect(r.body.perWervingskanaal.find((k) => k.kanaal === 'sw-bedrijf')).toMatchObject({ aangemeld: 1, afgewezen: 1 });
    expect(((await zaak(a1.km, z1)).resultaat)).toBe('niet-doorgezet');
    // Another gemeente sees only its own zaken.
    const eindhoven = await ApiClient.as(srv.url, 'manager.eindhoven');
    expect((await eindhoven.get<{ totaal: { aangemeld: number } }>('/api/pgb-bw/trechter')).body.totaal.aangemeld).toBe(0);
  });
});
