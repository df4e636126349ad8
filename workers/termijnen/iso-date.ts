import { TermijnError } from './termijn-error.ts';

/**
 * A calendar day as ISO `YYYY-MM-DD`. Termijnen count whole days in the Dutch calendar, so we
 * never carry a time or a zone: arithmetic runs on UTC midnights, where no DST shift can bite.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A zaak clock converts the same few thousand dates again and again (the doorlooptijden of
// 10,000 zaken spent most of its time here). Only checked dates are remembered; the maps are
// emptied when they grow past CACHE_MAX, so odd input cannot make them grow without bound.
const CACHE_MAX = 50_000;
const dayNumbers = new Map<string, number>();
const isoDays = new Map<number, IsoDate>();

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (dayNumbers.has(value)) return true;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `label` names the field in the message, e.g. "De startdatum". */
export function assertIsoDate(value: unknown, label = 'De datum'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new TermijnError(
      'ongeldige-datum',
      `${label} (${String(value)}) is geen geldige datum. Gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-05-14.`,
    );
  }
}

/** Days since 1970-01-01; the one integer all day arithmetic goes through. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  assertIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d) / MS_PER_DAY;
  if (dayNumbers.size >= CACHE_MAX) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  const known = isoDays.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDays.size >= CACHE_MAX) isoDays.clear();
  isoDays.set(day, date);
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in calendar days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function weekday(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Later of two dates; ISO dates compare correctly as strings. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Amsterdam at an instant. A server runs on UTC, so between 22:00 and 24:00
 * UTC (23:00/00:00 local) `toISOString()` would still give yesterday.
 */
export function todayInAmsterdam(now: Date): IsoDate {
  return amsterdamDay.format(now);
}
