import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormSchemaError, loadFormSchema } from '../../forms/index.ts';

const examples = new URL('../../forms/examples/', import.meta.url);

function form(components: unknown[]): Record<string, unknown> {
  return { type: 'default', id: 'test', components };
}

function refusal(json: unknown): FormSchemaError {
  try {
    loadFormSchema(json);
  } catch (error) {
    expect(error).toBeInstanceOf(FormSchemaError);
    return error as FormSchemaError;
  }
  throw new Error('expected the form to be refused');
}

describe('loadFormSchema', () => {
  it('loads every example form file, from text or parsed JSON', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.form'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = readFileSync(new URL(file, examples), 'utf8');
      const schema = loadFormSchema(text);
      expect(schema.id).toBe(file.replace(/\.form$/, ''));
      expect(loadFormSchema(JSON.parse(text)).components.length).toBe(schema.components.length);
    }
  });

  it('refuses an unknown component type, naming the key', () => {
    const error = refusal(form([{ type: 'signature', key: 'handtekening' }]));
    expect(error.componentKey).toBe('handtekening');
    expect(error.message).toContain('"handtekening"');
    expect(error.message).toContain('onbekend type "signature"');
  });

  it('finds an unknown type nested inside a dynamic list', () => {
    const error = refusal(
      form([{ type: 'dynamiclist', path: 'rijen', components: [{ type: 'slider', key: 'x' }] }]),
    );
    expect(error.componentKey).toBe('x');
  });

  it('refuses broken FEEL in conditional.hide, expression, readonly and validate.max', () => {
    const hide = refusal(form([{ type: 'textfield', key: 'a', conditional: { hide: '=b = ' } }]));
    expect(hide.message).toMatch(/FEEL-expressie in conditional\.hide klopt niet/);
    expect(hide.componentKey).toBe('a');
    expect(refusal(form([{ type: 'expression', key: 't', expression: '=sum(' }])).componentKey).toBe('t');
    expect(refusal(form([{ type: 'textfield', key: 'r', readonly: '=a +* 2' }])).message).toContain('readonly');
    expect(refusal(form([{ type: 'number', key: 'n', validate: { max: '=(' } }])).message).toContain('validate.max');
    expect(refusal(form([{ type: 'text', text: 'Hallo {{ naam + }}' }])).message).toContain('FEEL');
  });

  it('accepts FEEL that merely names unknown variables (they come from the task)', () => {
    expect(() => loadFormSchema(form([{ type: 'textfield', key: 'a', conditional: { hide: '=onbekend > 3' } }]))).not.toThrow();
  });

  it('refuses missing or duplicate keys, a missing id and bad Regie properties', () => {
    expect(refusal(form([{ type: 'textfield', label: 'Zonder key' }])).message).toContain('"key"');
    expect(refusal(form([{ type: 'textfield', key: 'a' }, { type: 'number', key: 'a' }])).message).toContain('vaker');
    expect(refusal(form([{ type: 'textfield', key: 'a' }, { type: 'textfield', key: 'a.b' }])).message).toContain('botst');
    expect(refusal({ type: 'default', components: [] }).message).toContain('id');
    expect(refusal(form([{ type: 'textfield', key: 'a', properties: { 'regie.type': 'rekening' } }])).message).toContain('regie.type');
    expect(refusal(form([{ type: 'number', key: 'a', properties: { 'regie.type': 'bsn' } }])).message).toContain('kan alleen');
    expect(refusal(form([{ type: 'textfield', key: 'a', properties: { 'regie.datum': 'niet-in-verleden' } }])).message).toContain('datumveld');
  });

  it('refuses unsupported datetime subtypes, bad patterns and choice fields without options', () => {
    expect(refusal(form([{ type: 'datetime', key: 'd', subtype: 'time' }])).message).toContain('datumvelden');
    expect(refusal(form([{ type: 'textfield', key: 'a', validate: { pattern: '([' } }])).message).toContain('reguliere expressie');
    expect(refusal(form([{ type: 'select', key: 's' }])).message).toContain('values');
    expect(refusal(form([{ type: 'radio', key: 's', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'a' }] }])).message).toContain('dubbel');
  });

  it('refuses non-JSON and non-objects', () => {
    expect(refusal('{').message).toContain('JSON');
    expect(refusal(42).message).toContain('JSON-object');
    expect(refusal(form([null])).message).toContain('Onderdeel 1');
  });
});
