import { describe, expect, it } from 'vitest';
import { policyFor } from '../../workflows/prb/policy/load.ts';
import { procesbeleid, withoutWeeks } from '../../workflows/prb/policy/snapshot.ts';

describe('procesbeleid (the policy as a process variable)', () => {
  it('unwraps every axis to its waarde and keeps id, hash and preset code', () => {
    const almere = policyFor('almere', 'prb', '2025-01-01');
    const snapshot = procesbeleid(almere);
    expect(snapshot).toMatchObject({
      id: 'almere:prb:2008-01-01',
      hash: almere.hash,
      preset: 'A',
      plafondCent: 500_000,
      planToetsing: 'marginaal',
      orientatiefase: { actief: true, duur: 'P3M' },
      monitoring: { presentatie: { na: 'P6M' }, cadans: { soort: 'aantal-in-periode', aantal: 3, periode: 'P15M' } },
    });
    expect(JSON.stringify(snapshot)).not.toContain('"bron"');
  });

  it('writes weeks as days, because FEEL duration() has no W', () => {
    expect(withoutWeeks('P8W')).toBe('P56D');
    expect(withoutWeeks('P1W')).toBe('P7D');
    expect(withoutWeeks('P1Y2W3D')).toBe('P1Y17D');
    expect(withoutWeeks('P3M')).toBe('P3M');
    expect(withoutWeeks('Pieter')).toBe('Pieter');
    const breda = procesbeleid(policyFor('breda', 'prb', '2025-01-01'));
    expect(breda.besluittermijn).toEqual({ servicenorm: 'P7D', doorlooptijd: 'P56D', wettelijkeTermijn: null });
    expect(JSON.stringify(breda)).not.toMatch(/"P\d+W"/);
  });
});
