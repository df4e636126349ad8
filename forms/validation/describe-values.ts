import type { FormComponent, FormSchema } from '../schema/types.ts';
import { formatDutchDate } from './dates.ts';
import { formatEuro } from './money.ts';
import { fieldKind } from './field-kind.ts';
import { findOption, resolveOptions } from './options.ts';
import { getIn, keySegments } from './paths.ts';

export interface DescribedValue {
  /** The group the field sits in (its label), or null at the top level. */
  groep: string | null;
  label: string;
  waarde: string;
}

function datum(v: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDutchDate(v.slice(0, 10)) : v;
}

function waarde(c: FormComponent, raw: unknown, scope: Record<string, unknown>): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const kind = fieldKind(c);
  if (kind === 'choice' || kind === 'checklist') {
    const options = resolveOptions(c, scope);
    const list = Array.isArray(raw) ? raw : [raw];
    if (!list.length) return null;
    return list.map((v) => findOption(options, v)?.label ?? String(v)).join(', ');
  }
  if (kind === 'checkbox') return raw === true ? 'Ja' : 'Nee';
  if (kind === 'date' && typeof raw === 'string') return datum(raw);
  if (kind === 'euro' && typeof raw === 'number') return formatEuro(raw);
  if (kind === 'file') return Array.isArray(raw) ? `${raw.length} bestand(en)` : '1 bestand';
  if (typeof raw === 'object') return null;
  return String(raw);
}

/**
 * What a person filled in on a form, as label and readable value, for a dossier that shows it
 * (the aanmelding for the klantmanager): choices by their label, dates in words, amounts in euro;
 * empty fields and lists of rows are left out.
 */
export function describeFormValues(schema: FormSchema, data: Record<string, unknown>): DescribedValue[] {
  const out: DescribedValue[] = [];
  const walk = (components: readonly FormComponent[], prefix: string[], groep: string | null) => {
    for (const c of components) {
      if (c.type === 'group') {
        walk(c.components ?? [], [...prefix, ...keySegments(c.path)], c.label ?? groep);
        continue;
      }
      if (c.type === 'dynamiclist' || c.key === undefined || fieldKind(c) === undefined || fieldKind(c) === 'expression') continue;
      const w = waarde(c, getIn(data, [...prefix, ...keySegments(c.key)]), data);
      if (w !== null) out.push({ groep, label: c.label ?? c.key, waarde: w });
    }
  };
  walk(schema.components, [], null);
  return out;
}
