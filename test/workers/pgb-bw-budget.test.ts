import { describe, expect, it } from 'vitest';
import { loadPolicies, regelsVan } from '../../workflows/pgb-bw/policy/load.ts';
import {
  financieringsbronOp,
  hardheidsclausuleDekt,
  pgbBwWorker,
  stelBudgetVast,
  toetsToelating,
  toetsVolledigheid,
  uitvoeringskosten,
  werkgeverTermijn,
  werkplekaanpassing,
  type Aanvraag,
  type KlantFeiten,
  type Loonwaardebepaling,
} from '../../workers/pgb-bw-budget/index.ts';

const policies = loadPolicies();
const regels = (tenant: string, datum = '2026-01-01') => regelsVan(policies.policyFor(tenant, datum));

const klant: KlantFeiten = { indicatie: { geldig: true, niveau: 'basis' }, status: 'sw-werknemer', wachtlijst: null, werktAlBegeleid: false };

/** Meets every employer and begeleidingsorganisatie condition of every shipped verordening. */
function aanvraag(over: { werkgever?: Partial<Aanvraag['werkgever']>; begeleidingsorganisatie?: Partial<Aanvraag['begeleidingsorganisatie']>; werkplekaanpassing?: Aanvraag['werkplekaanpassing']; plan?: Partial<Aanvraag['plan']>; ondertekening?: Aanvraag['ondertekening'] } = {}): Aanvraag {
  return {
    plan: { doel: 'Werken als magazijnmedewerker', startdatum: '2026-02-01', hulpBijAanvraag: 'geen', ...over.plan },
    werkgever: {
      naam: 'Groothandel Van Dijk', kvk: '12345678', iban: 'NL91ABNA0417164300', functie: 'Magazijnmedewerker',
      contractMaanden: 12, urenPerWeek: 32, dagdelenPerWerkdag: 2,
      brutoLoonPerJaarCent: 2_400_000, werkgeverslastenPerJaarCent: 600_000,
      caoLoon: true, arbo: true, kredietwaardigheidAangetoond: true,
      voorgesteldeVergoedingPerJaarCent: 1_200_000, structureleKostenPerJaarCent: 0,
      ...over.werkgever,
    },
    begeleidingsorganisatie: {
      naam: 'Jobcoach Brabant', kvk: '87654321', iban: 'NL44RABO0123456789',
      gekwalificeerd: true, kennisEnErvaring: true, uwvErkenning: true, plaatsingsresultaten: true, kennisArbeidshandicap: true, brancheEnKeurmerk: true, schriftelijkeAfspraak: true,
      begeleidingUrenPerWeek: 4, uurtariefCent: 6_000, jobfinding: false, jobfindingBedragCent: null,
      ...over.begeleidingsorganisatie,
    },
    werkplekaanpassing: over.werkplekaanpassing ?? null,
    ondertekening: over.ondertekening ?? { klant: { naam: 'Sanne de Wit' }, werkgever: { naam: 'P. van Dijk' }, begeleidingsorganisatie: { naam: 'M. Jansen' } },
  };
}

const loonwaarde: Loonwaardebepaling = { methode: 'activa', loonwaardeProcent: 60, datum: '2026-01-10', beoordelaar: 'Bureau Loonwaarde Zuid', onafhankelijk: true };
const codes = (r: { redenen: { code: string }[] }) => r.redenen.map((x) => x.code);

