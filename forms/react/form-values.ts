import type { FormComponent } from '../schema/types.ts';
import { fieldKind } from '../validation/field-kind.ts';
import { formatCents } from '../validation/money.ts';
import { getIn, keySegments, setIn } from '../validation/paths.ts';

/**
 * Prefilled data (cents, numbers) → what the inputs show: money as "1.234,56", numbers with
 * a decimal comma. The validator reads both notations, so no reverse step is needed.
 */
export function toFormValues(components: readonly FormComponent[], data: unknown, out: Record<string, unknown> = {}, prefix: string[] = []): Record<string, unknown> {
  for (const c of components) {
    if (c.type === 'group') {
      toFormValues(c.components ?? [], data, out, [...prefix, ...keySegments(c.path)]);
      continue;
    }
    if (c.type === 'dynamiclist') {
      const segments = [...prefix, ...keySegments(c.path)];
      const rows = getIn(data, segments);
      setIn(out, segments, Array.isArray(rows) ? rows.map((row) => toFormValues(c.components ?? [], row)) : []);
      continue;
    }
    if (c.key === undefined) continue;
    const segments = [...prefix, ...keySegments(c.key)];
    const value = getIn(data, segments);
    const kind = fieldKind(c);
    if (kind === 'euro') setIn(out, segments, typeof value === 'number' ? formatCents(value) : typeof value === 'string' ? value : '');
    else if (kind === 'number') setIn(out, segments, typeof value === 'number' ? String(value).replace('.', ',') : '');
    else if (kind === 'date') setIn(out, segments, typeof value === 'string' ? value : '');
    else if (value !== undefined) setIn(out, segments, value);
  }
  return out;
}

/** An empty row for a dynamic list, in form-value notation. */
export function emptyRow(list: FormComponent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of list.components ?? []) {
    if (c.type === 'dynamiclist') setIn(out, keySegments(c.path), []);
    else if (c.type === 'group') Object.assign(out, emptyRow(c));
    else if (c.key !== undefined) {
      const kind = fieldKind(c);
      const empty = kind === 'checkbox' ? false : kind === 'checklist' ? [] : kind === 'choice' || kind === 'file' ? null : '';
      setIn(out, keySegments(c.key), c.defaultValue ?? empty);
    }
  }
  return out;
}
