import { describe, expect, it } from 'vitest';
import { addDuration, durationNeverLonger, isIsoDate, parseDuration } from '../../workflows/prb/policy/duration.ts';
import { formatDuration, formatEuro } from '../../workflows/prb/policy/text.ts';

describe('ISO durations and dates', () => {
  it('parses the date-part durations a policy uses and refuses the rest', () => {
    expect(parseDuration('P1Y6M')).toEqual({ years: 1, months: 6, weeks: 0, days: 0 });
    expect(parseDuration('P8W')).toEqual({ years: 0, months: 0, weeks: 8, days: 0 });
    for (const bad of ['P', '8W', 'PT8H', 'P1.5Y', 'P-1M', '']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
  });

  it('adds months clamped to the end of the month, then weeks and days', () => {
    expect(addDuration('2025-01-31', 'P1M')).toBe('2025-02-28');
    expect(addDuration('2024-01-31', 'P1M')).toBe('2024-02-29');
    expect(addDuration('2025-03-01', 'P1Y')).toBe('2026-03-01');
    expect(addDuration('2025-12-20', 'P2W')).toBe('2026-01-03');
    expect(addDuration('2025-01-01', 'P15M')).toBe('2026-04-01');
  });

  it('compares durations safely across month lengths', () => {
    expect(durationNeverLonger('P1W', 'P8W')).toBe(true);
    expect(durationNeverLonger('P8W', 'P8W')).toBe(true);
    expect(durationNeverLonger('P2M', 'P2M')).toBe(true);
    expect(durationNeverLonger('P2M', 'P8W')).toBe(false);
    expect(durationNeverLonger('P1M', 'P4W')).toBe(false);
    expect(durationNeverLonger('P4W', 'P1M')).toBe(true);
  });

  it('writes money and durations in Dutch', () => {
    expect(formatEuro(500_000)).toBe('€ 5.000,00');
    expect(formatEuro(123_456)).toBe('€ 1.234,56');
    expect(formatDuration('P1Y')).toBe('1 jaar');
    expect(formatDuration('P1Y6M')).toBe('1 jaar en 6 maanden');
    expect(formatDuration('P1W')).toBe('1 week');
  });
});
