import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeCaseClock,
  hersteltermijnVerstreken,
  validateZaaktypeNormen,
  verdaag,
  type Opschorting,
  type ZaakFeiten,
  type ZaaktypeNormen,
} from '../../workers/termijnen/case-clock.ts';
import { isAtwRestDay } from '../../workers/termijnen/atw-calendar.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../workers/termijnen/iso-date.ts';
import { TermijnError } from '../../workers/termijnen/termijn-error.ts';

const prb: ZaaktypeNormen = { doorlooptijd: 'P8W', servicenorm: 'P4W', verdagingstermijn: 'P6W' };
// Thursday 19 March 2026: eight weeks end on Hemelvaartsdag 14 May.
const hemelvaart: ZaakFeiten = { startdatum: '2026-03-19', opschortingen: [] };
// Monday 2 March 2026: eight weeks end on Koningsdag, Monday 27 April.
const koningsdag: ZaakFeiten = { startdatum: '2026-03-02', opschortingen: [] };

const opschorting = (van: string, tot: string | null): Opschorting => ({ van, tot, reden: 'aanvulling (Awb 4:5)' });

describe('dates without opschorting or verdaging', () => {
  it('einddatumGepland = start + servicenorm (no Atw), uiterlijkeEinddatumAfdoening = start + doorlooptijd with Atw', () => {
    const klok = computeCaseClock(prb, hemelvaart, '2026-04-01');
    expect(klok).toMatchObject({
      einddatumGepland: '2026-04-16',
      uiterlijkeEinddatumAfdoeningKalender: '2026-05-14',
      uiterlijkeEinddatumAfdoening: '2026-05-18',
      opgeschorteDagen: 0,
      opgeschort: false,
      voorlopig: false,
      verdaagd: false,
      afgehandeld: false,
      dwangsom: null,
    });
    expect(klok.atwVerlenging?.artikel).toBe('Atw art. 1');
  });

  it('a servicenorm ending on a Sunday stays on the Sunday', () => {
    const klok = computeCaseClock({ doorlooptijd: 'P8W', servicenorm: 'P3W' }, { startdatum: '2026-04-26', opschortingen: [] }, '2026-04-27');
    expect(klok.einddatumGepland).toBe('2026-05-17');
  });
});

describe('state on a peildatum', () => {
  it.each([
    ['2026-04-01', 'op-tijd', 15, 47],
    ['2026-04-16', 'op-tijd', 0, 32],
    ['2026-04-17', 'servicenorm-overschreden', -1, 31],
    ['2026-05-14', 'servicenorm-overschreden', -28, 4],
    ['2026-05-18', 'servicenorm-overschreden', -32, 0],
    ['2026-05-19', 'termijn-verlopen', -33, -1],
  ])('on %s: %s, %i days to einddatumGepland, %i to the uiterlijke einddatum', (peil, status, totGepland, totUiterlijk) => {
    const klok = computeCaseClock(prb, hemelvaart, peil);
    expect(klok).toMatchObject({ status, dagenTotEinddatumGepland: totGepland, dagenTotUiterlijkeEinddatum: totUiterlijk });
  });

  it('counts working days left, skipping Hemelvaartsdag and the equated Friday', () => {
    expect(computeCaseClock(prb, hemelvaart, '2026-05-11').werkdagenTotUiterlijkeEinddatum).toBe(3);
    expect(computeCaseClock(prb, hemelvaart, '2026-05-18').werkdagenTotUiterlijkeEinddatum).toBe(0);
  });

  it('judges an afgehandelde zaak on its einddatum', () => {
    const late = computeCaseClock(prb, { ...hemelvaart, einddatum: '2026-05-19' }, '2026-07-01');
    expect(late).toMatchObject({ afgehandeld: true, status: 'termijn-verlopen', dagenTotUiterlijkeEinddatum: -1 });
    const inTime = computeCaseClock(prb, { ...hemelvaart, einddatum: '2026-05-18' }, '2026-07-01');
    expect(inTime).toMatchObject({ afgehandeld: true, status: 'servicenorm-overschreden' });
  });

  it('an einddatum after the peildatum is not yet afgehandeld', () => {
    expect(computeCaseClock(prb, { ...hemelvaart, einddatum: '2026-05-01' }, '2026-04-01').afgehandeld).toBe(false);
  });
});

