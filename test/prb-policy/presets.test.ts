import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../workflows/prb/policy/presets.ts';
import { AXES, AXIS_KEYS } from '../../workflows/prb/policy/schema.ts';

describe('Doe-boek presets (Tabel B1)', () => {
  it.each(['A', 'B', 'C'] as const)('preset %s gives a valid value and an origin for every axis', (code) => {
    const preset = PRESETS[code];
    for (const axis of AXIS_KEYS) {
      const result = AXES[axis].safeParse(preset.waarden[axis]);
      expect(result.success, `${code}.${axis}`).toBe(true);
      expect(preset.herkomst[axis], `${code}.${axis}`).toMatch(/^(seed-000 L\d|law\.md|aanname: )/);
    }
  });

  it('follows Tabel B1 where the presets differ', () => {
    expect([PRESETS.A.waarden.planToetsing, PRESETS.B.waarden.planToetsing, PRESETS.C.waarden.planToetsing]).toEqual([
      'marginaal',
      'inhoudelijk',
      'inhoudelijk',
    ]);
    expect(PRESETS.A.waarden.orientatiefase.actief).toBe(true);
    expect(PRESETS.B.waarden.orientatiefase.actief).toBe(true);
    expect(PRESETS.C.waarden.orientatiefase.actief).toBe(false);
    expect(PRESETS.C.waarden.toetsingscriteria).toContain('doelmatigheid');
    expect(PRESETS.A.waarden.toetsingscriteria).not.toContain('doelmatigheid');
    expect(PRESETS.C.waarden.opdrachtgever).toBe('gemeente');
    expect(PRESETS.A.waarden.betaalroute).toBe('klant-declareert');
    expect(PRESETS.C.waarden.betaalroute).toBe('aanbieder-factureert-gemeente');
    expect(PRESETS.B.waarden.budgetInzichtKlant).toBe(true);
    expect(PRESETS.C.waarden.toelating.criteria.map((c) => c.soort)).toContain('geen-passend-regulier-aanbod');
    expect(PRESETS.A.waarden.toelating.criteria.map((c) => c.soort)).not.toContain('geen-passend-regulier-aanbod');
  });
});
