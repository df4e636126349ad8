import Holidays from 'date-holidays';
import { TermijnError } from './termijn-error.ts';
import { addDays, assertIsoDate, toDayNumber, weekday, yearOf, type IsoDate } from './iso-date.ts';

/**
 * The Algemene termijnenwet calendar: which days a statutory termijn may not end on.
 *
 * Atw art. 3 has its own list of "algemeen erkende feestdagen", which is not the list of public
 * holidays (5 mei every year, Goede Vrijdag, days equated by decree). So the list is our data;
 * the `date-holidays` package only gives us Easter, from which the moving feasts follow.
 */

export type AtwGrondslag = 'Atw art. 3 lid 1' | 'Atw art. 3 lid 3';

export interface AtwFeestdag {
  readonly datum: IsoDate;
  /** Dutch name as the Atw (or the decree) calls the day. */
  readonly naam: string;
  /** Lid 1: the statutory list; lid 3: equated by decree (Besluit gelijkstelling dagen). */
  readonly grondslag: AtwGrondslag;
}

/** The Koningsdag rule below (27 April, 26 when that is a Sunday) holds since 2014. */
export const ATW_FIRST_YEAR = 2014;
export const ATW_LAST_YEAR = 2099;

/**
 * Days equated with a feestdag by decree under Atw art. 3 lid 3. A new decree appears every few
 * years: add its days here (and to the test) when it is published in the Staatsblad.
 */
export const ATW_GELIJKGESTELDE_DAGEN: readonly AtwFeestdag[] = [
  { datum: '2026-01-02', naam: 'Vrijdag na Nieuwjaarsdag (gelijkgesteld)', grondslag: 'Atw art. 3 lid 3' },
  { datum: '2026-05-15', naam: 'Vrijdag na Hemelvaartsdag (gelijkgesteld)', grondslag: 'Atw art. 3 lid 3' },
  { datum: '2027-05-07', naam: 'Vrijdag na Hemelvaartsdag (gelijkgesteld)', grondslag: 'Atw art. 3 lid 3' },
  { datum: '2028-04-28', naam: 'Vrijdag na Koningsdag (gelijkgesteld)', grondslag: 'Atw art. 3 lid 3' },
  { datum: '2028-05-26', naam: 'Vrijdag na Hemelvaartsdag (gelijkgesteld)', grondslag: 'Atw art. 3 lid 3' },
];

/** The last year for which a decree is known; later years may still get equated days. */
export const ATW_GELIJKGESTELDE_DAGEN_BEKEND_TOT = 2028;

/** Feasts that move with Easter, as offsets from Eerste Paasdag (definitions, not computation). */
const EASTER_FEASTS: ReadonlyArray<readonly [offset: number, naam: string]> = [
  [-2, 'Goede Vrijdag'],
  [1, 'Tweede Paasdag'],
  [39, 'Hemelvaartsdag'],
  [50, 'Tweede Pinksterdag'],
];

let holidays: Holidays | undefined;

/** Eerste Paasdag from `date-holidays` (rule "easter" in its NL data). */
function easterSunday(year: number): IsoDate {
  holidays ??= new Holidays('NL');
  const easter = holidays.getHolidays(year).find((h) => h.rule === 'easter');
  if (!easter) {
    throw new TermijnError('buiten-kalenderbereik', `De paasdatum voor ${year} is niet bekend; daardoor kunnen wij geen termijn berekenen.`);
  }
  return easter.date.slice(0, 10);
}

/** Koningsdag: 27 April, or 26 April when the 27th is a Sunday (Wet viering Koningsdag). */
function koningsdag(year: number): IsoDate {
  const the27th = `${year}-04-27`;
  return weekday(the27th) === 0 ? `${year}-04-26` : the27th;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < ATW_FIRST_YEAR || year > ATW_LAST_YEAR) {
    throw new TermijnError(
      'buiten-kalenderbereik',
      `Termijnen kunnen wij berekenen voor de jaren ${ATW_FIRST_YEAR} tot en met ${ATW_LAST_YEAR}, niet voor ${year}. Controleer de datum.`,
    );
  }
}

const byYear = new Map<number, readonly AtwFeestdag[]>();

/**
 * All Atw feestdagen and equated days of a year, sorted by date. Days that fall on a Saturday or
 * Sunday are listed too (a letter may name them); weekends themselves are not listed.
 */
export function atwRestDaysInYear(year: number): readonly AtwFeestdag[] {
  assertSupportedYear(year);
  const cached = byYear.get(year);
  if (cached) return cached;
  const lid1 = (datum: IsoDate, naam: string): AtwFeestdag => ({ datum, naam, grondslag: 'Atw art. 3 lid 1' });
  const easter = easterSunday(year);
  const days: AtwFeestdag[] = [
    lid1(`${year}-01-01`, 'Nieuwjaarsdag'),
    ...EASTER_FEASTS.map(([offset, naam]) => lid1(addDays(easter, offset), naam)),
    lid1(koningsdag(year), 'Koningsdag'),
    lid1(`${year}-05-05`, 'Bevrijdingsdag (5 mei)'),
    lid1(`${year}-12-25`, 'Eerste Kerstdag'),
    lid1(`${year}-12-26`, 'Tweede Kerstdag'),
    ...ATW_GELIJKGESTELDE_DAGEN.filter((d) => yearOf(d.datum) === year),
  ];
  // In some years two feasts share a date (Hemelvaartsdag on 5 mei in 2005 and 2016): list both.
  days.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
  const frozen = Object.freeze(days.map((d) => Object.freeze({ ...d })));
  byYear.set(year, frozen);
  return frozen;
}

/** The feestdagen (possibly two) on a date; empty on an ordinary day. Weekends are not feestdagen. */
export function atwFeestdagenOn(date: IsoDate): readonly AtwFeestdag[] {
  assertIsoDate(date);
  return atwRestDaysInYear(yearOf(date)).filter((d) => d.datum === date);
}

// Day numbers of feestdagen per year: the clock asks about hundreds of days per zaak.
const feestdagNumbers = new Map<number, ReadonlySet<number>>();

/** Rest-day test on a day number (days since 1970-01-01, a Thursday). */
export function isAtwRestDayNumber(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7;
  if (dow === 0 || dow === 6) return true;
  const year = new Date(day * 86_400_000).getUTCFullYear();
  let numbers = feestdagNumbers.get(year);
  if (!numbers) {
    numbers = new Set(atwRestDaysInYear(year).map((d) => toDayNumber(d.datum)));
    feestdagNumbers.set(year, numbers);
  }
  return numbers.has(day);
}

/** Saturday, Sunday or an Atw feestdag: a statutory termijn may not end on it (Atw art. 1). */
export function isAtwRestDay(date: IsoDate): boolean {
  return isAtwRestDayNumber(toDayNumber(date));
}

export function isWorkingDay(date: IsoDate): boolean {
  return !isAtwRestDay(date);
}

/** The first working day strictly after `date` ("de eerstvolgende dag", Atw art. 1). */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (isAtwRestDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isAtwRestDay(date) ? nextWorkingDay(date) : date;
}

/**
 * Working days in the closed range [from, to]; 0 when `to` is before `from`. With `atMost`
 * the count stops there: enough to ask "at least two working days?" of a term of months.
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, atMost = Infinity): number {
  let count = 0;
  const last = toDayNumber(to);
  for (let day = toDayNumber(from); day <= last && count < atMost; day++) if (!isAtwRestDayNumber(day)) count++;
  return count;
}
