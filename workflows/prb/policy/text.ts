/**
 * Dutch formatting for messages to klant and klantmanager: money, dates, durations, and zod issues
 * as per-field messages. Pure; used by the loader and the workers.
 */
import { z } from 'zod';
import { parseDuration } from './duration.ts';

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** 500000 → "€ 5.000,00" (with a normal space, so messages are easy to compare and search). */
export function formatEuro(cents: number): string {
  return EURO.format(cents / 100).replace(/\u00a0/g, ' ');
}

const MAANDEN = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** "2026-03-01" → "1 maart 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MAANDEN[m - 1] ?? '?'} ${y}`;
}

/** "P1Y" → "1 jaar", "P15M" → "15 maanden", "P1W" → "1 week". */
export function formatDuration(text: string): string {
  const d = parseDuration(text);
  if (!d) return text;
  const parts: string[] = [];
  if (d.years) parts.push(`${d.years} jaar`);
  if (d.months) parts.push(`${d.months} ${d.months === 1 ? 'maand' : 'maanden'}`);
  if (d.weeks) parts.push(`${d.weeks} ${d.weeks === 1 ? 'week' : 'weken'}`);
  if (d.days) parts.push(`${d.days} ${d.days === 1 ? 'dag' : 'dagen'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}` : (parts[0] ?? '0 dagen');
}

/** 12 → "1 jaar", 18 → "18 maanden", 1 → "1 maand". */
export function formatMonths(months: number): string {
  if (months > 0 && months % 12 === 0) return `${months / 12} jaar`;
  return `${months} ${months === 1 ? 'maand' : 'maanden'}`;
}

export interface FieldIssue {
  /** Path like `versies[0].plafondCent.waarde` or `begroting[2].bedragCent`. */
  veld: string;
  melding: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** zod issues → Dutch per-field messages; an unknown key becomes one message per key. */
export function dutchIssues(error: z.ZodError, root = '(invoer)'): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ veld: formatPath([...issue.path, key]), melding: `Onbekend veld "${key}".` });
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    out.push({ veld: formatPath(issue.path) || root, melding: missing ? 'Dit veld is verplicht.' : issue.message });
  }
  return out;
}

/**
 * Parse options: the Dutch locale for zod messages that have no message of their own (per parse, no
 * global config), and the input on each issue so `dutchIssues` can tell a missing field from a wrong one.
 */
export const NL_ERRORS = { error: z.locales.nl().localeError, reportInput: true } as const;

/** Refused job input of a worker; the message is Dutch and names each field. */
export class WorkerInputError extends Error {
  override readonly name = 'WorkerInputError';
  constructor(
    readonly jobType: string,
    readonly velden: FieldIssue[],
  ) {
    super(`Ongeldige invoer voor taak "${jobType}": ${velden.map((v) => `${v.veld}: ${v.melding}`).join('; ')}`);
  }
}
