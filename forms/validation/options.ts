import type { FormComponent } from '../schema/types.ts';
import { evaluateFeel } from './feel.ts';
import { getIn, keySegments } from './paths.ts';

export interface ResolvedOption {
  label: string;
  value: string | number | boolean;
}

function toOption(item: unknown): ResolvedOption | undefined {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
    return { label: String(item), value: item };
  }
  if (typeof item === 'object' && item !== null) {
    const { label, value } = item as { label?: unknown; value?: unknown };
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return { label: typeof label === 'string' ? label : String(value), value };
    }
  }
  return undefined;
}

/** Options from `values`, or at run time from a variable (`valuesKey`) or FEEL (`valuesExpression`). */
export function resolveOptions(component: FormComponent, scope: Record<string, unknown>): ResolvedOption[] {
  let source: unknown = component.values;
  if (component.valuesKey !== undefined) source = getIn(scope, keySegments(component.valuesKey));
  else if (component.valuesExpression !== undefined) source = evaluateFeel(component.valuesExpression, scope);
  if (!Array.isArray(source)) return [];
  return source.map(toOption).filter((o): o is ResolvedOption => o !== undefined);
}

/**
 * Matches by string form so a "1" from an HTML control finds a numeric option 1. Only a string,
 * number or boolean can be a choice: an object or list never matches (and String() of an object
 * with a broken toString would throw, e.g. `{ "toString": [] }` in a posted payload).
 */
export function findOption(options: ResolvedOption[], raw: unknown): ResolvedOption | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;
  return options.find((o) => String(o.value) === String(raw));
}
