import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFormSchema } from '../../forms/index.ts';
import { renderTemplate } from '../../forms/validation/feel.ts';

/** The bezwaar tasks give their dates in words ("4 januari 2027"), as the letters do, never as 2027-01-04. */

const here = path.dirname(fileURLToPath(import.meta.url));
const formText = (id: string) => {
  const schema = loadFormSchema(readFileSync(path.join(here, '..', '..', 'workflows', 'prb', 'forms', `${id}.form`), 'utf8'));
  const text = schema.components.find((c) => c.type === 'text')?.text;
  if (!text) throw new Error(`${id} has no text`);
  return text;
};

// Besluit sent Monday 23 November 2026, bezwaar received that day: bezwaartermijn through Monday
// 4 January 2027, beslissing due six weeks later, Monday 15 February 2027 (Awb 7:10 lid 1).
const scope = { klantNaam: 'Fatima el Amrani', bezwaarOntvangen: '2026-11-23', bezwaartermijnEinde: '2027-01-04', uiterlijkeEinddatum: '2027-02-15' };

describe('bezwaar forms', () => {
  it('Ontvankelijkheid beoordelen: receipt, last day of the bezwaartermijn and the beslisdatum in words, in a tense that fits past and future', () => {
    expect(renderTemplate(formText('bezwaar-ontvankelijkheid'), scope)).toBe(
      'Bezwaar van Fatima el Amrani, ontvangen op 23 november 2026. Laatste dag van de bezwaartermijn: 4 januari 2027. Uiterste beslisdatum: 15 februari 2027 (artikel 7:10 Awb).',
    );
  });

  it('Beslissen op bezwaar: the uiterste beslisdatum in words, also after a verdaging', () => {
    expect(renderTemplate(formText('bezwaar-beslissing'), scope)).toBe('Beslissing op het bezwaar van Fatima el Amrani. Uiterste beslisdatum: 15 februari 2027 (artikel 7:10 Awb).');
    expect(renderTemplate(formText('bezwaar-beslissing'), { ...scope, uiterlijkeEinddatum: '2027-03-30' })).toContain('Uiterste beslisdatum: 30 maart 2027');
  });
});
