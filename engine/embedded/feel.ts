import { randomUUID } from 'node:crypto';
import { evaluate, parseExpression } from 'feelin';

/**
 * FEEL for Zeebe diagrams: `=expr` is FEEL, anything else a static string.
 * A missing variable is an error here (→ incident), never a silent null,
 * except inside the Camunda built-ins that exist to test for absence.
 */

export class FeelError extends Error {
  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(message);
    this.name = 'FeelError';
  }
}

/** Camunda 8 FEEL built-ins that feelin (standard DMN FEEL) lacks. Documented in docs/engine.md. */
export const camundaShims: Record<string, (...args: never[]) => unknown> = {
  'is defined': (value: unknown) => value !== null && value !== undefined,
  'get or else': (value: unknown, fallback: unknown) => value ?? fallback,
  'is empty': (value: unknown) =>
    value === null || value === undefined ? null : Array.isArray(value) ? value.length === 0 : typeof value === 'string' ? value.length === 0 : null,
  'is blank': (value: unknown) => (typeof value === 'string' ? value.trim().length === 0 : null),
  trim: (value: unknown) => (typeof value === 'string' ? value.trim() : null),
  uuid: () => randomUUID(),
  'to json': (value: unknown) => JSON.stringify(value ?? null),
  'from json': (value: unknown) => {
    if (typeof value !== 'string') return null;
    try {
      return JSON.parse(value);
    } catch {
      return null;
    }
  },
  partition: (list: unknown, size: unknown) => {
    if (!Array.isArray(list) || typeof size !== 'number' || size < 1) return null;
    const out: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  },
  'duplicate values': (list: unknown) => {
    if (!Array.isArray(list)) return null;
    const seen = new Set<string>();
    const dup = new Map<string, unknown>();
    for (const v of list) {
      const k = JSON.stringify(v);
      if (seen.has(k)) dup.set(k, v);
      seen.add(k);
    }
    return [...dup.values()];
  },
  assert: (value: unknown, condition: unknown, cause?: unknown) => {
    if (condition !== true) throw new FeelError(typeof cause === 'string' ? cause : 'assert mislukt', 'assert');
    return value;
  },
};

/** Names whose arguments may be missing without an incident. */
const absenceTolerant = ['is defined', 'get or else'];

export function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

/** FEEL temporal values → ISO strings; everything else as is (lists and contexts deep). */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const ctor = (value as object).constructor?.name ?? '';
    if (ctor.startsWith('Feel')) return String(value);
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function tolerantRanges(expr: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const name of absenceTolerant) {
    let from = 0;
    for (;;) {
      const at = expr.indexOf(name, from);
      if (at < 0) break;
      const open = expr.indexOf('(', at + name.length);
      if (open < 0) break;
      let depth = 0;
      let end = expr.length;
      for (let i = open; i < expr.length; i++) {
        if (expr[i] === '(') depth++;
        else if (expr[i] === ')' && --depth === 0) {
          end = i;
          break;
        }
      }
      ranges.push([open, end]);
      from = open + 1;
    }
  }
  return ranges;
}

/** A bare name: its value can be read without the parser. */
const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that look like names but are FEEL literals or operators. */
const feelWords = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'for', 'in', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function', 'external']);

/**
 * The evaluation context: only the variables and built-ins whose names occur in the
 * expression. feelin deep-copies its whole context on every call, and a zaak carries
 * dozens of variables; a name that does not occur in the text cannot be referenced.
 */
function contextFor(expr: string, variables: Record<string, unknown>): Record<string, unknown> {
  const ctx: Record<string, unknown> = {};
  for (const name in camundaShims) if (expr.includes(name)) ctx[name] = camundaShims[name];
  for (const name in variables) if (expr.includes(name)) ctx[name] = variables[name];
  return ctx;
}

/**
 * Evaluates FEEL (without the leading '='). Throws FeelError on syntax errors,
 * missing variables (outside is defined / get or else) and failed invocations.
 */
export function evaluateFeel(expr: string, variables: Record<string, unknown>): unknown {
  // `=requester`, `=score`: the most common expression in a diagram is a variable's name.
  if (plainName.test(expr) && !feelWords.has(expr) && Object.hasOwn(variables, expr) && variables[expr] !== undefined) {
    return toPlain(variables[expr]);
  }
  let result;
  try {
    result = evaluate(expr, contextFor(expr, variables));
  } catch (err) {
    if (err instanceof FeelError) throw err;
    throw new FeelError(`ongeldige FEEL-expressie '${expr}': ${(err as Error).message}`, expr);
  }
  const ranges = result.warnings.length ? tolerantRanges(expr) : [];
  for (const w of result.warnings) {
    if (w.type === 'NO_VARIABLE_FOUND') {
      const pos = w.position?.from ?? -1;
      if (ranges.some(([a, b]) => pos > a && pos < b)) continue;
      throw new FeelError(`variabele ontbreekt in FEEL-expressie '${expr}': ${w.message}`, expr);
    }
    if (w.type === 'NO_FUNCTION_FOUND' || w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'INVALID_ARGUMENTS') {
      throw new FeelError(`FEEL-expressie '${expr}' mislukt: ${w.message}`, expr);
    }
  }
  return toPlain(result.value);
}

/** Zeebe rule: '=…' is FEEL, any other value is the literal string. */
export function resolveValue(value: string | undefined | null, variables: Record<string, unknown>): unknown {
  if (value === undefined || value === null) return undefined;
  return isFeel(value) ? evaluateFeel(value.slice(1), variables) : value;
}

/** Syntax check for deployment; returns a message or null. Variables are unknown at deploy time. */
export function feelSyntaxError(value: string): string | null {
  if (!isFeel(value)) return null;
  const expr = value.slice(1);
  try {
    const context = Object.fromEntries(Object.keys(camundaShims).map((k) => [k, true]));
    const tree = parseExpression(expr, context, undefined);
    let bad: number | null = null;
    tree.iterate({
      enter(node) {
        if (node.type.isError && bad === null) bad = node.from;
      },
    });
    if (bad !== null) return `ongeldige FEEL-expressie '${expr}' (fout bij positie ${bad})`;
    return null;
  } catch (err) {
    return `ongeldige FEEL-expressie '${expr}': ${(err as Error).message}`;
  }
}
