import {
  COMPUTED_TYPES,
  CONTAINER_TYPES,
  DISPLAY_TYPES,
  IGNORED_TYPES,
  INPUT_TYPES,
  REGIE_DATE_RULES,
  REGIE_TYPES,
  type ComponentType,
  type FormComponent,
  type FormSchema,
} from './types.ts';
import { FormSchemaError } from './form-schema-error.ts';
import { feelSyntaxError, isFeel, templateParts } from './feel-syntax.ts';

const KNOWN_TYPES: readonly string[] = [
  ...INPUT_TYPES,
  ...CONTAINER_TYPES,
  ...DISPLAY_TYPES,
  ...COMPUTED_TYPES,
  ...IGNORED_TYPES,
];
const KEYED_TYPES: readonly string[] = [...INPUT_TYPES, ...COMPUTED_TYPES];
const OPTION_TYPES: readonly string[] = ['checklist', 'radio', 'select'];
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FORM_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
/** A form deeper or larger than this is a mistake or an attack, not a form. */
const MAX_DEPTH = 8;
const MAX_COMPONENTS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed form file and returns it typed. Used both when a form is loaded for
 * rendering and when it is deployed: anything Regie cannot render or validate identically
 * on both sides is refused here, with a Dutch message naming the component.
 */
export function loadFormSchema(json: unknown): FormSchema {
  let input = json;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw new FormSchemaError('Het formulierbestand is geen geldige JSON.');
    }
  }
  if (!isRecord(input)) throw new FormSchemaError('Het formulierbestand is geen JSON-object.');
  if (input.type !== undefined && input.type !== 'default') {
    throw new FormSchemaError(`Het formuliertype "${String(input.type)}" wordt niet ondersteund; verwacht "default".`);
  }
  if (typeof input.id !== 'string' || !FORM_ID_PATTERN.test(input.id)) {
    throw new FormSchemaError(
      'Het formulier heeft geen geldig "id". Dit id koppelt het formulier aan de BPMN-taak (zeebe:formDefinition formId).',
    );
  }
  if (!Array.isArray(input.components)) {
    throw new FormSchemaError(`Formulier "${input.id}": "components" ontbreekt of is geen lijst.`);
  }
  const state = { counter: { count: 0 }, keys: new Set<string>() };
  checkComponents(input.components, '', 0, state);
  // A copy, so a caller changing its JSON later cannot change a compiled form under the server.
  return structuredClone({ ...input, type: 'default', id: input.id, components: input.components as FormComponent[] });
}

interface CheckState {
  /** Shared across scopes so the size limit covers the whole form. */
  counter: { count: number };
  /** Full data paths in the current data scope; a dynamiclist starts a new scope. */
  keys: Set<string>;
}

function checkComponents(list: unknown[], prefix: string, depth: number, state: CheckState): void {
  if (depth > MAX_DEPTH) throw new FormSchemaError(`Het formulier is dieper genest dan ${MAX_DEPTH} niveaus.`);
  list.forEach((raw, index) => {
    state.counter.count += 1;
    if (state.counter.count > MAX_COMPONENTS) throw new FormSchemaError(`Het formulier heeft meer dan ${MAX_COMPONENTS} onderdelen.`);
    checkComponent(raw, index, prefix, depth, state);
  });
}

