import { describe, expect, it } from 'vitest';
import { isValidBsn, normalizeBsn } from '../../forms/validation/bsn.ts';
import { isValidIban, normalizeIban } from '../../forms/validation/iban.ts';
import { isValidKvk } from '../../forms/validation/kvk.ts';
import { normalizePostcode } from '../../forms/validation/postcode.ts';
import { formatCents, formatEuro, parseMoney } from '../../forms/validation/money.ts';
import { isValidPhone } from '../../forms/validation/phone.ts';
import { isIsoDate, maandenGeraakt, todayInAmsterdam } from '../../forms/validation/dates.ts';

describe('BSN elfproef', () => {
  it('accepts valid numbers, with spaces or dots', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('1112.22.333')).toBe(true);
    expect(isValidBsn('11122 2333')).toBe(true);
  });
  it('refuses a wrong check digit, wrong length, letters and all zeros', () => {
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
  it('pads an 8-digit BSN with its dropped leading zero', () => {
    expect(normalizeBsn('10000008')).toBe('010000008');
    // 0*9+1*8+0*7+...+0*2 - 8 = 0 → valid
    expect(isValidBsn('10000008')).toBe(true);
  });
});

describe('IBAN (ibantools)', () => {
  it('accepts a valid IBAN in any spacing or case and stores it electronically', () => {
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(normalizeIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(isValidIban('BE68539007547034')).toBe(true);
  });
  it('refuses a wrong checksum or garbage', () => {
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
    expect(isValidIban('hallo')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});

describe('KvK-nummer', () => {
  it('is exactly 8 digits', () => {
    expect(isValidKvk('12345678')).toBe(true);
    expect(isValidKvk('1234 5678')).toBe(true);
    expect(isValidKvk('1234567')).toBe(false);
    expect(isValidKvk('123456789')).toBe(false);
    expect(isValidKvk('1234567a')).toBe(false);
  });
});

describe('postcode', () => {
  it('normalizes to "1234 AB"', () => {
    expect(normalizePostcode('3511ab')).toBe('3511 AB');
    expect(normalizePostcode(' 3511 AB ')).toBe('3511 AB');
  });
  it('refuses a leading zero, wrong shapes and unused letter pairs', () => {
    expect(normalizePostcode('0511 AB')).toBeUndefined();
    expect(normalizePostcode('351 AB')).toBeUndefined();
    expect(normalizePostcode('3511 A')).toBeUndefined();
    expect(normalizePostcode('3511 SS')).toBeUndefined();
    expect(normalizePostcode('3511  AB')).toBeUndefined();
  });
});

describe('money', () => {
  it('parses Dutch euro notation to integer cents', () => {
    expect(parseMoney('1.234,56')).toEqual({ ok: true, cents: 123456 });
    expect(parseMoney('1234,56')).toEqual({ ok: true, cents: 123456 });
    expect(parseMoney('1234')).toEqual({ ok: true, cents: 123400 });
    expect(parseMoney('0,5')).toEqual({ ok: true, cents: 50 });
    expect(parseMoney('€ 12,-')).toEqual({ ok: true, cents: 1200 });
    expect(parseMoney('0')).toEqual({ ok: true, cents: 0 });
    expect(parseMoney('0,00')).toEqual({ ok: true, cents: 0 });
    expect(parseMoney('1.000.000')).toEqual({ ok: true, cents: 100000000 });
  });
  it('takes a number as cents already, but only a whole, non-negative one', () => {
    expect(parseMoney(0)).toEqual({ ok: true, cents: 0 });
    expect(parseMoney(123456)).toEqual({ ok: true, cents: 123456 });
    expect(parseMoney(12.5)).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney(-1)).toEqual({ ok: false, reason: 'negative' });
  });
  it('refuses negatives, three decimals, English notation and too large amounts', () => {
    expect(parseMoney('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parseMoney('-€ 5,00')).toEqual({ ok: false, reason: 'negative' });
    expect(parseMoney('1,234')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('1.5')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('12.34')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('abc')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('99999999999999999999')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseMoney(Number.MAX_SAFE_INTEGER + 2)).toEqual({ ok: false, reason: 'too-large' });
  });
  it('formats cents as euros', () => {
    expect(formatCents(123456)).toBe('1.234,56');
    expect(formatCents(0)).toBe('0,00');
    expect(formatCents(5)).toBe('0,05');
    expect(formatEuro(100000000)).toBe('€ 1.000.000,00');
  });
  it('round-trips every formatted amount', () => {
    for (const cents of [0, 1, 99, 100, 101, 99999, 123456789]) {
      expect(parseMoney(formatCents(cents))).toEqual({ ok: true, cents });
    }
  });
});

describe('phone', () => {
  it('accepts Dutch and international numbers with separators', () => {
    expect(isValidPhone('06 12345678')).toBe(true);
    expect(isValidPhone('020-1234567')).toBe(true);
    expect(isValidPhone('+31 6 12345678')).toBe(true);
    expect(isValidPhone('0044 20 7946 0958')).toBe(true);
  });
  it('refuses too short or lettered numbers', () => {
    expect(isValidPhone('0612345')).toBe(false);
    expect(isValidPhone('06-1234567a')).toBe(false);
  });
});

describe('dates', () => {
  it('checks real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('01-02-2025')).toBe(false);
  });
  it('takes today in Europe/Amsterdam, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayInAmsterdam(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInAmsterdam(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});

describe('maandenGeraakt (loonopgave, browser and server alike)', () => {
  it('counts the calendar months a period touches', () => {
    expect(maandenGeraakt('2026-01-01', '2026-03-31')).toBe(3);
    expect(maandenGeraakt('2026-01-15', '2026-04-14')).toBe(4);
    expect(maandenGeraakt('2026-02-01', '2026-02-28')).toBe(1);
    expect(maandenGeraakt('2025-11-01', '2026-02-28')).toBe(4);
  });
});
