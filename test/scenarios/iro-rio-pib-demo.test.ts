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

describe('GET /api/regelingen explains iro, rio and pib from the organisation’s own policy', () => {
  it('UWV offers the iro only with a full traject; Rotterdam the rio; Almere prb and pib', async () => {
    const lijst = async (user: string) =>
      (await (await ApiClient.as(srv.url, user)).get<{ regeling: string; beschikbaar: boolean; startFormId: string | null; uitleg: { voorWie: string[]; watIsHet: string; watMag: string } | null }[]>('/api/regelingen')).body;
    const uwv = await lijst('klant1.uwv');
    expect(uwv.filter((r) => r.beschikbaar).map((r) => r.regeling)).toEqual(['iro']);
    expect(uwv.find((r) => r.regeling === 'iro')).toMatchObject({ startFormId: 'iro-aanmelding' });
    expect(uwv.find((r) => r.regeling === 'iro')!.uitleg!.voorWie).toContain('UWV heeft vastgesteld dat u een volledig re-integratietraject nodig heeft.');
    expect(uwv.find((r) => r.regeling === 'iro')!.uitleg!.watIsHet).toContain('50% bij de start');
    const rotterdam = await lijst('klant1.rotterdam');
    expect(rotterdam.find((r) => r.regeling === 'rio')!.uitleg!.voorWie).toContain('U bent minstens 6 maanden zonder werk.');
    const almere = await lijst('klant1.almere');
    expect(almere.filter((r) => r.beschikbaar).map((r) => r.regeling)).toEqual(expect.arrayContaining(['prb', 'pib']));
    expect(almere.find((r) => r.regeling === 'pib')!.uitleg!.watIsHet).toContain('De gemeente Almere sluit de contracten');
    expect(almere.find((r) => r.regeling === 'iro')).toMatchObject({ beschikbaar: false, uitleg: null });
  });
});
