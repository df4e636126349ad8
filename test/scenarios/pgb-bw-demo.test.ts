import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTask, procesVariabelen } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ demoZaken: true });
});
afterAll(() => srv?.stop());

/** The README's "pgb bw proberen" starts from these demo zaken. */
describe('demo zaken for the pgb bw', () => {
  it('Eindhoven has two, one of them pre-financed from the wachtlijst; Helmond one; all wait for the oriëntatiegesprek', async () => {
    for (const [tenant, aantal] of [['eindhoven', 2], ['helmond', 1]] as const) {
      const km = await ApiClient.as(srv.url, `klantmanager.${tenant}`);
      const zaken = (await km.get<{ id: string }[]>('/api/zaken?regeling=pgb-bw')).body;
      expect(zaken).toHaveLength(aantal);
      for (const z of zaken) await openTask(km, z.id, 'Orientatie');
      if (tenant === 'eindhoven') {
        const bronnen = await Promise.all(zaken.map(async (z) => ((await procesVariabelen(srv, z.id)).financiering as { bron: string }).bron));
        expect(bronnen.sort()).toEqual(['participatiebudget', 'wsw-budget']);
      }
    }
  });

  it('the Regelingen page explains the pgb bw from the gemeente’s own verordening', async () => {
    const uitleg = async (tenant: string) => {
      const klant = await ApiClient.as(srv.url, `klant3.${tenant}`);
      const r = (await klant.get<{ regeling: string; beschikbaar: boolean; uitleg: { voorWie: string[]; watMag: string; watNiet: string[] } | null }[]>('/api/regelingen')).body.find((x) => x.regeling === 'pgb-bw');
      expect(r?.beschikbaar).toBe(true);
      return r!.uitleg!;
    };
    const eindhoven = await uitleg('eindhoven');
    expect(eindhoven.voorWie.join(' ')).toMatch(/hoeft u nog niet aan de beurt te zijn/);
    expect(eindhoven.voorWie.join(' ')).toMatch(/minstens 12 maanden/);
    expect(eindhoven.watMag).toMatch(/hoogstens € 2\.500,00/);
    const apeldoorn = await uitleg('apeldoorn');
    expect(apeldoorn.voorWie.join(' ')).toMatch(/minstens 6 maanden/);
    expect(apeldoorn.watNiet.join(' ')).toMatch(/jobfinding/);
    expect((await uitleg('enschede')).voorWie.join(' ')).toMatch(/één dagdeel werk per werkdag/);
  });
});
