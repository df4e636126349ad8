import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDuration,
  bezwaartermijn,
  parseDuration,
  serviceTermEnd,
  statutoryTerm,
  statutoryTermEnd,
} from '../../workers/termijnen/terms.ts';
import { duurInWoorden } from '../../workers/termijnen/duration.ts';
import { countWorkingDays, isAtwRestDay } from '../../workers/termijnen/atw-calendar.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber, weekday } from '../../workers/termijnen/iso-date.ts';
import { TermijnError } from '../../workers/termijnen/termijn-error.ts';

describe('duurInWoorden', () => {
  it('says a term as a letter would', () => {
    expect(duurInWoorden('P1W')).toBe('1 week');
    expect(duurInWoorden('P6W')).toBe('6 weken');
    expect(duurInWoorden('P14D')).toBe('2 weken');
    expect(duurInWoorden('P10D')).toBe('10 dagen');
    expect(duurInWoorden('P1D')).toBe('1 dag');
    expect(duurInWoorden('P1M')).toBe('1 maand');
    expect(duurInWoorden('P1Y2M3D')).toBe('1 jaar, 2 maanden en 3 dagen');
    expect(duurInWoorden('P3M2W')).toBe('3 maanden en 2 weken');
  });
});

describe('addDuration (plain calendar, no Atw)', () => {
  it.each([
    ['2026-03-19', 'P8W', '2026-05-14'],
    ['2026-04-02', 'P6W', '2026-05-14'],
    ['2026-03-01', 'P3D', '2026-03-04'],
    ['2026-12-30', 'P3D', '2027-01-02'],
    ['2026-12-15', 'P3M', '2027-03-15'],
    ['2026-01-31', 'P1M', '2026-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2026-08-31', 'P3M', '2026-11-30'],
    ['2024-02-29', 'P1Y', '2025-02-28'],
    ['2026-05-14', 'P1Y', '2027-05-14'],
    ['2026-01-31', 'P1M2W', '2026-03-14'],
    ['2026-05-14', 'P0D', '2026-05-14'],
  ])('%s + %s = %s', (start, duration, expected) => {
    expect(addDuration(start, duration)).toBe(expected);
  });

  it.each(['PT72H', '8W', 'P', 'P-1D', 'P1.5W', '', 'p8w'])('refuses %j with a Dutch message', (duration) => {
    expect(() => parseDuration(duration)).toThrow(TermijnError);
    expect(() => parseDuration(duration)).toThrow(/termijn/i);
  });

  it('explains that a termijn counts whole days when a time is given', () => {
    expect(() => parseDuration('PT24H')).toThrow(/hele dagen/);
  });
});

describe('statutoryTermEnd: Algemene termijnenwet art. 1 and 2', () => {
  it.each<[string, string, string, string, string | null, string]>([
    // [start (day 0), duration, plain end, end, article, why]
    ['2026-03-19', 'P8W', '2026-05-14', '2026-05-18', 'Atw art. 1', "law.md's example: Hemelvaartsdag, equated Friday, weekend"],
    ['2026-02-20', 'P6W', '2026-04-03', '2026-04-07', 'Atw art. 1', 'Goede Vrijdag, weekend, Tweede Paasdag'],
    ['2026-03-24', 'P6W', '2026-05-05', '2026-05-06', 'Atw art. 1', '5 mei in a non-lustrum year'],
    ['2025-03-15', 'P6W', '2025-04-26', '2025-04-28', 'Atw art. 1', 'Koningsdag on Saturday 26 April 2025'],
    ['2025-11-20', 'P6W', '2026-01-01', '2026-01-05', 'Atw art. 1', 'year boundary: Nieuwjaarsdag, equated 2 January, weekend'],
    ['2025-11-13', 'P6W', '2025-12-25', '2025-12-29', 'Atw art. 1', 'Kerstdagen and weekend'],
    ['2026-03-20', 'P8W', '2026-05-15', '2026-05-18', 'Atw art. 1', 'ends on the equated Friday itself'],
    ['2026-04-02', 'P3D', '2026-04-05', '2026-04-08', 'Atw art. 2', 'three days without a working day: two working days added'],
    ['2026-05-13', 'P3D', '2026-05-16', '2026-05-19', 'Atw art. 2', 'Hemelvaartsdag, equated Friday, Saturday'],
    ['2026-04-02', 'P2D', '2026-04-04', '2026-04-07', 'Atw art. 1', 'two days: art. 2 does not apply'],
    ['2026-03-18', 'P8W', '2026-05-13', '2026-05-13', null, 'ends on a Wednesday: unchanged'],
  ])('%s + %s: %s → %s (%s, %s)', (start, duration, plain, end, artikel) => {
    const term = statutoryTerm(start, duration);
    expect(term.eersteDag).toBe(addDays(start, 1));
    expect(term.kalenderEinde).toBe(plain);
    expect(term.einde).toBe(end);
    expect(term.verlenging?.artikel ?? null).toBe(artikel);
    expect(statutoryTermEnd(start, duration)).toBe(end);
  });

  it('refuses a zero-length statutory termijn', () => {
    expect(() => statutoryTermEnd('2026-05-14', 'P0D')).toThrow(/nul dagen/);
  });

  it('refuses a malformed start date', () => {
    expect(() => statutoryTermEnd('14-05-2026', 'P6W')).toThrow(/begindatum.*JJJJ-MM-DD/);
  });
});

