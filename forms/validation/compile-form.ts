import { ValidationError } from 'yup';
import type { FormComponent, FormSchema } from '../schema/types.ts';
import { DISPLAY_TYPES } from '../schema/types.ts';
import { evaluateFeel, isHidden, resolveFlag, resolveNumber } from './feel.ts';
import { emptyValue, fieldKind, type FieldKind } from './field-kind.ts';
import { fieldSchema } from './field-schema.ts';
import { buildShape, type Shape } from './form-shape.ts';
import { messages } from './messages.ts';
import { parseMoney } from './money.ts';
import { parseNumber } from './number.ts';
import { findOption, resolveOptions } from './options.ts';
import { formatPath, getIn, isPlainObject, keySegments, setIn, type PathSegment } from './paths.ts';
import { formScope, rowScope } from './scope.ts';
import { todayInAmsterdam } from './dates.ts';

export interface FieldError {
  /** Data path, e.g. `bsn`, `contact.email`, `begroting[2].bedrag`; '' for the whole form. */
  field: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

export interface CompileOptions {
  /** Today's date (ISO) for date rules; defaults to today in Europe/Amsterdam. */
  today?: () => string;
}

export interface CompiledForm {
  readonly id: string;
  readonly schema: FormSchema;
  /**
   * Validates a task completion. Unknown keys are refused; hidden fields are neither
   * validated nor kept; readonly/disabled fields are not taken from the payload (the process
   * already holds them); expression fields are recomputed; money becomes integer cents.
   */
  validate(payload: unknown, context?: Record<string, unknown>): ValidationResult;
  /** Initial values: the variables the form's keys name, else defaultValue, else empty. */
  prefill(variables?: Record<string, unknown>): Record<string, unknown>;
  /**
   * The form's data as FEEL sees it, leniently: visible fields only, money in cents where it
   * parses, expressions computed. The renderer uses it for conditions and computed fields.
   */
  evaluate(values: unknown, context?: Record<string, unknown>): Record<string, unknown>;
}

type Mode = 'all' | 'lenient' | 'strict' | 'prefill';

interface Run {
  mode: Mode;
  errors: FieldError[];
  today: string;
}

interface Level {
  raw: unknown;
  /** Previous pass's data at this level, for FEEL. */
  scopeData: Record<string, unknown>;
  scope: Record<string, unknown>;
  base: PathSegment[];
  prefix: string[];
  out: Record<string, unknown>;
}

/** Rows beyond this are refused: no real begroting has them, an attacker might. */
export const MAX_ROWS = 500;
/** Hide conditions may depend on each other; this many passes settle any real form. */
const MAX_PASSES = 10;
const TEXT_KINDS: readonly FieldKind[] = ['text', 'bsn', 'iban', 'kvk', 'postcode'];

function lenientValue(kind: FieldKind, raw: unknown, component: FormComponent, scope: Record<string, unknown>, multiple: boolean): unknown {
  switch (kind) {
    case 'euro': {
      const parsed = parseMoney(typeof raw === 'string' ? raw.trim() : raw);
      return parsed.ok ? parsed.cents : null;
    }
    case 'number':
      return parseNumber(raw) ?? null;
    case 'checkbox':
      return raw === true;
    case 'checklist':
      return Array.isArray(raw) ? raw : [];
    case 'choice': {
      if (raw === undefined || raw === null || raw === '') return null;
      return findOption(resolveOptions(component, scope), raw)?.value ?? raw;
    }
    case 'date':
      return typeof raw === 'string' && raw !== '' ? raw : null;
    case 'file':
      return raw === undefined || raw === '' ? emptyValue(kind, multiple) : raw;
    default:
      return typeof raw === 'string' ? raw : raw === undefined || raw === null ? emptyValue(kind) : raw;
  }
}

function strictValue(
  kind: FieldKind,
  raw: unknown,
  component: FormComponent,
  scope: Record<string, unknown>,
  multiple: boolean,
  path: string,
  run: Run,
): unknown {
  const schema = fieldSchema({
    component,
    kind,
    required: component.validate?.required === true,
    min: resolveNumber(component.validate?.min, scope),
    max: resolveNumber(component.validate?.max, scope),
    options: kind === 'choice' || kind === 'checklist' ? resolveOptions(component, scope) : [],
    multiple,
    today: run.today,
  });
  // A field holds a scalar or a list, never an object: refuse one before Yup casts it
  // (an object with its own non-function toString made Yup's string cast throw).
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    run.errors.push({ field: path, message: kind === 'text' ? messages.notText : messages.pattern });
    return undefined;
  }
  try {
    // Yup skips transforms for undefined; null lets every kind fill in its empty value.
    const value: unknown = schema.validateSync(raw ?? null, { abortEarly: true });
    if (value === undefined || value === null) return emptyValue(kind, multiple);
    if (kind === 'date' && value === '') return null;
    return value;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    run.errors.push({ field: path, message: error.errors[0] ?? messages.pattern });
    return undefined;
  }
}