describe('pgb bw budget: eligibility (G1–G3) and funding source', () => {
  it.each([
    ['no valid indicatie', { ...klant, indicatie: { geldig: false, niveau: 'basis' as const } }, 'helmond', ['R01']],
    ['waiting list, not available', { ...klant, status: 'wachtlijst' as const, wachtlijst: { aanDeBeurt: true, beschikbaarVoorArbeid: false } }, 'helmond', ['R02']],
    ['waiting list, not aan de beurt (Helmond)', { ...klant, status: 'wachtlijst' as const, wachtlijst: { aanDeBeurt: false, beschikbaarVoorArbeid: true } }, 'helmond', ['R02']],
    ['waiting list, not aan de beurt (Eindhoven: whole list)', { ...klant, status: 'wachtlijst' as const, wachtlijst: { aanDeBeurt: false, beschikbaarVoorArbeid: true } }, 'eindhoven', []],
    ['already working begeleid', { ...klant, werktAlBegeleid: true }, 'leiden', ['R03']],
    ['gedetacheerd', { ...klant, status: 'gedetacheerd' as const }, 'gouda', []],
  ])('%s', (_naam, feiten, tenant, verwacht) => {
    const r = toetsToelating(feiten, regels(tenant));
    expect(codes(r)).toEqual(verwacht);
    expect(r.toegelaten).toBe(verwacht.length === 0);
  });

  it('Eindhoven pre-finances from the Participatiebudget until aan de beurt, then the Wsw budget pays', () => {
    const r = toetsToelating({ ...klant, status: 'wachtlijst', wachtlijst: { aanDeBeurt: false, beschikbaarVoorArbeid: true, aanDeBeurtDatum: '2026-07-01' } }, regels('eindhoven'));
    expect(r.financiering).toEqual({ bron: 'participatiebudget', wisseldatum: '2026-07-01' });
    expect(financieringsbronOp('2026-06-30', r.financiering)).toBe('participatiebudget');
    expect(financieringsbronOp('2026-07-01', r.financiering)).toBe('wsw-budget');
    // Before 2009 the same money was the W-deel of the WWB (L215): the 2008 version says so.
    expect(toetsToelating({ ...klant, status: 'wachtlijst', wachtlijst: { aanDeBeurt: false, beschikbaarVoorArbeid: true } }, regels('eindhoven', '2008-09-01')).financiering.bron).toBe('w-deel-wwb');
    expect(financieringsbronOp('2030-01-01', { bron: 'participatiebudget', wisseldatum: null })).toBe('participatiebudget');
  });
});

describe('pgb bw: signatures and completeness (G5)', () => {
  it('a missing signature is a repairable gap, named per party', () => {
    const r = toetsVolledigheid(aanvraag({ ondertekening: { klant: { naam: 'Sanne de Wit' }, werkgever: { naam: ' ' }, begeleidingsorganisatie: null } }), regels('helmond'));
    expect(r.volledig).toBe(false);
    expect(r.ontbrekend.map((o) => o.omschrijving)).toEqual([expect.stringContaining('de werkgever ontbreekt'), expect.stringContaining('de begeleidingsorganisatie ontbreekt')]);
    expect(toetsVolledigheid(aanvraag(), regels('helmond')).volledig).toBe(true);
  });

  it('Enschede needs the begeleiding agreed in writing; Helmond does not', () => {
    const a = aanvraag({ begeleidingsorganisatie: { schriftelijkeAfspraak: false } });
    expect(toetsVolledigheid(a, regels('enschede')).volledig).toBe(false);
    expect(toetsVolledigheid(a, regels('helmond')).volledig).toBe(true);
  });

  it('Leiden needs the expert report for a werkplekaanpassing; Gouda does not', () => {
    const a = aanvraag({ werkplekaanpassing: { omschrijving: 'Tillift', kostenCent: 500_000, eenmalig: true, persoonsgebonden: true, nietRedelijkVoorWerkgever: true, deskundigenonderzoek: false, contractJaren: 2 } });
    expect(toetsVolledigheid(a, regels('leiden')).ontbrekend).toHaveLength(1);
    expect(toetsVolledigheid(a, regels('gouda')).volledig).toBe(true);
  });
});

