import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTask } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ demoZaken: true });
});
afterAll(() => srv?.stop());

/**
 * The README's first command promises a manager a zaak over its term, and in Almere a running
 * dwangsom, without doing anything first: klant2's prb aanvraag is dated back past the legal term.
 */
describe('demo zaken for the prb', () => {
  interface Overzicht {
    regelingen: Array<{ regeling: string; lopend: { inTermijn: number; risico: number; overTermijn: number }; dwangsom: { lopend: number; lopendCent: number } }>;
  }
  interface Lijst {
    totaal: number;
    zaken: Array<{ klant: { naam: string }; dagenTotUiterlijkeEinddatum: number | null; dwangsomCent: number | null }>;
  }
  it('Almere: klant1 in termijn, klant2 about five weeks over it with a dwangsom running since the ingebrekestelling', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const prb = (await manager.get<Overzicht>('/api/doorlooptijden')).body.regelingen.find((r) => r.regeling === 'prb')!;
    expect(prb.lopend).toEqual({ inTermijn: 1, risico: 0, overTermijn: 1 });
    expect(prb.dwangsom.lopend).toBe(1);
    // Received 21 days ago: owed from the day after two weeks (Awb 4:17 lid 1, the Atw may move that end
    // by up to three days), € 23 a day in the first two weeks: four to seven days today.
    expect(prb.dwangsom.lopendCent % 2300).toBe(0);
    expect(prb.dwangsom.lopendCent).toBeGreaterThanOrEqual(4 * 2300);
    expect(prb.dwangsom.lopendCent).toBeLessThanOrEqual(7 * 2300);
    const over = (await manager.get<Lijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn')).body;
    expect(over.totaal).toBe(1);
    // Dated back 35 days past the term; the Atw may move the term's end by a few days.
    expect(over.zaken[0]!.dagenTotUiterlijkeEinddatum).toBeLessThanOrEqual(-30);
    expect(over.zaken[0]!.dwangsomCent).toBe(prb.dwangsom.lopendCent);
  });

  it('Breda: the late zaak has no dwangsom (no ingebrekestelling); the klantmanager sees its term has passed', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.breda');
    const prb = (await manager.get<Overzicht>('/api/doorlooptijden')).body.regelingen.find((r) => r.regeling === 'prb')!;
    expect(prb.lopend).toEqual({ inTermijn: 1, risico: 0, overTermijn: 1 });
    expect(prb.dwangsom.lopend).toBe(0);
    const km = await ApiClient.as(srv.url, 'klantmanager.breda');
    const zaken = (await km.get<Array<{ status: string; klok: { status: string; dwangsom: unknown } }>>('/api/zaken?regeling=prb')).body;
    expect(zaken.map((z) => z.klok.status).sort()).toEqual(['op-tijd', 'termijn-verlopen']);
    expect(zaken.every((z) => z.status === 'in-behandeling' && z.klok.dwangsom === null)).toBe(true);
  });
});

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