function checkComponent(raw: unknown, index: number, prefix: string, depth: number, state: CheckState): void {
  if (!isRecord(raw)) throw new FormSchemaError(`Onderdeel ${index + 1} is geen JSON-object.`);
  const name =
    typeof raw.key === 'string' ? raw.key : typeof raw.id === 'string' ? raw.id : `nummer ${index + 1}`;
  const fail = (message: string): never => {
    throw new FormSchemaError(`Onderdeel "${name}": ${message}`, name);
  };
  const type = raw.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.includes(type)) {
    fail(`onbekend type "${String(type)}". Ondersteund: ${KNOWN_TYPES.join(', ')}.`);
  }
  const t = type as ComponentType;

  if (KEYED_TYPES.includes(t)) {
    if (typeof raw.key !== 'string' || !KEY_PATTERN.test(raw.key)) {
      fail('een "key" ontbreekt of is ongeldig (letters, cijfers en _, gescheiden door punten).');
    }
    const full = prefix + (raw.key as string);
    if (state.keys.has(full)) fail(`de key "${full}" komt vaker voor in dit formulier.`);
    for (const other of state.keys) {
      if (other.startsWith(full + '.') || full.startsWith(other + '.')) {
        fail(`de key "${full}" botst met de key "${other}".`);
      }
    }
    state.keys.add(full);
  }
  for (const field of ['label', 'description', 'text', 'content'] as const) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string') fail(`"${field}" moet tekst zijn.`);
  }

  const feel = (where: string, value: unknown): void => {
    if (!isFeel(value)) return;
    const problem = feelSyntaxError(value);
    if (problem) fail(`de FEEL-expressie in ${where} klopt niet (${problem}): ${value}`);
  };
  const boolOrFeel = (field: string): void => {
    const value = raw[field];
    if (value === undefined || typeof value === 'boolean') return;
    if (!isFeel(value)) fail(`"${field}" moet true, false of een FEEL-expressie (=…) zijn.`);
    feel(field, value);
  };
  boolOrFeel('readonly');
  boolOrFeel('disabled');
  if (raw.conditional !== undefined) {
    if (!isRecord(raw.conditional)) fail('"conditional" moet een object zijn.');
    const hide = (raw.conditional as Record<string, unknown>).hide;
    if (hide !== undefined) {
      if (!isFeel(hide)) fail('"conditional.hide" moet een FEEL-expressie (=…) zijn.');
      feel('conditional.hide', hide);
    }
  }

  if (raw.validate !== undefined) checkValidate(raw.validate, t, fail, feel);
  if (raw.properties !== undefined) checkProperties(raw.properties, t, fail);

  if (OPTION_TYPES.includes(t)) {
    const sources = ['values', 'valuesKey', 'valuesExpression'].filter((f) => raw[f] !== undefined);
    if (sources.length !== 1) fail('geef de keuzes met precies één van "values", "valuesKey" of "valuesExpression".');
    if (raw.values !== undefined) {
      if (!Array.isArray(raw.values) || raw.values.length === 0) fail('"values" moet een niet-lege lijst zijn.');
      const seen = new Set<string>();
      for (const option of raw.values as unknown[]) {
        if (!isRecord(option) || typeof option.label !== 'string' || typeof option.value !== 'string') {
          fail('elke keuze in "values" heeft een tekst "label" en een tekst "value".');
        }
        const value = (option as Record<string, string>).value as string;
        if (seen.has(value)) fail(`de keuze "${value}" staat er dubbel in.`);
        seen.add(value);
      }
    }
    if (raw.valuesKey !== undefined && (typeof raw.valuesKey !== 'string' || !KEY_PATTERN.test(raw.valuesKey))) {
      fail('"valuesKey" is geen geldige variabelenaam.');
    }
    if (raw.valuesExpression !== undefined) {
      if (!isFeel(raw.valuesExpression)) fail('"valuesExpression" moet een FEEL-expressie (=…) zijn.');
      feel('valuesExpression', raw.valuesExpression);
    }
  }

  if (t === 'datetime') {
    const subtype = raw.subtype ?? 'date';
    if (subtype !== 'date') fail(`alleen datumvelden (subtype "date") worden ondersteund, niet "${String(subtype)}".`);
  }
  if (t === 'expression') {
    if (!isFeel(raw.expression)) fail('"expression" moet een FEEL-expressie (=…) zijn.');
    feel('expression', raw.expression);
  }
  if (t === 'text') {
    if (typeof raw.text !== 'string') fail('"text" ontbreekt.');
    feel('text', raw.text);
    for (const part of templateParts(raw.text as string)) feel('text', '=' + part);
  }
  if (t === 'html') {
    if (typeof raw.content !== 'string') fail('"content" ontbreekt.');
    feel('content', raw.content);
  }
  if (t === 'table') {
    if (typeof raw.dataSource !== 'string' || raw.dataSource === '') fail('"dataSource" ontbreekt.');
    feel('dataSource', raw.dataSource);
    if (!Array.isArray(raw.columns) || raw.columns.length === 0) fail('"columns" moet een niet-lege lijst zijn.');
    for (const column of raw.columns as unknown[]) {
      if (!isRecord(column) || typeof column.label !== 'string' || typeof column.key !== 'string') {
        fail('elke kolom heeft een tekst "label" en een tekst "key".');
      }
    }
  }
  if (t === 'filepicker') boolOrFeel('multiple');
  if (t === 'number' && raw.decimalDigits !== undefined) {
    if (!Number.isInteger(raw.decimalDigits) || (raw.decimalDigits as number) < 0) fail('"decimalDigits" moet een geheel getal ≥ 0 zijn.');
  }

  if (t === 'group' || t === 'dynamiclist') {
    if (!Array.isArray(raw.components)) fail('"components" ontbreekt of is geen lijst.');
    const path = raw.path;
    if (t === 'dynamiclist' && (typeof path !== 'string' || !KEY_PATTERN.test(path))) {
      fail('een herhalende lijst heeft een geldig "path" nodig: daar komen de rijen te staan.');
    }
    if (path !== undefined && path !== '' && (typeof path !== 'string' || !KEY_PATTERN.test(path))) {
      fail('"path" is geen geldig pad.');
    }
    if (t === 'dynamiclist') {
      const full = prefix + (path as string);
      if (state.keys.has(full)) fail(`het pad "${full}" komt vaker voor in dit formulier.`);
      state.keys.add(full);
      // Rows are their own data scope: children's keys are relative to one row.
      checkComponents(raw.components as unknown[], '', depth + 1, { counter: state.counter, keys: new Set() });
    } else {
      const nested = typeof path === 'string' && path !== '' ? `${prefix}${path}.` : prefix;
      checkComponents(raw.components as unknown[], nested, depth + 1, state);
    }
  } else if (raw.components !== undefined) {
    fail('alleen een groep of herhalende lijst kan onderdelen bevatten.');
  }
}

