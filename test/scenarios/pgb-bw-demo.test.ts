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
});
