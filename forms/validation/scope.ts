import { REGIE_FEEL_FUNCTIONS } from './feel.ts';

/**
 * The FEEL scope of a form: Regie's functions, then the task's input variables, then the
 * form's own data (which wins, as in form-js where form data shadows initial variables).
 */
export function formScope(context: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  return { ...REGIE_FEEL_FUNCTIONS, ...context, ...data };
}

/** Inside a dynamic list row: the row's fields directly, plus form-js's `this`, `parent`, `_i_`. */
export function rowScope(
  outer: Record<string, unknown>,
  row: Record<string, unknown>,
  parent: Record<string, unknown>,
  index: number,
): Record<string, unknown> {
  const outerIndexes = Array.isArray(outer._i_) ? (outer._i_ as number[]) : [];
  return { ...outer, ...row, this: row, parent, _i_: [...outerIndexes, index + 1] };
}
