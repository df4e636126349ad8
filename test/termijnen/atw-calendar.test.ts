import { describe, expect, it } from 'vitest';
import {
  ATW_GELIJKGESTELDE_DAGEN,
  atwFeestdagenOn,
  atwRestDaysInYear,
  countWorkingDays,
  isAtwRestDay,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
} from '../../workers/termijnen/atw-calendar.ts';
import { TermijnError } from '../../workers/termijnen/termijn-error.ts';

const namesOf = (year: number) => atwRestDaysInYear(year).map((d) => `${d.datum} ${d.naam}`);

describe('Atw art. 3 feestdagen per year', () => {
  it('lists 2026 in full, with the equated days of the decree', () => {
    expect(namesOf(2026)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-01-02 Vrijdag na Nieuwjaarsdag (gelijkgesteld)',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag (5 mei)',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-15 Vrijdag na Hemelvaartsdag (gelijkgesteld)',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('names the legal ground of each day', () => {
    const days = atwRestDaysInYear(2026);
    expect(days.find((d) => d.datum === '2026-05-15')?.grondslag).toBe('Atw art. 3 lid 3');
    expect(days.find((d) => d.datum === '2026-05-14')?.grondslag).toBe('Atw art. 3 lid 1');
  });

  // Easter dates are the library's; these rows pin the feasts that follow from them.
  it.each([
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-05'],
  ])('%i: Goede Vrijdag %s, Tweede Paasdag %s, Hemelvaartsdag %s, Tweede Pinksterdag %s', (year, gv, tp, hv, pk) => {
    const byName = new Map(atwRestDaysInYear(year).map((d) => [d.naam, d.datum]));
    expect(byName.get('Goede Vrijdag')).toBe(gv);
    expect(byName.get('Tweede Paasdag')).toBe(tp);
    expect(byName.get('Hemelvaartsdag')).toBe(hv);
    expect(byName.get('Tweede Pinksterdag')).toBe(pk);
  });

  it.each([
    [2014, '2014-04-26'], // 27 April a Sunday
    [2022, '2022-04-27'],
    [2025, '2025-04-26'], // 27 April a Sunday
    [2026, '2026-04-27'],
    [2028, '2028-04-27'],
  ])('Koningsdag %i is %s', (year, datum) => {
    expect(atwRestDaysInYear(year).find((d) => d.naam === 'Koningsdag')?.datum).toBe(datum);
  });

  it('keeps both names when two feasts share a day (Hemelvaartsdag on 5 mei 2016)', () => {
    expect(atwFeestdagenOn('2016-05-05').map((d) => d.naam).sort()).toEqual(['Bevrijdingsdag (5 mei)', 'Hemelvaartsdag']);
  });

  it('holds every equated day of the decree in data, each a Friday', () => {
    expect(ATW_GELIJKGESTELDE_DAGEN.map((d) => d.datum)).toEqual(['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']);
    for (const d of ATW_GELIJKGESTELDE_DAGEN) {
      expect(new Date(`${d.datum}T00:00:00Z`).getUTCDay()).toBe(5);
      expect(isAtwRestDay(d.datum)).toBe(true);
    }
  });

  it('refuses years outside the supported range, in Dutch', () => {
    expect(() => atwRestDaysInYear(2013)).toThrow(TermijnError);
    expect(() => atwRestDaysInYear(2100)).toThrow(/2014 tot en met 2099/);
  });
});

describe('isAtwRestDay', () => {
  it.each([
    ['2026-05-16', true, 'Saturday'],
    ['2026-05-17', true, 'Sunday'],
    ['2026-05-18', false, 'ordinary Monday'],
    ['2026-05-05', true, '5 mei in a non-lustrum year (Tuesday)'],
    ['2027-05-05', true, '5 mei 2027 (Wednesday)'],
    ['2026-04-03', true, 'Goede Vrijdag'],
    ['2025-04-18', true, 'Goede Vrijdag 2025'],
    ['2026-04-05', true, 'Eerste Paasdag (a Sunday)'],
    ['2026-05-24', true, 'Eerste Pinksterdag (a Sunday)'],
    ['2025-04-26', true, 'Koningsdag 2025 (Saturday)'],
    ['2025-04-28', false, 'Monday after Koningsdag 2025: no substitute day'],
    ['2026-05-04', false, 'Dodenherdenking is no feestdag'],
    ['2026-12-31', false, 'Oudejaarsdag is no feestdag'],
    ['2026-01-02', true, 'equated Friday after Nieuwjaarsdag'],
    ['2027-01-01', true, 'Nieuwjaarsdag 2027'],
    ['2025-12-26', true, 'Tweede Kerstdag'],
    ['2029-05-11', false, 'Friday after Hemelvaartsdag 2029: no decree (yet)'],
  ])('%s → %s (%s)', (datum, expected) => {
    expect(isAtwRestDay(datum)).toBe(expected);
    expect(isWorkingDay(datum)).toBe(!expected);
  });

  it('refuses a malformed date with a Dutch message', () => {
    expect(() => isAtwRestDay('2026-02-30')).toThrow(/geen geldige datum.*JJJJ-MM-DD/);
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-05-13', '2026-05-18', 'Hemelvaartsdag, equated Friday, weekend'],
    ['2026-04-02', '2026-04-07', 'Goede Vrijdag, weekend, Tweede Paasdag'],
    ['2025-12-24', '2025-12-29', 'Kerstdagen, weekend'],
    ['2025-12-31', '2026-01-05', 'year boundary: Nieuwjaarsdag, equated 2 January, weekend'],
    ['2026-05-18', '2026-05-19', 'ordinary Monday'],
  ])('after %s comes %s (%s)', (from, expected) => {
    expect(nextWorkingDay(from)).toBe(expected);
  });

  it('workingDayOnOrAfter keeps a working day', () => {
    expect(workingDayOnOrAfter('2026-05-18')).toBe('2026-05-18');
    expect(workingDayOnOrAfter('2026-05-14')).toBe('2026-05-18');
  });

  it('countWorkingDays counts a closed range', () => {
    expect(countWorkingDays('2026-05-11', '2026-05-18')).toBe(4); // Mon–Wed and Mon
    expect(countWorkingDays('2026-05-18', '2026-05-17')).toBe(0);
    // With a cap it stops counting there (Atw art. 2 only asks whether there are two).
    expect(countWorkingDays('2026-01-01', '2026-12-31')).toBe(251); // 261 weekdays, 10 of them Atw or gelijkgestelde dagen
    expect(countWorkingDays('2026-01-01', '2026-12-31', 2)).toBe(2);
    expect(countWorkingDays('2026-12-24', '2026-12-28', 2)).toBe(2); // Thu, then Mon (25 and 26 December are feestdagen)
    expect(countWorkingDays('2026-12-25', '2026-12-27', 2)).toBe(0);
  });
});
