import { describe, expect, it } from 'vitest';
import { FeelError, evaluateFeel } from '../../engine/embedded/feel.ts';

// evaluateFeel hands feelin only the variables whose names occur in the expression, and reads
// a bare variable name without the parser; neither may change what a diagram's expression means.
describe('FEEL evaluation', () => {
  const zaak = { 'aantal uren': 12, uur: 3, uurtarief: 2500, naam: 'Jansen', leeg: null, lijst: [1, 2, 3], adres: { plaats: 'Utrecht' } };

  it('reads a name with spaces, which the parser only recognises when it is in the context', () => {
    expect(evaluateFeel('aantal uren * uurtarief', zaak)).toBe(30000);
  });

  it('keeps a name apart from a longer name that starts with it', () => {
    expect(evaluateFeel('uur + 1', zaak)).toBe(4);
    expect(evaluateFeel('uurtarief', zaak)).toBe(2500);
  });

  it('reads a bare name, a path and a list as the parser would', () => {
    expect(evaluateFeel('naam', zaak)).toBe('Jansen');
    expect(evaluateFeel('adres.plaats', zaak)).toBe('Utrecht');
    expect(evaluateFeel('lijst', zaak)).toEqual([1, 2, 3]);
    expect(evaluateFeel('count(lijst)', zaak)).toBe(3);
  });

  it('treats true, false and null as literals', () => {
    expect(evaluateFeel('true', {})).toBe(true);
    expect(evaluateFeel('false', {})).toBe(false);
    expect(evaluateFeel('null', {})).toBe(null);
  });

  it('raises an incident for a missing variable, bare or inside an expression', () => {
    expect(() => evaluateFeel('onbekend', zaak)).toThrow(FeelError);
    expect(() => evaluateFeel('onbekend', zaak)).toThrow(/variabele ontbreekt/);
    expect(() => evaluateFeel('onbekend + 1', zaak)).toThrow(/variabele ontbreekt/);
    expect(() => evaluateFeel('leeg', zaak)).not.toThrow();
  });

  it('keeps the Camunda built-ins that test for absence', () => {
    expect(evaluateFeel('is defined(onbekend)', zaak)).toBe(false);
    expect(evaluateFeel('is defined(naam)', zaak)).toBe(true);
    expect(evaluateFeel('get or else(onbekend, "standaard")', zaak)).toBe('standaard');
  });
});
