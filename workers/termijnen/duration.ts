import { TermijnError } from './termijn-error.ts';
import { addDays, assertIsoDate, daysInMonth, type IsoDate } from './iso-date.ts';

/** A termijn as an ISO-8601 duration in whole days: P8W, P6W, P3D, P1Y, P3M, P1M2W. */
export type IsoDuration = string;

export interface Duur {
  readonly jaren: number;
  readonly maanden: number;
  readonly weken: number;
  readonly dagen: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export function parseDuration(value: unknown, label = 'De termijn'): Duur {
  if (typeof value === 'string' && value.includes('T')) {
    throw new TermijnError(
      'ongeldige-duur',
      `${label} (${value}) bevat een tijd. Een termijn telt in hele dagen; gebruik bijvoorbeeld P3D in plaats van PT72H.`,
    );
  }
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (!match || value === 'P') {
    throw new TermijnError(
      'ongeldige-duur',
      `${label} (${String(value)}) is geen geldige termijn. Gebruik een ISO-8601-duur, bijvoorbeeld P8W (8 weken), P3M (3 maanden) of P10D (10 dagen).`,
    );
  }
  return {
    jaren: Number(match[1] ?? 0),
    maanden: Number(match[2] ?? 0),
    weken: Number(match[3] ?? 0),
    dagen: Number(match[4] ?? 0),
  };
}

/**
 * Plain calendar arithmetic, no Atw. Years and months first, keeping the day number and falling
 * back to the month's last day when it has none (31 Jan + P1M → 28/29 Feb; 29 Feb + P1Y →
 * 28 Feb), then weeks and days. That is how a termijn "van een maand" is read in practice.
 */
export function addDuration(date: IsoDate, duration: IsoDuration | Duur): IsoDate {
  assertIsoDate(date);
  const duur = typeof duration === 'string' ? parseDuration(duration) : duration;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = (m - 1) + duur.maanden + 12 * duur.jaren;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  const anchored = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addDays(anchored, 7 * duur.weken + duur.dagen);
}

/** True when the duration is zero days long (P0D): no termijn at all. */
export function isZeroDuration(duur: Duur): boolean {
  return duur.jaren === 0 && duur.maanden === 0 && duur.weken === 0 && duur.dagen === 0;
}

/** A term in Dutch words for a letter or bericht: "4 weken", "10 dagen", "1 maand en 2 weken". */
export function duurInWoorden(duration: IsoDuration | Duur): string {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  const deel = (n: number, een: string, meer: string) => (n === 0 ? null : `${n} ${n === 1 ? een : meer}`);
  // Days that make whole weeks read as weeks, as a termijn is usually set.
  const dagen = d.weken * 7 + d.dagen;
  const [weken, rest] = dagen % 7 === 0 ? [dagen / 7, 0] : [0, dagen];
  const delen = [deel(d.jaren, 'jaar', 'jaar'), deel(d.maanden, 'maand', 'maanden'), deel(weken, 'week', 'weken'), deel(rest, 'dag', 'dagen')].filter(
    (x): x is string => x !== null,
  );
  if (delen.length === 0) return '0 dagen';
  return delen.length === 1 ? delen[0]! : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}