describe('pgb bw: employer conditions (G6) per gemeente', () => {
  it.each([
    ['Enschede: less than a dagdeel per working day', 'enschede', { dagdelenPerWerkdag: 0.5 }, ['R08']],
    ['Helmond: no dagdeel rule', 'helmond', { dagdelenPerWerkdag: 0.5 }, []],
    ['Eindhoven: 6-month contract is too short (12)', 'eindhoven', { contractMaanden: 6 }, ['R07']],
    ['Helmond: 6 months is enough', 'helmond', { contractMaanden: 6 }, []],
    ['Leiden: 6 months too short (612 read as 12)', 'leiden', { contractMaanden: 6 }, ['R07']],
    ['Eindhoven: no CAO wage', 'eindhoven', { caoLoon: false }, ['R08']],
    ['Gouda: CAO wage not required', 'gouda', { caoLoon: false, arbo: false }, []],
    ['Leiden: no creditworthiness proof', 'leiden', { kredietwaardigheidAangetoond: false }, ['R08']],
    ['Apeldoorn: no KvK', 'apeldoorn', { kvk: null }, ['R05']],
    ['Wageningen: KvK not required', 'wageningen', { kvk: null }, []],
    ['Wageningen: Arbo required', 'wageningen', { kvk: null, arbo: false }, ['R08']],
  ])('%s', (_naam, tenant, werkgever, verwacht) => {
    const r = stelBudgetVast({ klant, aanvraag: aanvraag({ werkgever }), loonwaardebepaling: loonwaarde }, regels(tenant));
    expect(codes(r)).toEqual(verwacht);
    expect(r.uitkomst === 'afwijzen').toBe(verwacht.length > 0);
  });
});

describe('pgb bw: begeleidingsorganisatie conditions (G7) and conflict of interest (G8)', () => {
  it.each([
    ['Helmond: UWV recognition', 'helmond', { uwvErkenning: false }, 1],
    ['Eindhoven: UWV recognition not required', 'eindhoven', { uwvErkenning: false }, 0],
    ['Enschede: placement results', 'enschede', { plaatsingsresultaten: false }, 1],
    ['Enschede: KvK only where required', 'enschede', { kvk: null }, 0],
    ['Gouda: knowledge of the disability', 'gouda', { kennisArbeidshandicap: false }, 1],
    ['Leiden: branch membership and quality mark', 'leiden', { brancheEnKeurmerk: false }, 1],
    ['Wageningen: only knowledge and experience', 'wageningen', { kvk: null, gekwalificeerd: false, kennisEnErvaring: false }, 1],
  ])('%s', (_naam, tenant, begeleidingsorganisatie, aantal) => {
    const r = stelBudgetVast({ klant, aanvraag: aanvraag({ begeleidingsorganisatie }), loonwaardebepaling: loonwaarde }, regels(tenant));
    expect(r.redenen.filter((x) => x.code === 'R09')).toHaveLength(aantal);
  });

  it('Eindhoven: Ergon cannot support when the pgb bw-bureau helped with the aanvraag', () => {
    const a = aanvraag({ plan: { hulpBijAanvraag: 'pgb-bw-bureau' }, begeleidingsorganisatie: { naam: 'Ergon begeleid werken' } });
    expect(codes(stelBudgetVast({ klant, aanvraag: a, loonwaardebepaling: loonwaarde }, regels('eindhoven')))).toEqual(['R10']);
    const zelf = aanvraag({ plan: { hulpBijAanvraag: 'geen' }, begeleidingsorganisatie: { naam: 'Ergon begeleid werken' } });
    expect(codes(stelBudgetVast({ klant, aanvraag: zelf, loonwaardebepaling: loonwaarde }, regels('eindhoven')))).toEqual([]);
    expect(codes(stelBudgetVast({ klant, aanvraag: a, loonwaardebepaling: loonwaarde }, regels('helmond')))).toEqual([]);
  });
});

