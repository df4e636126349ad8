import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, todayInAmsterdam } from '../../workers/termijnen/iso-date.ts';

describe('todayInAmsterdam: the calendar day in Europe/Amsterdam, not in UTC', () => {
  it.each([
    ['2026-03-28T22:59:59Z', '2026-03-28', 'winter time: 23:59:59 local'],
    ['2026-03-28T23:00:00Z', '2026-03-29', 'winter time: midnight local, still the 28th in UTC'],
    ['2026-03-29T01:30:00Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-07-01T21:59:59Z', '2026-07-01', 'summer time: 23:59:59 local'],
    ['2026-07-01T22:00:00Z', '2026-07-02', 'summer time: midnight local is 22:00 UTC'],
    ['2026-10-24T22:30:00Z', '2026-10-25', 'the night the clocks go back'],
    ['2025-12-31T23:00:00Z', '2026-01-01', 'Nieuwjaarsdag begins an hour before UTC'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(todayInAmsterdam(new Date(instant))).toBe(expected);
  });
});

describe('ISO day arithmetic', () => {
  it('crosses DST and leap days without losing a day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-5-14', false],
    ['2026-05-14T00:00', false],
    ['2026-13-01', false],
  ])('isIsoDate(%s) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