function checkValidate(
  validate: unknown,
  type: ComponentType,
  fail: (message: string) => never,
  feel: (where: string, value: unknown) => void,
): void {
  if (!isRecord(validate)) fail('"validate" moet een object zijn.');
  const v = validate as Record<string, unknown>;
  if (v.required !== undefined && typeof v.required !== 'boolean') fail('"validate.required" moet true of false zijn.');
  for (const bound of ['min', 'max'] as const) {
    const value = v[bound];
    if (value === undefined) continue;
    if (isFeel(value)) feel(`validate.${bound}`, value);
    else if (typeof value !== 'number' || !Number.isFinite(value)) fail(`"validate.${bound}" moet een getal of FEEL-expressie zijn.`);
  }
  for (const bound of ['minLength', 'maxLength'] as const) {
    const value = v[bound];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
      fail(`"validate.${bound}" moet een geheel getal ≥ 0 zijn.`);
    }
  }
  if (v.pattern !== undefined) {
    if (typeof v.pattern !== 'string') fail('"validate.pattern" moet tekst zijn.');
    try {
      new RegExp(v.pattern as string, 'u');
    } catch {
      fail(`het patroon "${String(v.pattern)}" is geen geldige reguliere expressie.`);
    }
  }
  if (v.validationType !== undefined && !['email', 'phone', 'custom'].includes(v.validationType as string)) {
    fail(`"validate.validationType" "${String(v.validationType)}" is onbekend (email, phone of custom).`);
  }
  if (v.validationType !== undefined && type !== 'textfield') {
    fail('"validate.validationType" kan alleen bij een tekstveld.');
  }
}

function checkProperties(properties: unknown, type: ComponentType, fail: (message: string) => never): void {
  if (!isRecord(properties)) fail('"properties" moet een object zijn.');
  const p = properties as Record<string, unknown>;
  for (const [name, value] of Object.entries(p)) {
    if (typeof value !== 'string') fail(`de eigenschap "${name}" moet tekst zijn (zo slaat form-js ze op).`);
  }
  const regieType = p['regie.type'];
  if (regieType !== undefined) {
    if (!(REGIE_TYPES as readonly string[]).includes(regieType as string)) {
      fail(`"regie.type" "${String(regieType)}" is onbekend. Kies uit: ${REGIE_TYPES.join(', ')}.`);
    }
    const allowed = regieType === 'euro' ? ['textfield', 'expression'] : ['textfield'];
    if (!allowed.includes(type)) fail(`"regie.type" "${String(regieType)}" kan alleen bij: ${allowed.join(', ')}.`);
  }
  const dateRule = p['regie.datum'];
  if (dateRule !== undefined) {
    if (!(REGIE_DATE_RULES as readonly string[]).includes(dateRule as string)) {
      fail(`"regie.datum" "${String(dateRule)}" is onbekend. Kies uit: ${REGIE_DATE_RULES.join(', ')}.`);
    }
    if (type !== 'datetime') fail('"regie.datum" kan alleen bij een datumveld.');
  }
  for (const rows of ['regie.minRijen', 'regie.maxRijen']) {
    if (p[rows] === undefined) continue;
    if (type !== 'dynamiclist') fail(`"${rows}" kan alleen bij een herhalende lijst.`);
    if (!/^\d{1,4}$/.test(p[rows] as string)) fail(`"${rows}" moet een geheel getal zijn.`);
  }
}