describe('pgb bw: vergoeding werkgever and the loonwaarde route (G9)', () => {
  it('Helmond accepts the proposal without loonwaardebepaling up to 50% of gross wage', () => {
    const op50 = stelBudgetVast({ klant, aanvraag: aanvraag({ werkgever: { voorgesteldeVergoedingPerJaarCent: 1_200_000 } }) }, regels('helmond'));
    expect(op50.loonwaarde.route).toBe('automatisch-geaccepteerd');
    expect(op50.componenten.werkgeverPerJaarCent).toBe(1_200_000);
    expect(op50.uitkomst).toBe('binnen-plafond');
    const erboven = stelBudgetVast({ klant, aanvraag: aanvraag({ werkgever: { voorgesteldeVergoedingPerJaarCent: 1_200_001 } }) }, regels('helmond'));
    expect(erboven.uitkomst).toBe('loonwaardebepaling-nodig');
    expect(erboven.loonwaarde.toelichting).toContain('50% van het brutoloon');
  });

  it.each(['eindhoven', 'enschede', 'leiden'])('%s requires an independent loonwaardebepaling, even for a low proposal', (tenant) => {
    const laag = aanvraag({ werkgever: { voorgesteldeVergoedingPerJaarCent: 100_000 } });
    expect(stelBudgetVast({ klant, aanvraag: laag }, regels(tenant)).uitkomst).toBe('loonwaardebepaling-nodig');
    expect(stelBudgetVast({ klant, aanvraag: laag, loonwaardebepaling: { ...loonwaarde, onafhankelijk: false } }, regels(tenant)).uitkomst).toBe('loonwaardebepaling-nodig');
    expect(stelBudgetVast({ klant, aanvraag: laag, loonwaardebepaling: loonwaarde }, regels(tenant)).loonwaarde.route).toBe('loonwaardebepaling');
  });

  it('the loonwaarde caps the subsidy at (1 − loonwaarde) × (wage + employer charges), plus structural costs', () => {
    const a = aanvraag({ werkgever: { voorgesteldeVergoedingPerJaarCent: 1_500_000, structureleKostenPerJaarCent: 120_000 } });
    const r = stelBudgetVast({ klant, aanvraag: a, loonwaardebepaling: loonwaarde }, regels('eindhoven'));
    // 40% of € 30.000 = € 12.000, plus € 1.200 travel.
    expect(r.componenten.werkgeverPerJaarCent).toBe(1_320_000);
    expect(r.componenten.structureleKostenPerJaarCent).toBe(120_000);
    expect(r.beperkingen).toEqual([expect.objectContaining({ onderdeel: 'werkgever', omschrijving: expect.stringContaining('€ 12.000,00') })]);
  });

  it('Dariuz needs the nulmeting, a development goal and the date of the vervolgmeting', () => {
    const dariuz: Loonwaardebepaling = { ...loonwaarde, methode: 'dariuz' };
    expect(stelBudgetVast({ klant, aanvraag: aanvraag(), loonwaardebepaling: dariuz }, regels('eindhoven')).uitkomst).toBe('loonwaardebepaling-nodig');
    const compleet = { ...dariuz, nulmetingProcent: 55, ontwikkeldoel: 'Zelfstandig orderpicken', vervolgmetingDatum: '2026-07-10' };
    expect(stelBudgetVast({ klant, aanvraag: aanvraag(), loonwaardebepaling: compleet }, regels('eindhoven')).loonwaarde.route).toBe('loonwaardebepaling');
  });
});

describe('pgb bw: begeleiding ≤ 15% of hours (G10)', () => {
  it.each([
    ['eindhoven', 4.8, []],
    ['eindhoven', 5, ['R11']],
    ['apeldoorn', 5, ['R11']],
    ['helmond', 5, ['R11']],
    ['gouda', 5, ['R11']],
    ['leiden', 5, ['R11']],
    ['enschede', 10, []],
    ['wageningen', 10, []],
  ])('%s: %s hours a week on a 32-hour job → %j', (tenant, uren, verwacht) => {
    const r = stelBudgetVast({ klant, aanvraag: aanvraag({ begeleidingsorganisatie: { begeleidingUrenPerWeek: uren as number } }), loonwaardebepaling: loonwaarde }, regels(tenant as string));
    expect(codes(r)).toEqual(verwacht);
  });

  it('pays hours × rate × 52 weeks', () => {
    const r = stelBudgetVast({ klant, aanvraag: aanvraag(), loonwaardebepaling: loonwaarde }, regels('eindhoven'));
    expect(r.componenten.begeleidingPerJaarCent).toBe(4 * 6_000 * 52);
  });
});

