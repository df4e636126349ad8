import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileForm, loadFormSchema, parseMoney, formatCents, type CompiledForm } from '../../forms/index.ts';

const TODAY = '2025-06-15';
const names = ['prb-aanmelding', 'prb-trajectplan', 'prb-besluit'] as const;
const forms: Record<string, CompiledForm> = Object.fromEntries(
  names.map((name) => [
    name,
    compileForm(loadFormSchema(readFileSync(new URL(`../../forms/examples/${name}.form`, import.meta.url), 'utf8')), {
      today: () => TODAY,
    }),
  ]),
);

/** Known-good payloads, so removing one field is the only thing wrong. */
const good: Record<string, { payload: Record<string, unknown>; context: Record<string, unknown>; required: string[] }> = {
  'prb-aanmelding': {
    payload: {
      naam: 'Fatima el Amrani',
      bsn: '111222333',
      geboortedatum: '1990-04-02',
      contact: { email: 'fatima@example.nl', telefoon: '', postcode: '3511 AB', huisnummer: '12' },
      uitkering: 'ww',
      uitkeringSinds: '2024-01-01',
      motivatie: 'Ik wil graag als doktersassistent werken en heb daarvoor een opleiding nodig.',
      toestemming: true,
    },
    context: {},
    required: ['naam', 'bsn', 'geboortedatum', 'contact.email', 'contact.postcode', 'contact.huisnummer', 'uitkering', 'uitkeringSinds', 'motivatie', 'toestemming'],
  },
  'prb-besluit': {
    payload: { besluit: 'toekennen', budget: '1.000,00', ingangsdatum: TODAY, motivering: 'Past goed binnen de regeling.' },
    context: { totaal: 150000, naam: 'Jan' },
    required: ['besluit', 'budget', 'ingangsdatum', 'motivering'],
  },
  'prb-trajectplan': {
    payload: {
      doel: 'Kok worden',
      activiteiten: [{ omschrijving: 'Opleiding', startdatum: '2025-09-01' }],
      begroting: [{ omschrijving: 'Opleiding', bedrag: '1.000' }],
      aanbieder: { naam: 'School', kvk: '12345678', iban: 'NL91ABNA0417164300' },
      offerte: 'doc-1',
    },
    context: { maxBudget: 500000 },
    required: ['doel', 'aanbieder.naam', 'aanbieder.kvk', 'aanbieder.iban', 'offerte'],
  },
};

function without(payload: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(payload);
  const parts = path.split('.');
  let level: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) level = level[part] as Record<string, unknown>;
  delete level[parts.at(-1)!];
  return copy;
}

const anyJson = fc.jsonValue({ maxDepth: 4 });
/** Payloads shaped like the form (its own keys) with random values, which reach the rules. */
function shapedPayload(keys: string[]) {
  return fc.dictionary(fc.constantFrom(...keys), anyJson, { maxKeys: keys.length });
}

describe('property: the validator never crashes', () => {
  for (const name of names) {
    it(`${name}: any JSON payload yields ok or Dutch field errors`, () => {
      const form = forms[name]!;
      const keys = Object.keys(good[name]!.payload);
      fc.assert(
        fc.property(fc.oneof(anyJson, shapedPayload(keys)), fc.dictionary(fc.string(), anyJson), (payload, context) => {
          const result = form.validate(payload, context);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(typeof error.field).toBe('string');
              expect(error.message).toMatch(/^[A-Z"]/);
              expect(error.message).not.toMatch(/must be|cannot be|this /);
            }
          }
        }),
        // Always tried first: every field an object whose toString is not a function, which made
        // String() throw inside the choice lookup (found by this property in CI, seed -133026647).
        { numRuns: 150, examples: [[Object.fromEntries(keys.map((k) => [k, { toString: [] }])), {}], [{ uitkering: { toString: [] } }, {}]] },
      );
    });
  }
});

