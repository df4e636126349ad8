/**
 * Calendar durations (ISO 8601 `PnYnMnWnD`, date part only) and ISO dates, as used in the
 * policies: servicenorm `P1W`, oriëntatiefase `P3M`, uitvoeringstermijn `P1Y`, presentation
 * after `P6M`. No time part: every rule in a policy counts in calendar days.
 *
 * Pure functions, no dependencies, so workers can use them too.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const DURATION_PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `P1Y`, `P15M`, `P8W`, `P1Y2M10D`; returns null for anything else (also for plain `P`). */
export function parseDuration(text: string): Duration | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === 'P') return null;
  const [, y, m, w, d] = match;
  return { years: Number(y ?? 0), months: Number(m ?? 0), weeks: Number(w ?? 0), days: Number(d ?? 0) };
}

export function isDuration(text: string): boolean {
  return parseDuration(text) !== null;
}

/** True when `text` is `YYYY-MM-DD` and that day exists in the calendar (no 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function requireDuration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new RangeError(`Ongeldige ISO-duur "${text}" (verwacht bijvoorbeeld P8W, P3M of P1Y).`);
  return parsed;
}

function requireDate(text: string): [number, number, number] {
  if (!isIsoDate(text)) throw new RangeError(`Ongeldige datum "${text}" (verwacht JJJJ-MM-DD).`);
  return text.split('-').map(Number) as [number, number, number];
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Adds a duration to a date the way people count: years and months first, clamped to the end of
 * the month (31 January + P1M = 28/29 February), then weeks and days.
 */
export function addDuration(date: string, duration: string): string {
  const [y, m, d] = requireDate(date);
  const dur = requireDuration(duration);
  const totalMonths = (m - 1) + dur.months + dur.years * 12;
  const year = y + Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return addDays(format(year, month, day), dur.weeks * 7 + dur.days);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = requireDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * True when `a` is never longer than `b`, whatever the start date: both are added to start dates
 * that cover every month-end case (28–31, leap and common year), and `a` must never end later.
 */
export function durationNeverLonger(a: string, b: string): boolean {
  requireDuration(a);
  requireDuration(b);
  for (const year of [2023, 2024]) {
    for (let month = 1; month <= 12; month += 1) {
      for (const day of [1, 15, 28, 29, 30, 31]) {
        if (day > daysInMonth(year, month)) continue;
        const start = format(year, month, day);
        if (addDuration(start, a) > addDuration(start, b)) return false;
      }
    }
  }
  return true;
}

/** ISO dates compare as strings; this makes the intent explicit. */
export function compareDates(a: string, b: string): number {
  requireDate(a);
  requireDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