describe('pgb bw: jobfinding, no cure no pay (G11)', () => {
  const met = (bedrag: number) => aanvraag({ begeleidingsorganisatie: { jobfinding: true, jobfindingBedragCent: bedrag } });
  it.each([
    ['eindhoven', 300_000, 250_000, 'R12'],
    ['eindhoven', 200_000, 200_000, null],
    ['enschede', 500_000, 390_000, 'R12'], // 15% of € 26.000
    ['apeldoorn', 100_000, 0, 'R12'],
    ['helmond', 300_000, 300_000, null],
  ])('%s: %i requested → %i granted', (tenant, gevraagd, toegekend, code) => {
    const r = stelBudgetVast({ klant, aanvraag: met(gevraagd as number), loonwaardebepaling: loonwaarde }, regels(tenant as string));
    expect(r.componenten.jobfindingCent).toBe(toegekend);
    expect(r.beperkingen.find((b) => b.onderdeel === 'jobfinding')?.code ?? null).toBe(code);
    // A capped or refused component does not refuse the aanvraag.
    expect(r.redenen).toEqual([]);
  });
});

describe('pgb bw: werkplekaanpassing (G12)', () => {
  const wpa = (kostenCent: number, contractJaren: number, over: Partial<NonNullable<Aanvraag['werkplekaanpassing']>> = {}) =>
    aanvraag({ werkplekaanpassing: { omschrijving: 'Aangepaste werkplek', kostenCent, eenmalig: true, persoonsgebonden: true, nietRedelijkVoorWerkgever: true, deskundigenonderzoek: true, contractJaren, ...over } });

  it.each([
    [1_000_000, 3, 333_333],
    [1_000_000, 8, 200_000],
    [1_000_000, 1, 1_000_000],
  ])('Gouda annualises %i over %i contract years (max 5) → %i a year', (kosten, jaren, perJaar) => {
    expect(werkplekaanpassing(wpa(kosten, jaren), regels('gouda').werkplekaanpassing).perJaarCent).toBe(perJaar);
  });

  it('elsewhere the whole cost counts in the first year', () => {
    expect(werkplekaanpassing(wpa(1_000_000, 8), regels('helmond').werkplekaanpassing).perJaarCent).toBe(1_000_000);
  });

  it('refuses one that is not one-off and person-related, or that the employer can reasonably do (R13)', () => {
    expect(codes(werkplekaanpassing(wpa(100_000, 2, { persoonsgebonden: false }), regels('gouda').werkplekaanpassing))).toEqual(['R13']);
    expect(codes(werkplekaanpassing(wpa(100_000, 2, { persoonsgebonden: false }), regels('eindhoven').werkplekaanpassing))).toEqual([]);
    expect(codes(werkplekaanpassing(wpa(100_000, 2, { nietRedelijkVoorWerkgever: false }), regels('eindhoven').werkplekaanpassing))).toEqual(['R13']);
  });

  it('above a maximum the workplace is not suitable (VNG model rule)', () => {
    const r = { ...regels('gouda').werkplekaanpassing, maxCent: 500_000 };
    expect(werkplekaanpassing(wpa(600_000, 2), r).redenen[0]).toMatchObject({ code: 'R13', omschrijving: expect.stringContaining('niet passend') });
  });

  it('the toekenning holds the whole one-off cost; the plafond test counts the annualised part', () => {
    const r = stelBudgetVast({ klant, aanvraag: wpa(1_000_000, 4), loonwaardebepaling: loonwaarde }, regels('gouda'));
    expect(r.componenten.werkplekaanpassingPerJaarCent).toBe(250_000);
    expect(r.totaalPerJaarCent).toBe(1_200_000 + 1_248_000 + 250_000);
    expect(r.toekenningCent).toBe(1_200_000 + 1_248_000 + 1_000_000);
  });
});

