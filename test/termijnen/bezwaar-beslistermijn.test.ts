import { describe, expect, it } from 'vitest';
import { bezwaarBeslistermijn } from '../../workers/termijnen/terms.ts';
import { computeCaseClock, verdaag, type ZaakFeiten, type ZaaktypeNormen } from '../../workers/termijnen/case-clock.ts';
import { TermijnError } from '../../workers/termijnen/termijn-error.ts';

/**
 * Awb 7:10 lid 1: the beslissing op bezwaar within six weeks (twelve with an adviescommissie, 7:13)
 * "gerekend vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is
 * verstreken"; the bezwaartermijn is six weeks from the day after the verzending (6:7, 6:8). The
 * Algemene termijnenwet applies to both ends. Each expected date is worked out in its comment.
 */
describe('bezwaarBeslistermijn (Awb 7:10 lid 1)', () => {
  it('counts six weeks from the end of the bezwaartermijn, not from receipt', () => {
    // Sent Monday 23 November 2026; day 42 is Monday 4 January 2027 (a working day): last day of the
    // bezwaartermijn. The beslistermijn runs from Tuesday 5 January; day 42 is Monday 15 February 2027.
    const t = bezwaarBeslistermijn({ verzenddatum: '2026-11-23', ontvangen: '2026-11-23' });
    expect(t.bezwaartermijn.uiterlijkeReactiedatum).toBe('2027-01-04');
    expect(t).toMatchObject({ start: '2027-01-04', eersteDag: '2027-01-05', duur: 'P6W', uiterlijkeBeslisdatum: '2027-02-15', naTermijnOntvangen: false });
    // The same day whenever within the bezwaartermijn the bezwaar came in, its last day included.
    expect(bezwaarBeslistermijn({ verzenddatum: '2026-11-23', ontvangen: '2026-12-14' }).uiterlijkeBeslisdatum).toBe('2027-02-15');
    expect(bezwaarBeslistermijn({ verzenddatum: '2026-11-23', ontvangen: '2027-01-04' }).uiterlijkeBeslisdatum).toBe('2027-02-15');
  });

  it('starts after the bezwaartermijn as extended by the Atw', () => {
    // Sent Thursday 13 April 2028; day 42 is Thursday 25 May 2028, Hemelvaartsdag; Friday 26 May is
    // equated by decree (Atw art. 3 lid 3), then Saturday and Sunday: the bezwaartermijn runs through
    // Monday 29 May (Atw art. 1). Six weeks from Tuesday 30 May end on Monday 10 July 2028.
    const t = bezwaarBeslistermijn({ verzenddatum: '2028-04-13', ontvangen: '2028-05-02' });
    expect(t.bezwaartermijn).toMatchObject({ kalenderEinde: '2028-05-25', uiterlijkeReactiedatum: '2028-05-29' });
    expect(t).toMatchObject({ start: '2028-05-29', kalenderEinde: '2028-07-10', einde: '2028-07-10', verlenging: null });
  });

  it('applies the Atw to the end of the beslistermijn', () => {
    // Sent Friday 2 October 2026: bezwaartermijn through Friday 13 November 2026. Day 42 after that is
    // Friday 25 December 2026 (Eerste Kerstdag); 26 December is a Saturday too, then Sunday: Monday
    // 28 December 2026.
    const t = bezwaarBeslistermijn({ verzenddatum: '2026-10-02', ontvangen: '2026-10-20' });
    expect(t.bezwaartermijn.uiterlijkeReactiedatum).toBe('2026-11-13');
    expect(t).toMatchObject({ kalenderEinde: '2026-12-25', uiterlijkeBeslisdatum: '2026-12-28' });
    expect(t.verlenging?.artikel).toBe('Atw art. 1');
  });

  it('gives twelve weeks when an adviescommissie (7:13) advises', () => {
    // Bezwaartermijn through Monday 29 May 2028 (above); day 84 after it is Monday 21 August 2028.
    const t = bezwaarBeslistermijn({ verzenddatum: '2028-04-13', ontvangen: '2028-05-02', adviescommissie: true });
    expect(t).toMatchObject({ duur: 'P12W', start: '2028-05-29', uiterlijkeBeslisdatum: '2028-08-21' });
  });

  it('a bezwaar received after the bezwaartermijn counts from its receipt (reading, docs/bezwaar.md)', () => {
    // Bezwaartermijn through Monday 4 January 2027; received Monday 11 January: six weeks from
    // Tuesday 12 January end on Monday 22 February 2027.
    const t = bezwaarBeslistermijn({ verzenddatum: '2026-11-23', ontvangen: '2027-01-11' });
    expect(t).toMatchObject({ naTermijnOntvangen: true, start: '2027-01-11', uiterlijkeBeslisdatum: '2027-02-22' });
  });
});

describe('the zaak clock of a bezwaarzaak (beslistermijnVanaf)', () => {
  const bezwaar: ZaaktypeNormen = { doorlooptijd: 'P6W', servicenorm: 'P6W' };
  // Received Monday 23 November 2026 against a besluit sent that day: day 0 is Monday 4 January 2027.
  const feiten: ZaakFeiten = { startdatum: '2026-11-23', beslistermijnVanaf: '2027-01-04', opschortingen: [] };

  it('counts the doorlooptijd and the servicenorm from beslistermijnVanaf; startdatum stays the receipt', () => {
    const klok = computeCaseClock(bezwaar, feiten, '2026-11-23');
    expect(klok).toMatchObject({ startdatum: '2026-11-23', beslistermijnVanaf: '2027-01-04', einddatumGepland: '2027-02-15', uiterlijkeEinddatumAfdoening: '2027-02-15', status: 'op-tijd' });
    expect(computeCaseClock(bezwaar, feiten, '2027-02-16').status).toBe('termijn-verlopen');
  });

  it('a verdaging (7:10 lid 3) adds six weeks to that term, then the Atw', () => {
    // Monday 15 February 2027 + six weeks = Monday 29 March 2027, Tweede Paasdag (Easter is 28 March):
    // Tuesday 30 March 2027.
    const verdaagd = verdaag(bezwaar, feiten, { datum: '2026-12-01', termijn: 'P6W', reden: 'Awb 7:10 lid 3' });
    const klok = computeCaseClock(bezwaar, verdaagd, '2026-12-01');
    expect(klok).toMatchObject({ verdaagd: true, uiterlijkeEinddatumAfdoeningKalender: '2027-03-29', uiterlijkeEinddatumAfdoening: '2027-03-30' });
  });

  it('without beslistermijnVanaf the receipt is day 0, as before', () => {
    expect(computeCaseClock(bezwaar, { startdatum: '2026-11-23', opschortingen: [] }, '2026-11-23')).toMatchObject({ beslistermijnVanaf: '2026-11-23', uiterlijkeEinddatumAfdoening: '2027-01-04' });
  });

  it('refuses a beslistermijnVanaf before the receipt', () => {
    expect(() => computeCaseClock(bezwaar, { ...feiten, beslistermijnVanaf: '2026-11-22' }, '2026-11-23')).toThrow(TermijnError);
  });
});
