import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTask } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ demoZaken: true });
});
afterAll(() => srv?.stop());

/** The README's "pib, iro en rio proberen" starts from these demo zaken. */
describe('demo zaken for iro, rio and pib', () => {
  for (const [tenant, regeling, gebruiker, elementId] of [
    ['uwv', 'iro', 'klantmanager.uwv', 'AfstandBepalen'],
    ['rotterdam', 'rio', 'klantmanager.rotterdam', 'AfstandBepalen'],
    ['almere', 'pib', 'klant3.almere', 'Programma'],
  ] as const) {
    it(`${regeling} in ${tenant}: one zaak, waiting for ${elementId}`, async () => {
      const c = await ApiClient.as(srv.url, gebruiker);
      const zaken = (await c.get<{ id: string }[]>(`/api/zaken?regeling=${regeling}`)).body;
      expect(zaken).toHaveLength(1);
      const task = await openTask(c, zaken[0]!.id, elementId);
      expect(task.elementId).toBe(elementId);
    });
  }
});
