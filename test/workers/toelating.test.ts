import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../workflows/prb/policy/load.ts';
import {
  CODE_GEGEVEN_ONTBREEKT,
  JOB_TYPE,
  WorkerInputError,
  assessToelating,
  createToelatingHandler,
  type KlantFeiten,
} from '../../workers/toelating/index.ts';

const policies = loadPolicies();
const beleid = (tenant: string) => policies.policyFor(tenant, 'prb', '2025-03-01');

/** Meets the general criteria everywhere (woonplaats, no other traject, available). */
const basis: KlantFeiten = {
  woontInGemeente: true,
  lopendAnderTraject: false,
  beschikbaarVoorArbeid: true,
  alleenstaandeOuder: false,
  langdurigGedeeltelijkArbeidsongeschikt: false,
};

const codes = (r: { redenen: { code: string }[] }) => r.redenen.map((x) => x.code);

describe('toelating', () => {
  it('has a job type', () => {
    expect(JOB_TYPE).toBe('prb-toelating');
  });

  describe('Zoetermeer: ≥ 1 year WWB and 45+ / single parent with a child < 12 / long-term partially disabled', () => {
    it('refuses a 30-year-old without children after 6 months of WWB, with coded reasons', () => {
      const result = assessToelating({ ...basis, leeftijd: 30, uitkering: { soort: 'WWB', duurMaanden: 6 } }, beleid('zoetermeer'));
      expect(result.toegelaten).toBe(false);
      expect(codes(result)).toEqual(['TOELATING_UITKERINGSDUUR', 'TOELATING_DOELGROEP']);
      expect(result.redenen[0]!.omschrijving).toBe('U ontvangt 6 maanden een bijstandsuitkering (WWB); hiervoor is minimaal 1 jaar nodig.');
      expect(result.redenen[1]!.omschrijving).toContain('U hoort bij geen enkele doelgroep van het prb in Zoetermeer');
      expect(result.redenen[1]!.omschrijving).toContain('U bent 30 jaar; hiervoor moet u 45 jaar of ouder zijn.');
      expect(result.redenen.every((r) => r.bron === 'seed-000 L1083')).toBe(true);
      expect(result.beleid.id).toBe('zoetermeer:prb:2008-01-01');
    });

    it('refuses the 30-year-old after 13 months only for the doelgroep', () => {
      const result = assessToelating({ ...basis, leeftijd: 30, uitkering: { soort: 'WWB', duurMaanden: 13 } }, beleid('zoetermeer'));
      expect(codes(result)).toEqual(['TOELATING_DOELGROEP']);
    });

    it.each([
      ['45 years old', { leeftijd: 45 }],
      ['single parent with a child of 11', { leeftijd: 30, alleenstaandeOuder: true, leeftijdJongsteKind: 11 }],
      ['long-term partially disabled', { leeftijd: 30, langdurigGedeeltelijkArbeidsongeschikt: true }],
    ])('admits after exactly 12 months of WWB when %s', (_label, feiten) => {
      const result = assessToelating({ ...basis, ...feiten, uitkering: { soort: 'WWB', duurMaanden: 12 } }, beleid('zoetermeer'));
      expect(result).toMatchObject({ toegelaten: true, redenen: [] });
    });

    it('the boundaries are exact: 44 years, a child of 12, 11 months', () => {
      const z = beleid('zoetermeer');
      expect(assessToelating({ ...basis, leeftijd: 44, uitkering: { soort: 'WWB', duurMaanden: 24 } }, z).toegelaten).toBe(false);
      const kind12 = { ...basis, leeftijd: 30, alleenstaandeOuder: true, leeftijdJongsteKind: 12, uitkering: { soort: 'WWB' as const, duurMaanden: 24 } };
      expect(codes(assessToelating(kind12, z))).toEqual(['TOELATING_DOELGROEP']);
      expect(codes(assessToelating({ ...basis, leeftijd: 50, uitkering: { soort: 'WWB', duurMaanden: 11 } }, z))).toEqual(['TOELATING_UITKERINGSDUUR']);
    });

    it('refuses a nugger: the criterion is a WWB benefit', () => {
      const result = assessToelating({ ...basis, leeftijd: 50, uitkering: { soort: 'NUG' } }, beleid('zoetermeer'));
      expect(codes(result)).toEqual(['TOELATING_UITKERINGSDUUR']);
      expect(result.redenen[0]!.omschrijving).toContain('u hebt geen uitkering');
    });
  });

  describe('Groningen: at least 6 months unemployed', () => {
    const feiten = (maanden: number): KlantFeiten => ({ ...basis, uitkering: { soort: 'WWB', duurMaanden: maanden }, werkloosheidsduurMaanden: maanden });

    it('admits after 6 months', () => {
      expect(assessToelating(feiten(6), beleid('groningen'))).toMatchObject({ toegelaten: true, redenen: [], ontbrekendeGegevens: [] });
    });

    it('refuses after 5 months with TOELATING_WERKLOOSHEIDSDUUR', () => {
      const result = assessToelating(feiten(5), beleid('groningen'));
      expect(codes(result)).toEqual(['TOELATING_WERKLOOSHEIDSDUUR']);
      expect(result.redenen[0]).toMatchObject({
        omschrijving: 'U bent 5 maanden werkloos; hiervoor moet u minimaal 6 maanden werkloos zijn.',
        bron: 'seed-000 L1075',
      });
    });

    it('the 30-year-old refused in Zoetermeer is admitted in Groningen after 6 months', () => {
      expect(assessToelating({ ...feiten(6), leeftijd: 30 }, beleid('groningen')).toegelaten).toBe(true);
      expect(assessToelating({ ...feiten(6), leeftijd: 30 }, beleid('zoetermeer')).toegelaten).toBe(false);
    });
  });

  it('Delft: at most 1 year from the labour market', () => {
    const delft = beleid('delft');
    const met = (maanden: number) => assessToelating({ ...basis, uitkering: { soort: 'WWB', duurMaanden: 30 }, afstandTotArbeidsmarktMaanden: maanden }, delft);
    expect(met(12).toegelaten).toBe(true);
    expect(codes(met(13))).toEqual(['TOELATING_AFSTAND_ARBEIDSMARKT']);
  });

  it('Utrecht and Wageningen: only without a suitable regular offer', () => {
    for (const tenant of ['utrecht', 'wageningen']) {
      const result = assessToelating(
        { ...basis, uitkering: { soort: 'WWB', duurMaanden: 30 }, passendRegulierAanbod: true, geredeKansOpUitstroom: true },
        beleid(tenant),
      );
      expect(codes(result), tenant).toEqual(['TOELATING_REGULIER_AANBOD']);
    }
  });

  it('Almere and Breda admit nuggers; Groningen (preset: WWB) does not', () => {
    const nugger: KlantFeiten = { ...basis, uitkering: { soort: 'NUG' }, werkloosheidsduurMaanden: 24 };
    expect(assessToelating(nugger, beleid('almere')).toegelaten).toBe(true);
    expect(assessToelating(nugger, beleid('breda')).toegelaten).toBe(true);
    expect(codes(assessToelating(nugger, beleid('groningen')))).toEqual(['TOELATING_UITKERING']);
  });

  it('everywhere: a klant already in another traject is refused', () => {
    for (const tenant of policies.tenants()) {
      const result = assessToelating({ ...basis, lopendAnderTraject: true }, beleid(tenant));
      expect(codes(result), tenant).toContain('TOELATING_LOPEND_TRAJECT');
      expect(result.toegelaten).toBe(false);
    }
  });

  it('a missing fact is named, never guessed', () => {
    const result = assessToelating({ woontInGemeente: true, beschikbaarVoorArbeid: true, lopendAnderTraject: false, uitkering: { soort: 'WWB', duurMaanden: 20 } }, beleid('zoetermeer'));
    expect(result.toegelaten).toBe(false);
    expect(codes(result)).toEqual([CODE_GEGEVEN_ONTBREEKT]);
    expect(result.ontbrekendeGegevens.sort()).toEqual(['alleenstaandeOuder', 'langdurigGedeeltelijkArbeidsongeschikt', 'leeftijd']);
    expect(result.redenen[0]!.omschrijving).toMatch(/^Nog niet bekend is uw leeftijd/);
  });

  it('in an een-van group one met alternative is enough, even if others are unknown', () => {
    const result = assessToelating({ woontInGemeente: true, beschikbaarVoorArbeid: true, lopendAnderTraject: false, leeftijd: 50, uitkering: { soort: 'WWB', duurMaanden: 20 } }, beleid('zoetermeer'));
    expect(result.toegelaten).toBe(true);
  });

  it('the job handler reads the policy through its port and refuses bad input in Dutch', () => {
    const handler = createToelatingHandler({ policyById: (id) => policies.policyById(id) });
    const ok = handler({ policyId: 'groningen:prb:2006-01-01', klant: { ...basis, uitkering: { soort: 'WWB', duurMaanden: 6 }, werkloosheidsduurMaanden: 6, naam: 'ignored' }, andereVariabele: 1 });
    expect(ok.toegelaten).toBe(true);
    let error: unknown;
    try {
      handler({ policyId: 'groningen:prb:2006-01-01', klant: { leeftijd: -3, uitkering: { soort: 'bijstand' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkerInputError);
    const velden = (error as WorkerInputError).velden.map((v) => v.veld);
    expect(velden).toEqual(expect.arrayContaining(['klant.leeftijd', 'klant.uitkering.soort']));
    expect((error as Error).message).toContain('Ongeldige invoer voor taak "prb-toelating"');
    expect(() => handler({ klant: basis })).toThrow(/policyId/);
  });
});

describe('an aanvraag the aanmelding cannot settle goes to the klantmanager (teBeoordelen), not to a refusal', () => {
  // What the prb aanmelding form gives: Utrecht also asks whether a regular offer fits and whether
  // the klant has a fair chance of work, which only the klantmanager can judge (seed-000 L1077).
  const aanmelding: KlantFeiten = { ...basis, leeftijd: 47, uitkering: { soort: 'WWB', duurMaanden: 24 }, interesseGetoond: true };

  it('Utrecht: only unknown facts, all of them the klantmanager can establish → teBeoordelen', () => {
    const result = assessToelating(aanmelding, beleid('utrecht'));
    expect(result.toegelaten).toBe(false);
    expect(result.teBeoordelen).toBe(true);
    expect(result.ontbrekendeGegevens.sort()).toEqual(['geredeKansOpUitstroom', 'passendRegulierAanbod']);
    expect(codes(result).every((c) => c === CODE_GEGEVEN_ONTBREEKT)).toBe(true);
  });

  it('a criterion that fails outright is refused at once, even with facts still unknown', () => {
    const result = assessToelating({ ...aanmelding, uitkering: { soort: 'WW', duurMaanden: 3 } }, beleid('utrecht'));
    expect(result.toegelaten).toBe(false);
    expect(result.teBeoordelen).toBe(false);
    expect(codes(result)).toContain('TOELATING_UITKERING');
  });

  it('an unknown fact the klantmanager cannot supply (the woonplaats) is not sent to the klantmanager', () => {
    const result = assessToelating({ ...aanmelding, woontInGemeente: null }, beleid('almere'));
    expect(result.ontbrekendeGegevens).toEqual(['woontInGemeente']);
    expect(result.teBeoordelen).toBe(false);
  });

  it('admitted: nothing to assess', () => {
    const result = assessToelating(aanmelding, beleid('almere'));
    expect(result).toMatchObject({ toegelaten: true, teBeoordelen: false });
  });
});