describe('midnight in Amsterdam vs UTC', () => {
  it('22:30 UTC on 18 May is already 19 May in Amsterdam: the termijn has expired', () => {
    const instant = new Date('2026-05-18T22:30:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-05-18');
    const klok = computeCaseClock(prb, hemelvaart, instant);
    expect(klok.peildatum).toBe('2026-05-19');
    expect(klok.status).toBe('termijn-verlopen');
  });

  it('21:59 UTC on 18 May is still 18 May in Amsterdam (summer time)', () => {
    expect(computeCaseClock(prb, hemelvaart, new Date('2026-05-18T21:59:00Z')).status).toBe('servicenorm-overschreden');
  });
});

describe('opschorting (Awb 4:15)', () => {
  it('a completed aanvraag moves both dates by the days from the day after the request until the day of completion', () => {
    // Asked Tuesday 10 March, completed Tuesday 24 March: paused 11–23 March = 13 days.
    const klok = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', '2026-03-24')] }, '2026-04-01');
    expect(klok.opgeschorteDagen).toBe(13);
    expect(klok.einddatumGepland).toBe('2026-04-12'); // 30 March + 13, a Sunday: no Atw
    expect(klok.uiterlijkeEinddatumAfdoeningKalender).toBe('2026-05-10'); // 27 April + 13, a Sunday
    expect(klok.uiterlijkeEinddatumAfdoening).toBe('2026-05-11');
    expect(klok.opgeschort).toBe(false);
  });

  it('an unused hersteltermijn pauses the clock through its last day', () => {
    expect(hersteltermijnVerstreken('2026-03-24')).toBe('2026-03-25');
    const klok = computeCaseClock(
      prb,
      { ...koningsdag, opschortingen: [opschorting('2026-03-10', hersteltermijnVerstreken('2026-03-24'))] },
      '2026-04-01',
    );
    expect(klok.opgeschorteDagen).toBe(14);
    expect(klok.uiterlijkeEinddatumAfdoening).toBe('2026-05-11');
  });

  it('completion on the day after the request pauses nothing', () => {
    const klok = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', '2026-03-11')] }, '2026-04-01');
    expect(klok.opgeschorteDagen).toBe(0);
    expect(klok.uiterlijkeEinddatumAfdoening).toBe('2026-04-28'); // Koningsdag → Tuesday
  });

  it('an open opschorting pauses the clock through the peildatum; the dates are provisional', () => {
    const feiten = { ...koningsdag, opschortingen: [opschorting('2026-03-10', null)] };
    const onThe20th = computeCaseClock(prb, feiten, '2026-03-20');
    expect(onThe20th).toMatchObject({
      opgeschort: true,
      voorlopig: true,
      opgeschorteDagen: 10,
      uiterlijkeEinddatumAfdoening: '2026-05-07',
      status: 'op-tijd',
    });
    const onThe21st = computeCaseClock(prb, feiten, '2026-03-21');
    expect(onThe21st.uiterlijkeEinddatumAfdoening).toBe('2026-05-08');
    // While paused, the days left stand still.
    expect(onThe21st.dagenTotUiterlijkeEinddatum).toBe(onThe20th.dagenTotUiterlijkeEinddatum);
  });

  it('on the day of the request the clock still runs', () => {
    const klok = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', null)] }, '2026-03-10');
    expect(klok).toMatchObject({ opgeschort: false, voorlopig: true, opgeschorteDagen: 0 });
  });

  it('on the day of completion the clock runs again', () => {
    const klok = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', '2026-03-24')] }, '2026-03-24');
    expect(klok.opgeschort).toBe(false);
    expect(computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', '2026-03-24')] }, '2026-03-23').opgeschort).toBe(true);
  });

  it('overlapping opschortingen count each day once', () => {
    const klok = computeCaseClock(
      prb,
      { ...koningsdag, opschortingen: [opschorting('2026-03-10', '2026-03-24'), opschorting('2026-03-20', '2026-03-27')] },
      '2026-04-01',
    );
    expect(klok.opgeschorteDagen).toBe(16); // 11–26 March
  });

  it('a request after the termijn ended revives nothing; after the servicenorm it moves only the statutory date', () => {
    const afterEnd = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-04-29', '2026-05-13')] }, '2026-06-01');
    expect(afterEnd).toMatchObject({ opgeschorteDagen: 0, uiterlijkeEinddatumAfdoening: '2026-04-28', status: 'termijn-verlopen' });
    const afterService = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-04-06', '2026-04-13')] }, '2026-04-14');
    expect(afterService.einddatumGepland).toBe('2026-03-30');
    expect(afterService.uiterlijkeEinddatumAfdoeningKalender).toBe('2026-05-03'); // 27 April + 6
    expect(afterService.uiterlijkeEinddatumAfdoening).toBe('2026-05-04');
  });

  it('an open opschorting ends with the zaak', () => {
    const klok = computeCaseClock(prb, { ...koningsdag, opschortingen: [opschorting('2026-03-10', null)], einddatum: '2026-03-20' }, '2026-06-01');
    expect(klok).toMatchObject({ afgehandeld: true, opgeschort: false, voorlopig: false, opgeschorteDagen: 10, status: 'op-tijd' });
  });

  it.each([
    [opschorting('2026-03-24', '2026-03-10'), /eindigt.*vóór die begint/],
    [opschorting('2026-03-01', '2026-03-10'), /vóór de startdatum/],
    [opschorting('2026-03-10', '24-03-2026'), /JJJJ-MM-DD/],
  ])('refuses an impossible opschorting %j', (o, message) => {
    expect(() => computeCaseClock(prb, { ...koningsdag, opschortingen: [o] }, '2026-04-01')).toThrow(message);
  });
});

describe('verdaging (Awb 4:14), once', () => {
  const verdaging = { datum: '2026-04-20', termijn: 'P4W', reden: 'advies van de jobcoach nodig' };

  it('moves only the uiterlijke einddatum, from the end in force, then Atw', () => {
    const feiten = verdaag(prb, koningsdag, verdaging);
    const klok = computeCaseClock(prb, feiten, '2026-04-21');
    expect(klok).toMatchObject({
      verdaagd: true,
      einddatumGepland: '2026-03-30',
      uiterlijkeEinddatumAfdoeningKalender: '2026-05-25', // 27 April + 4 weeks: Tweede Pinksterdag
      uiterlijkeEinddatumAfdoening: '2026-05-26',
    });
  });

  it('counts opschorting during the verdaging too', () => {
    const feiten = { ...verdaag(prb, koningsdag, verdaging), opschortingen: [opschorting('2026-05-01', '2026-05-05')] };
    expect(computeCaseClock(prb, feiten, '2026-05-06').uiterlijkeEinddatumAfdoeningKalender).toBe('2026-05-28');
  });

  it('refuses a second verdaging in Dutch, pointing to written consent instead', () => {
    const feiten = verdaag(prb, koningsdag, verdaging);
    const second = () => verdaag(prb, feiten, { ...verdaging, datum: '2026-05-20' });
    expect(second).toThrow(TermijnError);
    expect(second).toThrow(/al verdaagd op 2026-04-20.*maar één keer.*4:15 lid 2/);
    try {
      second();
    } catch (error) {
      expect((error as TermijnError).code).toBe('verdaging-dubbel');
    }
  });

  it('allows a verdaging on the last day after the Atw, refuses one after it', () => {
    expect(verdaag(prb, koningsdag, { ...verdaging, datum: '2026-04-28' }).verdaging?.datum).toBe('2026-04-28');
    expect(() => verdaag(prb, koningsdag, { ...verdaging, datum: '2026-04-29' })).toThrow(/uiterlijk op 2026-04-28/);
  });

  it('refuses a verdaging longer than the zaaktype allows', () => {
    expect(() => verdaag(prb, koningsdag, { ...verdaging, termijn: 'P7W' })).toThrow(/langer dan dit zaaktype toestaat \(P6W\)/);
  });

  it('checks stored facts as well as new actions', () => {
    const late = { ...koningsdag, verdaging: { ...verdaging, datum: '2026-05-01' } };
    expect(() => computeCaseClock(prb, late, '2026-05-02')).toThrow(TermijnError);
  });
});

describe('zaaktype norms', () => {
  it.each([
    [{ doorlooptijd: 'P8W', servicenorm: 'P8W' }],
    [{ doorlooptijd: 'P8W', servicenorm: 'P1W' }],
    [{ doorlooptijd: 'P1M', servicenorm: 'P4W' }],
    [{ doorlooptijd: 'P6W', servicenorm: 'P6W', verdagingstermijn: 'P6W' }],
  ])('accepts %j', (normen) => {
    expect(() => validateZaaktypeNormen(normen)).not.toThrow();
  });

  it.each([
    [{ doorlooptijd: 'P8W', servicenorm: 'P9W' }],
    [{ doorlooptijd: 'P8W', servicenorm: 'P2M' }],
    [{ doorlooptijd: 'P4W', servicenorm: 'P1M' }],
  ])('refuses a servicenorm longer than the doorlooptijd: %j', (normen) => {
    expect(() => validateZaaktypeNormen(normen)).toThrow(/servicenorm .* mag niet langer zijn dan de doorlooptijd/);
    expect(() => computeCaseClock(normen, hemelvaart, '2026-04-01')).toThrow(TermijnError);
  });

  it('refuses a malformed norm, naming it', () => {
    expect(() => validateZaaktypeNormen({ doorlooptijd: '8 weken', servicenorm: 'P4W' })).toThrow(/De doorlooptijd \(8 weken\)/);
  });
});

describe('dwangsom through the clock (Awb 4:17)', () => {
  it('starts two weeks after an ingebrekestelling received once the termijn expired', () => {
    const feiten = { ...hemelvaart, ingebrekestelling: { ontvangen: '2026-05-19' } };
    expect(computeCaseClock(prb, feiten, '2026-06-10').dwangsom).toMatchObject({ status: 'loopt', eersteDag: '2026-06-03', dagen: 8, bedragCenten: 18_400 });
  });

  it('stops on the einddatum', () => {
    const feiten = { ...hemelvaart, ingebrekestelling: { ontvangen: '2026-05-19' }, einddatum: '2026-06-05' };
    expect(computeCaseClock(prb, feiten, '2026-07-01').dwangsom).toMatchObject({ status: 'beeindigd', dagen: 2, bedragCenten: 4_600 });
  });

  it('is premature while an opschorting keeps the termijn running', () => {
    const feiten = { ...hemelvaart, opschortingen: [opschorting('2026-05-01', null)], ingebrekestelling: { ontvangen: '2026-05-19' } };
    expect(computeCaseClock(prb, feiten, '2026-05-20').dwangsom?.status).toBe('voorbarig');
  });
});

describe('property: the clock', () => {
  const days = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

  it('the uiterlijke einddatum is never a rest day, never before einddatumGepland, and moves by exactly the paused days', () => {
    fc.assert(
      fc.property(
        days('2015-01-01', '2096-12-31'),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
        fc.integer({ min: 0, max: 120 }),
        (startdatum, spans, peilOffset) => {
          const opschortingen = spans.map(([from, length]) => opschorting(addDays(startdatum, from), addDays(startdatum, from + length)));
          const plain = computeCaseClock(prb, { startdatum, opschortingen: [] }, startdatum);
          const klok = computeCaseClock(prb, { startdatum, opschortingen }, addDays(startdatum, peilOffset));
          expect(isAtwRestDay(klok.uiterlijkeEinddatumAfdoening)).toBe(false);
          expect(klok.uiterlijkeEinddatumAfdoening >= klok.einddatumGepland).toBe(true);
          expect(daysBetween(plain.uiterlijkeEinddatumAfdoeningKalender, klok.uiterlijkeEinddatumAfdoeningKalender)).toBe(klok.opgeschorteDagen);
        },
      ),
      { numRuns: 300 },
    );
  });
});