describe('property: a payload missing a visible required field never passes', () => {
  for (const name of names) {
    it(name, () => {
      const { payload, context, required } = good[name]!;
      expect(forms[name]!.validate(payload, context).ok).toBe(true);
      fc.assert(
        fc.property(fc.constantFrom(...required), fc.constantFrom(undefined, null, '', '   '), (field, empty) => {
          const broken = without(payload, field);
          if (empty !== undefined) {
            const parts = field.split('.');
            let level = broken;
            for (const part of parts.slice(0, -1)) level = level[part] as Record<string, unknown>;
            level[parts.at(-1)!] = field === 'toestemming' ? false : empty;
          }
          const result = forms[name]!.validate(broken, context);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
        }),
      );
    });
  }
});

describe('property: money', () => {
  it('any cents amount survives formatting and parsing, and is never negative after parsing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseMoney(formatCents(cents))).toEqual({ ok: true, cents });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseMoney(text);
        if (parsed.ok) {
          expect(Number.isSafeInteger(parsed.cents)).toBe(true);
          expect(parsed.cents).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

/** Generated forms: each field kind, required or not, hidden or not. */
const KINDS: Record<string, { component: Record<string, unknown>; good: unknown }> = {
  text: { component: { type: 'textfield' }, good: 'x' },
  area: { component: { type: 'textarea' }, good: 'tekst' },
  number: { component: { type: 'number' }, good: 3 },
  euro: { component: { type: 'textfield', properties: { 'regie.type': 'euro' } }, good: '1,00' },
  bsn: { component: { type: 'textfield', properties: { 'regie.type': 'bsn' } }, good: '111222333' },
  iban: { component: { type: 'textfield', properties: { 'regie.type': 'iban' } }, good: 'NL91ABNA0417164300' },
  kvk: { component: { type: 'textfield', properties: { 'regie.type': 'kvk' } }, good: '12345678' },
  postcode: { component: { type: 'textfield', properties: { 'regie.type': 'postcode' } }, good: '1234 AB' },
  select: { component: { type: 'select', values: [{ label: 'A', value: 'a' }] }, good: 'a' },
  radio: { component: { type: 'radio', values: [{ label: 'A', value: 'a' }] }, good: 'a' },
  checklist: { component: { type: 'checklist', values: [{ label: 'A', value: 'a' }] }, good: ['a'] },
  checkbox: { component: { type: 'checkbox' }, good: true },
  date: { component: { type: 'datetime', subtype: 'date' }, good: TODAY },
  file: { component: { type: 'filepicker' }, good: 'doc-1' },
};

const generatedField = fc.record({
  kind: fc.constantFrom(...Object.keys(KINDS)),
  required: fc.boolean(),
  hidden: fc.boolean(),
  inGroup: fc.boolean(),
});

describe('property: generated forms', () => {
  it('a payload missing a visible required field never passes; a missing hidden one never fails', () => {
    fc.assert(
      fc.property(fc.array(generatedField, { minLength: 1, maxLength: 8 }), fc.nat(), (fields, pick) => {
        const components = fields.map((f, i) => {
          const component = {
            ...KINDS[f.kind]!.component,
            key: `f${i}`,
            label: `Veld ${i}`,
            validate: { required: f.required },
            conditional: { hide: f.hidden ? '=true' : '=false' },
          };
          return f.inGroup ? { type: 'group', path: `g${i}`, components: [component] } : component;
        });
        const form = compileForm(loadFormSchema({ type: 'default', id: 'gen', components }), { today: () => TODAY });
        const payload: Record<string, unknown> = {};
        fields.forEach((f, i) => {
          const value = KINDS[f.kind]!.good;
          if (f.inGroup) payload[`g${i}`] = { [`f${i}`]: value };
          else payload[`f${i}`] = value;
        });
        expect(form.validate(payload).ok).toBe(true);

        const index = pick % fields.length;
        const field = fields[index]!;
        const broken = structuredClone(payload);
        if (field.inGroup) delete (broken[`g${index}`] as Record<string, unknown>)[`f${index}`];
        else delete broken[`f${index}`];
        const result = form.validate(broken);
        const path = field.inGroup ? `g${index}.f${index}` : `f${index}`;
        if (field.required && !field.hidden) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([path]);
        } else {
          expect(result.ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
