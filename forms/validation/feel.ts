import { evaluate } from 'feelin';
import { feelBody, isFeel } from '../schema/feel-syntax.ts';
import { formatEuro } from './money.ts';

/** Regie's own FEEL functions, available in every form expression (see README). */
export const REGIE_FEEL_FUNCTIONS: Record<string, unknown> = {
  /** euro(123456) → "€ 1.234,56": money is cents in data, euros on screen. */
  euro: (cents: unknown) => (typeof cents === 'number' && Number.isFinite(cents) ? formatEuro(cents) : null),
};

/** FEEL values (dates, durations) back to plain JSON-ish values. */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const iso = (value as { iso?: unknown }).iso;
    if (typeof iso === 'string') return iso;
    if (Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
    }
    return String(value);
  }
  if (typeof value === 'function') return null;
  return value;
}

/**
 * Evaluates a form-js FEEL expression (`=…`). Never throws: a runtime problem (missing
 * variable, wrong type) yields null, as in form-js; syntax was checked when the form loaded.
 */
export function evaluateFeel(expression: string, scope: Record<string, unknown>): unknown {
  try {
    return toPlain(evaluate(feelBody(expression), scope).value);
  } catch {
    return null;
  }
}

/** A property that is a boolean or a FEEL expression (readonly, disabled, multiple). */
export function resolveFlag(value: unknown, scope: Record<string, unknown>): boolean {
  if (typeof value === 'boolean') return value;
  if (isFeel(value)) return evaluateFeel(value, scope) === true;
  return false;
}

/** A bound that is a number or a FEEL expression; undefined when it does not yield a number. */
export function resolveNumber(value: unknown, scope: Record<string, unknown>): number | undefined {
  const resolved = isFeel(value) ? evaluateFeel(value, scope) : value;
  return typeof resolved === 'number' && Number.isFinite(resolved) ? resolved : undefined;
}

/** form-js hides a component only when its condition is exactly true. */
export function isHidden(component: { conditional?: { hide?: string } }, scope: Record<string, unknown>): boolean {
  const hide = component.conditional?.hide;
  return hide !== undefined && evaluateFeel(hide, scope) === true;
}

/** form-js text: a FEEL expression, or text with `{{ expression }}` placeholders. */
export function renderTemplate(text: string, scope: Record<string, unknown>): string {
  if (text.trimStart().startsWith('=')) {
    const value = evaluateFeel(text, scope);
    return value === null ? '' : String(value);
  }
  return text.replace(/\{\{([^}]*)\}\}/g, (_, expression: string) => {
    const value = evaluateFeel('=' + expression, scope);
    return value === null || typeof value === 'object' ? '' : String(value);
  });
}