describe('pgb bw: uitvoeringskosten first, then the plafond (G13)', () => {
  const c = { werkgeverPerJaarCent: 1_200_000, begeleidingPerJaarCent: 1_248_000, jobfindingCent: 250_000 };
  it.each([
    ['leiden', 87_000],
    ['eindhoven', 550_000],
    ['wageningen', 500_000],
    ['helmond', 72_500], // 5% of werkgever + jobfinding (L551)
    ['enschede', 0],
    ['gouda', 0],
    ['apeldoorn', 0],
  ])('%s: %i', (tenant, verwacht) => {
    expect(uitvoeringskosten(regels(tenant as string).uitvoeringskosten, c)).toBe(verwacht);
  });

  it('the Helmond base is a parameter: the average budget per Wsw place gives € 1.317,20 (L296)', () => {
    expect(uitvoeringskosten({ soort: 'percentage', procent: 5, basis: 'gemiddeld-budget-wsw-plaats', gemiddeldBudgetCent: 2_634_400 }, c)).toBe(131_720);
    expect(uitvoeringskosten({ soort: 'vast', bedragCent: 500_000, indexfactor: 1.021 }, c)).toBe(510_500);
  });

  it('above the plafond minus uitvoeringskosten the decision is discretionary (Eindhoven: € 26.000 − € 5.500)', () => {
    const duur = aanvraag({ werkgever: { voorgesteldeVergoedingPerJaarCent: 1_200_000 }, begeleidingsorganisatie: { begeleidingUrenPerWeek: 4.8, uurtariefCent: 4_000 }, werkplekaanpassing: { omschrijving: 'Aangepaste werkplek', kostenCent: 100_000, eenmalig: true, persoonsgebonden: true, nietRedelijkVoorWerkgever: true, deskundigenonderzoek: true, contractJaren: 1 } });
    const r = stelBudgetVast({ klant, aanvraag: duur, loonwaardebepaling: loonwaarde }, regels('eindhoven'));
    expect(r.beschikbaarCent).toBe(2_050_000);
    expect(r.totaalPerJaarCent).toBe(1_200_000 + 998_400 + 100_000);
    expect(r.uitkomst).toBe('boven-plafond');
    expect(r.discretionair).toBe(true);
    // With the higher indicatie (≈ € 32.000) the same plan is within the plafond.
    expect(stelBudgetVast({ klant: { ...klant, indicatie: { geldig: true, niveau: 'verhoogd' } }, aanvraag: duur, loonwaardebepaling: loonwaarde }, regels('eindhoven')).uitkomst).toBe('binnen-plafond');
  });
});

describe('pgb bw: hardheidsclausule scope (G14)', () => {
  it.each([
    ['eindhoven', ['R14'], true],
    ['eindhoven', ['R08'], false],
    ['helmond', ['R08', 'R09'], true],
    ['helmond', ['R14'], false],
    ['leiden', ['R14'], true],
    ['leiden', ['R01'], false],
    ['gouda', ['R14'], false],
    ['apeldoorn', ['R05'], false],
  ])('%s may set aside %j: %s', (tenant, c, verwacht) => {
    expect(hardheidsclausuleDekt(regels(tenant as string).hardheidsclausule, c as never)).toBe(verwacht);
  });
});

describe('pgb bw: employer subsidy per period', () => {
  it('Eindhoven: per quarter on the paid CAO wage; refused without the wage', () => {
    const r = regels('eindhoven').betaling;
    expect(werkgeverTermijn(1_200_000, 32, { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: 3, brutoLoonCent: 600_000 }, r)).toEqual({ bedragCent: 300_000, weigering: null });
    expect(werkgeverTermijn(1_200_000, 32, { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: 3 }, r).weigering).toContain('geen betaald cao-loon');
  });

  it('Gouda: pro rata the months employed and the contract hours', () => {
    const r = regels('gouda').betaling;
    expect(werkgeverTermijn(1_200_000, 32, { periodeVan: '2026-01-01', periodeTot: '2026-12-31', maanden: 12, brutoLoonCent: 1_800_000, maandenInDienst: 9, contracturenPerWeek: 24 }, r).bedragCent).toBe(675_000);
    expect(werkgeverTermijn(1_200_000, 32, { periodeVan: '2026-01-01', periodeTot: '2026-12-31', maanden: 12, brutoLoonCent: 1_800_000 }, r).weigering).toContain('contracturen');
  });
});

describe('pgb bw worker port', () => {
  it('reads the regels of the policy version it is given', () => {
    const w = pgbBwWorker({ regels: (id) => regelsVan(policies.policyById(id)) });
    expect(w.budget('helmond:pgb-bw:2008-07-01', { klant, aanvraag: aanvraag() }).uitkomst).toBe('binnen-plafond');
    expect(w.toelating('eindhoven:pgb-bw:2008-07-01', { ...klant, status: 'wachtlijst', wachtlijst: { aanDeBeurt: false, beschikbaarVoorArbeid: true } }).financiering.bron).toBe('w-deel-wwb');
  });
});
