import { describe, expect, it } from 'vitest';
import { pibProgrammaToets, pibToelating, type ProgrammaOnderdeel } from '../../workers/pib/index.ts';
import { pibPolicies } from '../../workflows/pib/policy/schema.ts';

const almere = pibPolicies().policyFor('almere', '2026-03-01')!.waarden;

describe('pibToelating: who may get a pib (coded reasons)', () => {
  const cases: [string, Parameters<typeof pibToelating>[1], string[]][] = [
    ['verplicht, woont in Almere', { inburgeraar: 'verplicht', woontInGemeente: true }, []],
    ['vrijwillig, woont in Almere', { inburgeraar: 'vrijwillig', woontInGemeente: true }, []],
    ['woont elders', { inburgeraar: 'verplicht', woontInGemeente: false }, ['PIB_WOONT_NIET_IN_GEMEENTE']],
    ['onbekend of inburgeraar', { inburgeraar: null, woontInGemeente: true }, ['TOELATING_GEGEVEN_ONTBREEKT']],
    ['woonplaats onbekend', { inburgeraar: 'verplicht', woontInGemeente: null }, ['TOELATING_GEGEVEN_ONTBREEKT']],
  ];
  for (const [naam, f, codes] of cases) {
    it(naam, () => {
      const r = pibToelating(almere.toelating, f, 'Almere');
      expect(r.redenen.map((x) => x.code)).toEqual(codes);
      expect(r.toegelaten).toBe(codes.length === 0);
    });
  }
  it('a gemeente that offers the pib only to vrijwillige inburgeraars refuses a verplichte (before 2009, L574)', () => {
    expect(pibToelating({ doelgroepen: ['vrijwillig'], woontInGemeente: true }, { inburgeraar: 'verplicht', woontInGemeente: true }, 'Almere').redenen.map((r) => r.code)).toEqual(['PIB_DOELGROEP']);
  });
});

describe('pibProgrammaToets: duaal for WWB, the cap, one contract per provider', () => {
  const taal: ProgrammaOnderdeel = { soort: 'taal', omschrijving: 'NT2 B1', aanbiederId: 'taalhuis', bedragCent: 250_000 };
  const knm: ProgrammaOnderdeel = { soort: 'inburgering', omschrijving: 'KNM', aanbiederId: 'taalhuis', bedragCent: 50_000 };
  const werk: ProgrammaOnderdeel = { soort: 'reintegratie', omschrijving: 'Heftruck', aanbiederId: 'vakschool', bedragCent: 150_000 };
  const cases: [string, string | null, ProgrammaOnderdeel[], boolean, string[]][] = [
    ['WWB, taal + re-integratie', 'WWB', [taal, knm, werk], true, []],
    ['WWB, alleen taal', 'WWB', [taal], false, ['GEEN_DUAAL_PROGRAMMA']],
    ['geen uitkering, alleen taal', 'geen', [taal, knm], false, []],
    ['alleen re-integratie', 'geen', [werk], false, ['GEEN_INBURGERINGSONDERDEEL']],
    ['boven het maximum', 'WWB', [taal, werk, { ...werk, bedragCent: 200_000 }], true, ['BOVEN_PLAFOND']],
  ];
  for (const [naam, uitkering, onderdelen, duaal, codes] of cases) {
    it(naam, () => {
      const t = pibProgrammaToets(almere, uitkering, onderdelen);
      expect(t.duaal).toBe(duaal);
      expect(t.bevindingen.map((b) => b.code)).toEqual(codes);
      expect(t.totaalCent).toBe(onderdelen.reduce((s, o) => s + o.bedragCent, 0));
    });
  }
  it('sums the onderdelen per provider: the gemeente signs one contract with each', () => {
    expect(pibProgrammaToets(almere, 'WWB', [taal, werk, knm]).perAanbieder).toEqual([
      { aanbiederId: 'taalhuis', bedragCent: 300_000, soorten: ['taal', 'inburgering'] },
      { aanbiederId: 'vakschool', bedragCent: 150_000, soorten: ['reintegratie'] },
    ]);
  });
});