function walk(components: readonly FormComponent[], level: Level, run: Run): void {
  const applyRules = run.mode === 'lenient' || run.mode === 'strict';
  for (const c of components) {
    if (c.type === 'button' || (DISPLAY_TYPES as readonly string[]).includes(c.type)) continue;
    if (applyRules && isHidden(c, level.scope)) continue;
    if (c.type === 'group') {
      walk(c.components ?? [], { ...level, prefix: [...level.prefix, ...keySegments(c.path)] }, run);
      continue;
    }
    if (c.type === 'dynamiclist') {
      walkList(c, level, run);
      continue;
    }
    const kind = fieldKind(c);
    if (kind === undefined || c.key === undefined) continue;
    const segments = [...level.prefix, ...keySegments(c.key)];
    if (kind === 'expression') {
      setIn(level.out, segments, evaluateFeel(c.expression ?? '=null', level.scope));
      continue;
    }
    if (applyRules && (resolveFlag(c.readonly, level.scope) || resolveFlag(c.disabled, level.scope))) continue;
    let raw = getIn(level.raw, segments);
    if (run.mode === 'prefill' && raw === undefined) raw = c.defaultValue;
    const multiple = kind === 'file' && resolveFlag(c.multiple, level.scope);
    const value =
      run.mode === 'strict'
        ? strictValue(kind, raw, c, level.scope, multiple, formatPath([...level.base, ...segments]), run)
        : lenientValue(kind, raw, c, level.scope, multiple);
    if (value !== undefined) setIn(level.out, segments, value);
  }
}

function walkList(c: FormComponent, level: Level, run: Run): void {
  const segments = [...level.prefix, ...keySegments(c.path)];
  const path = formatPath([...level.base, ...segments]);
  let rows = getIn(level.raw, segments);
  if (run.mode === 'prefill' && !Array.isArray(rows)) {
    rows = Array.from({ length: c.defaultRepetitions ?? 1 }, () => ({}));
  }
  if (rows === undefined || rows === null) rows = [];
  if (!Array.isArray(rows)) {
    if (run.mode === 'strict') {
      run.errors.push({ field: path, message: messages.list });
      return;
    }
    rows = [];
  }
  const list = rows as unknown[];
  if (run.mode === 'strict') {
    const label = c.label;
    const minRows = Number(c.properties?.['regie.minRijen'] ?? 0);
    const maxRows = Math.min(Number(c.properties?.['regie.maxRijen'] ?? MAX_ROWS), MAX_ROWS);
    if (list.length < minRows) run.errors.push({ field: path, message: messages.minRows(minRows, label) });
    if (list.length > maxRows) {
      run.errors.push({ field: path, message: messages.maxRows(maxRows, label) });
      return;
    }
  }
  const out: Record<string, unknown>[] = [];
  list.slice(0, MAX_ROWS).forEach((row, index) => {
    if (!isPlainObject(row) && run.mode === 'strict') {
      run.errors.push({ field: formatPath([...level.base, ...segments, index]), message: messages.row });
    }
    const rowData = getIn(level.scopeData, [...segments, index]);
    const rowScopeData = isPlainObject(rowData) ? rowData : {};
    const rowOut: Record<string, unknown> = {};
    walk(
      c.components ?? [],
      {
        raw: isPlainObject(row) ? row : {},
        scopeData: rowScopeData,
        scope: rowScope(level.scope, rowScopeData, level.scopeData, index),
        base: [...level.base, ...segments, index],
        prefix: [],
        out: rowOut,
      },
      run,
    );
    out.push(rowOut);
  });
  setIn(level.out, segments, out);
}

function unknownKeys(value: unknown, shape: Shape, base: PathSegment[], errors: FieldError[]): void {
  if (!isPlainObject(value)) return;
  for (const key of Object.keys(value)) {
    const entry = shape.get(key);
    const path = [...base, key];
    if (entry === undefined) {
      errors.push({ field: formatPath(path), message: messages.unknownField });
    } else if (entry instanceof Map) {
      if (value[key] !== undefined && value[key] !== null && !isPlainObject(value[key])) {
        errors.push({ field: formatPath(path), message: messages.row });
      } else unknownKeys(value[key], entry, path, errors);
    } else if (entry !== 'leaf' && Array.isArray(value[key])) {
      (value[key] as unknown[]).slice(0, MAX_ROWS).forEach((row, i) => unknownKeys(row, entry.row, [...path, i], errors));
    }
  }
}

/** Compiles a loaded form once; the result validates any number of payloads. */
export function compileForm(schema: FormSchema, options: CompileOptions = {}): CompiledForm {
  const shape = buildShape(schema.components);
  const today = options.today ?? (() => todayInAmsterdam());

  const pass = (mode: Mode, raw: unknown, context: Record<string, unknown>, scopeData: Record<string, unknown>, run?: Run) => {
    const out: Record<string, unknown> = {};
    walk(
      schema.components,
      { raw, scopeData, scope: formScope(context, scopeData), base: [], prefix: [], out },
      run ?? { mode, errors: [], today: '' },
    );
    return out;
  };

  const evaluate = (values: unknown, context: Record<string, unknown> = {}): Record<string, unknown> => {
    const raw = isPlainObject(values) ? values : {};
    let data = pass('all', raw, context, {});
    // Expressions in the first pass saw no data; one more unfiltered pass gives them some.
    data = pass('all', raw, context, data);
    let previous = '';
    for (let i = 0; i < MAX_PASSES; i++) {
      data = pass('lenient', raw, context, data);
      const current = JSON.stringify(data);
      if (current === previous) break;
      previous = current;
    }
    return data;
  };

  return {
    id: schema.id,
    schema,
    evaluate,
    validate(payload, context = {}) {
      if (!isPlainObject(payload)) return { ok: false, errors: [{ field: '', message: messages.notAnObject }] };
      const errors: FieldError[] = [];
      unknownKeys(payload, shape, [], errors);
      const data = evaluate(payload, context);
      const value = pass('strict', payload, context, data, { mode: 'strict', errors, today: today() });
      return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
    },
    prefill(variables = {}) {
      const first = pass('prefill', variables, variables, {});
      return pass('prefill', variables, variables, first);
    },
  };
}