describe('serviceTermEnd: a servicenorm is not a statutory termijn', () => {
  it('does not move off Hemelvaartsdag or a Sunday', () => {
    expect(serviceTermEnd('2026-03-19', 'P8W')).toBe('2026-05-14');
    expect(serviceTermEnd('2026-04-26', 'P3W')).toBe('2026-05-17');
    expect(isAtwRestDay('2026-05-17')).toBe(true);
  });
});

describe('bezwaartermijn (Awb 6:7, 6:8, then Atw)', () => {
  it.each([
    // [verzenddatum, uiterlijkeReactiedatum, why]
    ['2026-06-01', '2026-07-13', 'Monday → Monday six weeks later: day 1 is 2 June, day 42 is 13 July'],
    ['2026-06-03', '2026-07-15', 'Wednesday → Wednesday'],
    ['2026-04-02', '2026-05-18', 'ends on Hemelvaartsdag 14 May → Monday 18 May'],
    ['2026-11-13', '2026-12-28', 'ends on Eerste Kerstdag → Monday 28 December'],
    ['2026-11-20', '2027-01-04', 'ends on 1 January 2027 (Friday) → Monday 4 January'],
    ['2026-03-24', '2026-05-06', 'ends on 5 mei 2026 → Wednesday 6 May'],
    ['2026-01-17', '2026-03-02', 'sent on a Saturday: ends on Saturday 28 February → Monday 2 March'],
  ])('sent %s → uiterlijke reactiedatum %s (%s)', (verzenddatum, expected) => {
    const termijn = bezwaartermijn(verzenddatum);
    expect(termijn.eersteDag).toBe(addDays(verzenddatum, 1));
    expect(termijn.uiterlijkeReactiedatum).toBe(expected);
  });

  it('lasts exactly 42 days counted from the day after the verzending, not 43', () => {
    const termijn = bezwaartermijn('2026-06-01');
    expect(daysBetween(termijn.eersteDag, termijn.kalenderEinde) + 1).toBe(42);
    expect(weekday(termijn.kalenderEinde)).toBe(weekday('2026-06-01'));
  });
});

describe('properties', () => {
  const dates = fc.integer({ min: toDayNumber('2014-01-01'), max: toDayNumber('2097-12-31') }).map(fromDayNumber);
  const durations = fc.oneof(
    fc.integer({ min: 1, max: 60 }).map((n) => `P${n}D`),
    fc.integer({ min: 1, max: 26 }).map((n) => `P${n}W`),
    fc.integer({ min: 1, max: 18 }).map((n) => `P${n}M`),
    fc.integer({ min: 1, max: 2 }).map((n) => `P${n}Y`),
  );

  it('a statutory term end is never a rest day and never before the plain end', () => {
    fc.assert(
      fc.property(dates, durations, (start, duration) => {
        const end = statutoryTermEnd(start, duration);
        const plain = serviceTermEnd(start, duration);
        expect(isAtwRestDay(end)).toBe(false);
        expect(end >= plain).toBe(true);
        // Longest Dutch run of rest days plus art. 2 stays within a week or so.
        expect(daysBetween(plain, end)).toBeLessThanOrEqual(7);
      }),
      { numRuns: 500 },
    );
  });

  it('a statutory term of at least three days holds at least two working days (art. 2)', () => {
    fc.assert(
      fc.property(dates, durations, (start, duration) => {
        const term = statutoryTerm(start, duration);
        if (daysBetween(term.eersteDag, term.kalenderEinde) + 1 >= 3) {
          expect(countWorkingDays(term.eersteDag, term.einde)).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 500 },
    );
  });
});
