import { describe, expect, it } from 'vitest';
import { DWANGSOM_MAXIMUM_CENTEN, dwangsomBedragCenten, dwangsomRisico, dwangsomVaststellenUiterlijk } from '../../workers/termijnen/dwangsom.ts';

describe('dwangsomBedragCenten (Awb 4:17 lid 2)', () => {
  it.each([
    [0, 0],
    [1, 2_300],
    [14, 32_200],
    [15, 35_700],
    [28, 81_200],
    [29, 85_700],
    [42, 144_200],
    [60, 144_200],
  ])('%i days → %i cents', (days, cents) => {
    expect(dwangsomBedragCenten(days)).toBe(cents);
  });

  it('caps at €1.442', () => {
    expect(DWANGSOM_MAXIMUM_CENTEN).toBe(144_200);
  });
});

describe('dwangsomRisico (Awb 4:17 lid 1 and 3)', () => {
  // Beslistermijn ends Monday 18 May 2026; ingebrekestelling received Tuesday 19 May:
  // two weeks are 20 May – 2 June, the dwangsom runs from Wednesday 3 June, at most until 14 July.
  const base = { uiterlijkeEinddatumAfdoening: '2026-05-18', ingebrekestellingOntvangen: '2026-05-19' };

  it.each([
    ['2026-06-02', 'nog-niet-verbeurd', 0, 0, 2_300],
    ['2026-06-03', 'loopt', 1, 2_300, 2_300],
    ['2026-06-16', 'loopt', 14, 32_200, 3_500],
    ['2026-06-17', 'loopt', 15, 35_700, 3_500],
    ['2026-06-30', 'loopt', 28, 81_200, 4_500],
    ['2026-07-01', 'loopt', 29, 85_700, 4_500],
    ['2026-07-14', 'maximum-bereikt', 42, 144_200, 0],
    ['2027-01-01', 'maximum-bereikt', 42, 144_200, 0],
  ])('on %s: %s, %i days, %i cents, next day %i cents', (peildatum, status, dagen, bedrag, dagtarief) => {
    const risico = dwangsomRisico({ ...base, peildatum });
    expect(risico.eersteDag).toBe('2026-06-03');
    expect(risico.laatsteMogelijkeDag).toBe('2026-07-14');
    expect(risico).toMatchObject({ status, dagen, bedragCenten: bedrag, dagtariefCenten: dagtarief });
  });

  it.each([
    ['2026-05-18', 'on the last day of the termijn'],
    ['2026-05-01', 'before the termijn ended'],
  ])('an ingebrekestelling received %s is premature (%s)', (ontvangen) => {
    const risico = dwangsomRisico({ ...base, ingebrekestellingOntvangen: ontvangen, peildatum: '2026-08-01' });
    expect(risico).toMatchObject({ status: 'voorbarig', eersteDag: null, dagen: 0, bedragCenten: 0 });
  });

  it.each([
    ['2026-06-02', 0, 'within the two weeks: nothing owed'],
    ['2026-06-03', 0, 'on the first dwangsom day: that day no longer counts'],
    ['2026-06-10', 7, '3–9 June'],
  ])('beschikking given %s → %i days (%s)', (gegeven, dagen) => {
    const risico = dwangsomRisico({ ...base, beschikkingGegeven: gegeven, peildatum: '2026-09-01' });
    expect(risico.status).toBe('beeindigd');
    expect(risico.dagen).toBe(dagen);
    expect(risico.bedragCenten).toBe(dwangsomBedragCenten(dagen));
    expect(risico.dagtariefCenten).toBe(0);
  });

  it('a beschikking given after the peildatum does not end the dwangsom yet', () => {
    const risico = dwangsomRisico({ ...base, beschikkingGegeven: '2026-06-20', peildatum: '2026-06-05' });
    expect(risico).toMatchObject({ status: 'loopt', dagen: 3 });
  });

  it('the two weeks are a statutory termijn: the Atw moves their end off Hemelvaartsdag', () => {
    // Received Thursday 30 April 2026: two weeks end Thursday 14 May (Hemelvaartsdag), then the
    // equated Friday and the weekend → Monday 18 May; the dwangsom runs from Tuesday 19 May.
    const risico = dwangsomRisico({
      uiterlijkeEinddatumAfdoening: '2026-04-28',
      ingebrekestellingOntvangen: '2026-04-30',
      peildatum: '2026-05-19',
    });
    expect(risico).toMatchObject({ eersteDag: '2026-05-19', dagen: 1, bedragCenten: 2_300 });
  });

  it('the 42 days are calendar days: weekends and feestdagen count (Atw excluded by lid 1)', () => {
    const risico = dwangsomRisico({ ...base, peildatum: '2026-06-07' }); // Wed 3 – Sun 7 June
    expect(risico.dagen).toBe(5);
  });
});

describe('dwangsomVaststellenUiterlijk (Awb 4:18)', () => {
  // As above: the dwangsom runs from Wednesday 3 June 2026, at most until Tuesday 14 July.
  const base = { uiterlijkeEinddatumAfdoening: '2026-05-18', ingebrekestellingOntvangen: '2026-05-19' };

  it('is two weeks after the last day owed: the day before the beschikking', () => {
    // Beschikking Friday 12 June: owed 3–11 June; two weeks after Thursday 11 June end Thursday 25 June.
    const risico = dwangsomRisico({ ...base, beschikkingGegeven: '2026-06-12', peildatum: '2026-06-20' });
    expect(risico).toMatchObject({ status: 'beeindigd', dagen: 9 });
    expect(dwangsomVaststellenUiterlijk(risico, '2026-06-12')).toBe('2026-06-25');
  });

  it('is two weeks after the 42nd day once the maximum is reached, moved off a rest day (Atw)', () => {
    // 42nd day Tuesday 14 July; two weeks end Tuesday 28 July.
    expect(dwangsomVaststellenUiterlijk(dwangsomRisico({ ...base, peildatum: '2026-08-01' }), null)).toBe('2026-07-28');
    // Maximum reached, beschikking much later: still the 42nd day counts.
    const laat = dwangsomRisico({ ...base, beschikkingGegeven: '2026-09-01', peildatum: '2026-09-02' });
    expect(dwangsomVaststellenUiterlijk(laat, '2026-09-01')).toBe('2026-07-28');
    // Two weeks ending on a Sunday run to Monday: ingebrekestelling 26 May → dwangsom from 10 June,
    // beschikking Monday 15 June → last day owed Sunday 14 June → 28 June is a Sunday → Monday 29 June.
    const zondag = dwangsomRisico({ ...base, ingebrekestellingOntvangen: '2026-05-26', beschikkingGegeven: '2026-06-15', peildatum: '2026-06-16' });
    expect(zondag.eersteDag).toBe('2026-06-10');
    expect(dwangsomVaststellenUiterlijk(zondag, '2026-06-15')).toBe('2026-06-29');
  });

  it('is none while the dwangsom still runs, before it starts, or when nothing was owed', () => {
    expect(dwangsomVaststellenUiterlijk(dwangsomRisico({ ...base, peildatum: '2026-06-10' }), null)).toBeNull();
    expect(dwangsomVaststellenUiterlijk(dwangsomRisico({ ...base, peildatum: '2026-05-25' }), null)).toBeNull();
    const opTijd = dwangsomRisico({ ...base, beschikkingGegeven: '2026-05-29', peildatum: '2026-06-10' });
    expect(opTijd.bedragCenten).toBe(0);
    expect(dwangsomVaststellenUiterlijk(opTijd, '2026-05-29')).toBeNull();
  });
});
