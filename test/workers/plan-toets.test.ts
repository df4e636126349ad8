import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../workflows/prb/policy/load.ts';
import type { PrbPolicy } from '../../workflows/prb/policy/schema.ts';
import {
  JOB_TYPE,
  Trajectplan,
  WorkerInputError,
  assessTrajectplan,
  createPlanToetsHandler,
  toetsTrajectplan,
  type TrajectplanInvoer,
} from '../../workers/plan-toets/index.ts';

const policies = loadPolicies();
const beleid = (tenant: string, date = '2025-03-01') => policies.policyFor(tenant, 'prb', date);

const ROC = { naam: 'ROC Flevoland', kvk: '41234567' };
const NCOI = { naam: 'NCOI Opleidingen', kvk: '30112233' };
const COACH = { naam: 'Coachpraktijk De Horizon', kvk: '62345678' };

/** A clean plan: two activities, two offertes each, € 4.200 in total, six months. */
function plan(overrides: Partial<TrajectplanInvoer> = {}): TrajectplanInvoer {
  return {
    startdatum: '2025-04-01',
    activiteiten: [
      { id: 'opleiding', omschrijving: 'Opleiding administratief medewerker', startdatum: '2025-04-01', einddatum: '2025-09-30' },
      { id: 'coaching', omschrijving: 'Coaching bij solliciteren', startdatum: '2025-04-01', einddatum: '2025-09-30' },
    ],
    begroting: [
      {
        activiteitId: 'opleiding',
        omschrijving: 'Opleiding administratief medewerker',
        categorie: 'scholing-kennis',
        bedragCent: 300_000,
        aanbieder: ROC,
        offertes: [{ aanbieder: ROC.naam, kvk: ROC.kvk, bedragCent: 300_000 }, { aanbieder: NCOI.naam, kvk: NCOI.kvk, bedragCent: 340_000 }],
      },
      {
        activiteitId: 'coaching',
        omschrijving: '10 coachgesprekken',
        categorie: 'coaching',
        bedragCent: 120_000,
        aanbieder: COACH,
        offertes: [{ aanbieder: COACH.naam, kvk: COACH.kvk, bedragCent: 120_000 }, { aanbieder: 'Loopbaanbureau Noord', bedragCent: 130_000 }],
      },
    ],
    ...overrides,
  };
}

function toets(tenant: string, invoer: TrajectplanInvoer, date?: string) {
  return assessTrajectplan(Trajectplan.parse(invoer), beleid(tenant, date));
}

const codes = (r: { bevindingen: { code: string }[] }) => r.bevindingen.map((b) => b.code);

function withLine(amount: number, extra: Partial<TrajectplanInvoer['begroting'][number]> = {}): TrajectplanInvoer['begroting'] {
  const base = plan().begroting;
  return [{ ...base[0]!, bedragCent: amount, ...extra }, base[1]!];
}

describe('plan-toets', () => {
  it('has a job type', () => {
    expect(JOB_TYPE).toBe('prb-plan-toets');
  });

  it('accepts a clean plan within the cap', () => {
    const result = toets('almere', plan());
    expect(result).toMatchObject({ oordeel: 'akkoord', bevindingen: [], totaalCent: 420_000, plafondCent: 500_000, toetsingswijze: 'marginaal' });
  });

  describe('budget cap', () => {
    it('refuses a plan over the cap', () => {
      const result = toets('almere', plan({ begroting: withLine(380_001) }));
      expect(result.totaalCent).toBe(500_001);
      expect(result.oordeel).toBe('niet-akkoord');
      expect(result.bevindingen).toEqual([
        expect.objectContaining({ code: 'PLAN_BOVEN_PLAFOND', ernst: 'blokkerend', regel: 'plafondCent (seed-000 L914)' }),
      ]);
      expect(result.bevindingen[0]!.omschrijving).toContain('€ 5.000,01');
    });

    it('flags a plan exactly at the cap, without refusing it', () => {
      const result = toets('almere', plan({ begroting: withLine(380_000) }));
      expect(result.totaalCent).toBe(500_000);
      expect(result.oordeel).toBe('akkoord-tenzij');
      expect(result.bevindingen).toEqual([
        expect.objectContaining({ code: 'PLAN_PRECIES_OP_PLAFOND', ernst: 'aandachtspunt', regel: 'plafondCent (seed-000 L1449, L1455)' }),
      ]);
    });

    it('one cent under the cap is not flagged', () => {
      expect(toets('almere', plan({ begroting: withLine(379_999) })).oordeel).toBe('akkoord');
    });

    it('uses the version in force: € 7.500 is fine in Utrecht in 2007 and over the cap from December 2008', () => {
      const duur = plan({ begroting: withLine(630_000) });
      expect(toets('utrecht', duur, '2007-06-01').bevindingen.map((b) => b.code)).not.toContain('PLAN_BOVEN_PLAFOND');
      expect(codes(toets('utrecht', duur, '2009-06-01'))).toContain('PLAN_BOVEN_PLAFOND');
    });

    it('counts oriëntatie spending against the cap when the policy says so (Delft), not when it does not (Almere)', () => {
      const invoer = plan({ besteedInOrientatiefaseCent: 80_001 });
      expect(codes(toets('delft', invoer))).toContain('PLAN_BOVEN_PLAFOND');
      expect(codes(toets('almere', invoer))).not.toContain('PLAN_BOVEN_PLAFOND');
    });
  });

  describe('offertes', () => {
    const eenOffertePerActiviteit = () => {
      const [a, b] = plan().begroting;
      return plan({ begroting: [{ ...a!, offertes: [a!.offertes![0]!] }, { ...b!, offertes: [b!.offertes![0]!] }] });
    };

    it('a missing second offerte is flagged in Groningen (bij voorkeur twee, L1912) as an aandachtspunt', () => {
      const result = toets('groningen', { ...eenOffertePerActiviteit(), hoofdaanbieder: ROC, begroting: eenOffertePerActiviteit().begroting.map((r) => ({ ...r, viaHoofdaanbieder: true })) });
      expect(result.oordeel).toBe('akkoord-tenzij');
      expect(result.bevindingen.map((b) => [b.code, b.ernst])).toEqual([
        ['PLAN_OFFERTES_MINDER_DAN_GEWENST', 'aandachtspunt'],
        ['PLAN_OFFERTES_MINDER_DAN_GEWENST', 'aandachtspunt'],
      ]);
      expect(result.bevindingen[0]!.regel).toBe('offertes.gewenstPerActiviteit (seed-000 L1912)');
    });

    it('is not flagged where the policy does not ask for two', () => {
      for (const tenant of ['almere', 'breda', 'utrecht', 'zoetermeer', 'wageningen', 'delft', 'vlaardingen']) {
        expect(codes(toets(tenant, eenOffertePerActiviteit())), tenant).not.toContain('PLAN_OFFERTES_MINDER_DAN_GEWENST');
      }
    });

    it('two offertes from the same provider count as one', () => {
      const [a, b] = plan().begroting;
      const dubbel = plan({ begroting: [{ ...a!, offertes: [{ aanbieder: ROC.naam, kvk: ROC.kvk }, { aanbieder: 'roc  flevoland', kvk: ROC.kvk }] }, b!] });
      const result = toets('groningen', { ...dubbel, hoofdaanbieder: ROC, begroting: dubbel.begroting.map((r) => ({ ...r, viaHoofdaanbieder: true })) });
      expect(codes(result)).toEqual(['PLAN_OFFERTES_MINDER_DAN_GEWENST']);
    });

    it('no offerte at all blocks everywhere', () => {
      const [a, b] = plan().begroting;
      const result = toets('almere', plan({ begroting: [{ ...a!, offertes: [] }, b!] }));
      expect(result.oordeel).toBe('niet-akkoord');
      expect(result.bevindingen).toEqual([expect.objectContaining({ code: 'PLAN_OFFERTE_ONTBREEKT', ernst: 'blokkerend' })]);
    });
  });

  describe('excluded spending', () => {
    it('blocks an investment in an own business, also under ja-tenzij', () => {
      const begroting = [
        ...plan().begroting,
        {
          activiteitId: 'coaching',
          omschrijving: 'Kappersstoel en inventaris voor eigen salon',
          categorie: 'materiaal' as const,
          bedragCent: 40_000,
          aanbieder: { naam: 'Salonshop' },
          offertes: [{ aanbieder: 'Salonshop' }],
          tenBehoeveVanEigenOnderneming: true,
          relatieMetOpleidingOfWerk: 'voor mijn eigen kapsalon',
        },
      ];
      for (const tenant of ['groningen', 'almere', 'zoetermeer']) {
        const result = toets(tenant, { ...plan({ begroting }), hoofdaanbieder: COACH });
        expect(result.oordeel, tenant).toBe('niet-akkoord');
        const bevinding = result.bevindingen.find((b) => b.code === 'PLAN_UITGESLOTEN_BESTEDING');
        expect(bevinding, tenant).toMatchObject({ ernst: 'blokkerend', regel: 'bestedingen.uitgesloten (seed-000 L956, L1402)' });
        expect(bevinding!.omschrijving).toContain('Besluit bijstandverlening zelfstandigen');
      }
    });

    it('allows coaching for starting a business (support is not investment)', () => {
      const [a, b] = plan().begroting;
      const result = toets('almere', plan({ begroting: [a!, { ...b!, categorie: 'steun-starten-eigen-bedrijf', tenBehoeveVanEigenOnderneming: true }] }));
      expect(result.oordeel).toBe('akkoord');
    });

    it('material without a demonstrated relation: an aandachtspunt under marginaal, blocking under inhoudelijk', () => {
      const begroting = [
        ...plan().begroting,
        { activiteitId: 'opleiding', omschrijving: 'Laptop', categorie: 'computer' as const, bedragCent: 60_000, aanbieder: { naam: 'Winkel' }, offertes: [{ aanbieder: 'Winkel' }] },
      ];
      const marginaal = toets('almere', plan({ begroting }));
      expect(marginaal.toetsingswijze).toBe('marginaal');
      expect(marginaal.oordeel).toBe('akkoord-tenzij');
      expect(marginaal.bevindingen).toEqual([expect.objectContaining({ code: 'PLAN_BESTEDING_ZONDER_RELATIE', ernst: 'aandachtspunt' })]);
      const inhoudelijk = toets('breda', plan({ begroting, activiteiten: plan().activiteiten.map((a) => ({ ...a, planonderdelen: ['zelfbewustwording', 'bemiddeling', 'nazorg'] })) }));
      expect(inhoudelijk.toetsingswijze).toBe('inhoudelijk');
      expect(inhoudelijk.oordeel).toBe('niet-akkoord');
      expect(inhoudelijk.bevindingen).toEqual([expect.objectContaining({ code: 'PLAN_BESTEDING_ZONDER_RELATIE', ernst: 'blokkerend' })]);
      const metRelatie = begroting.map((r) => (r.categorie === 'computer' ? { ...r, relatieMetOpleidingOfWerk: 'Nodig voor de boekhoudmodules van de opleiding' } : r));
      expect(toets('almere', plan({ begroting: metRelatie })).oordeel).toBe('akkoord');
    });
  });

  describe('one main provider (Groningen)', () => {
    it('blocks a plan without a hoofdaanbieder', () => {
      const result = toets('groningen', plan());
      expect(result.oordeel).toBe('niet-akkoord');
      expect(codes(result)).toContain('PLAN_HOOFDAANBIEDER_ONTBREEKT');
    });

    it('blocks a second provider that is not subcontracted through the hoofdaanbieder', () => {
      const result = toets('groningen', plan({ hoofdaanbieder: ROC }));
      expect(result.bevindingen).toEqual([expect.objectContaining({ code: 'PLAN_MEERDERE_AANBIEDERS', ernst: 'blokkerend', regel: 'eenHoofdaanbieder (seed-000 L1198)' })]);
    });

    it('accepts the same plan when the hoofdaanbieder buys the coaching (onderaanneming)', () => {
      const [a, b] = plan().begroting;
      const result = toets('groningen', plan({ hoofdaanbieder: ROC, begroting: [a!, { ...b!, viaHoofdaanbieder: true }] }));
      expect(result).toMatchObject({ oordeel: 'akkoord', toetsingswijze: 'marginaal' });
    });

    it('is not required elsewhere', () => {
      expect(codes(toets('utrecht', plan()))).not.toContain('PLAN_HOOFDAANBIEDER_ONTBREEKT');
    });
  });

  describe('execution deadline (Utrecht: within one year, L472)', () => {
    const tot = (einddatum: string) =>
      plan({ activiteiten: [plan().activiteiten[0]!, { ...plan().activiteiten[1]!, einddatum }] });

    it('accepts a plan that ends on the last day of the year', () => {
      expect(codes(toets('utrecht', tot('2026-03-31')))).not.toContain('PLAN_BUITEN_UITVOERINGSTERMIJN');
    });

    it('refuses a plan that runs one day longer', () => {
      const result = toets('utrecht', tot('2026-04-01'));
      expect(result.oordeel).toBe('niet-akkoord');
      const bevinding = result.bevindingen.find((b) => b.code === 'PLAN_BUITEN_UITVOERINGSTERMIJN');
      expect(bevinding).toMatchObject({ ernst: 'blokkerend', regel: 'uitvoeringstermijn (seed-000 L472)' });
      expect(bevinding!.omschrijving).toContain('binnen 1 jaar na de start (1 april 2025) zijn uitgevoerd, dus uiterlijk op 31 maart 2026');
    });

    it('Almere allows 15 months', () => {
      expect(codes(toets('almere', tot('2026-04-01')))).not.toContain('PLAN_BUITEN_UITVOERINGSTERMIJN');
      expect(codes(toets('almere', tot('2026-07-01')))).toContain('PLAN_BUITEN_UITVOERINGSTERMIJN');
    });

    it('counts from an activity that starts before the plan', () => {
      const vroeg = plan({ activiteiten: [{ ...plan().activiteiten[0]!, startdatum: '2025-01-01' }, { ...plan().activiteiten[1]!, einddatum: '2026-01-15' }] });
      expect(codes(toets('utrecht', vroeg))).toEqual(['PLAN_ACTIVITEIT_VOOR_START', 'PLAN_BUITEN_UITVOERINGSTERMIJN']);
    });
  });

  describe('other policy rules', () => {
    it('Breda requires zelfbewustwording, bemiddeling and nazorg', () => {
      const result = toets('breda', plan({ activiteiten: plan().activiteiten.map((a) => ({ ...a, planonderdelen: ['bemiddeling'] })) }));
      expect(result.bevindingen.map((b) => [b.code, b.ernst])).toEqual([
        ['PLAN_ONDERDEEL_ONTBREEKT', 'blokkerend'],
        ['PLAN_ONDERDEEL_ONTBREEKT', 'blokkerend'],
      ]);
      expect(result.bevindingen.map((b) => b.omschrijving).join(' ')).toMatch(/zelfbewustwording.*nazorg/);
    });

    it('Utrecht: a coach outside the fixed pool is an aandachtspunt (the klantmanager talks to them first)', () => {
      const [a, b] = plan().begroting;
      const result = toets('utrecht', plan({ begroting: [a!, { ...b!, aanbieder: { ...COACH, gecontracteerd: false } }] }));
      expect(result.bevindingen).toEqual([expect.objectContaining({ code: 'PLAN_AANBIEDER_BUITEN_VASTE_LIJST', ernst: 'aandachtspunt' })]);
    });

    it('Zoetermeer (preset C): only selected providers, and doelmatigheid compares with the cheapest offerte', () => {
      const [a, b] = plan().begroting;
      const result = toets('zoetermeer', plan({
        begroting: [
          { ...a!, aanbieder: { ...NCOI, gecontracteerd: true }, bedragCent: 340_000 },
          { ...b!, aanbieder: { ...COACH, gecontracteerd: false } },
        ],
      }));
      expect(result.bevindingen.map((x) => [x.code, x.ernst])).toEqual([
        ['PLAN_NIET_GOEDKOOPSTE_OFFERTE', 'aandachtspunt'],
        ['PLAN_AANBIEDER_NIET_GESELECTEERD', 'blokkerend'],
      ]);
      expect(result.teBeoordelen).toContain('Is het plan doelmatig: is elke uitgave nodig en redelijk geprijsd?');
    });

    it('a plan written by a provider is an aandachtspunt (L1212, L1449)', () => {
      expect(toets('almere', plan({ opgesteldDoor: ['aanbieder', 'klant'] })).bevindingen).toEqual([
        expect.objectContaining({ code: 'PLAN_OPGESTELD_DOOR_AANBIEDER', ernst: 'aandachtspunt' }),
      ]);
    });

    it('marginaal leaves only the contra-indication question to the klantmanager; inhoudelijk lists the policy criteria', () => {
      expect(toets('groningen', plan({ hoofdaanbieder: ROC })).teBeoordelen).toEqual([expect.stringContaining('onoverkomelijke contra-indicaties')]);
      expect(toets('utrecht', plan()).teBeoordelen).toContain('Biedt het plan een reële kans op werk?');
    });

    it('a policy change to inhoudelijk turns the same finding into a blocker', () => {
      const groningen = structuredClone(beleid('groningen')) as PrbPolicy;
      const begroting = [...plan().begroting, { activiteitId: 'opleiding', omschrijving: 'Messenset', categorie: 'materiaal' as const, bedragCent: 20_000, aanbieder: ROC, offertes: [{ aanbieder: ROC.naam, kvk: ROC.kvk }], viaHoofdaanbieder: true }];
      const invoer = Trajectplan.parse(plan({ hoofdaanbieder: ROC, begroting: begroting.map((r) => ({ ...r, viaHoofdaanbieder: true })) }));
      const marginaal = assessTrajectplan(invoer, groningen);
      groningen.planToetsing = { waarde: 'inhoudelijk', bron: 'aanname', toelichting: 'test' };
      const inhoudelijk = assessTrajectplan(invoer, groningen);
      expect(marginaal.bevindingen.find((b) => b.code === 'PLAN_BESTEDING_ZONDER_RELATIE')?.ernst).toBe('aandachtspunt');
      expect(inhoudelijk.bevindingen.find((b) => b.code === 'PLAN_BESTEDING_ZONDER_RELATIE')?.ernst).toBe('blokkerend');
      expect([marginaal.oordeel, inhoudelijk.oordeel]).toEqual(['akkoord-tenzij', 'niet-akkoord']);
    });
  });

  describe('outputs for the process (workflows/prb/process.md)', () => {
    it('a missing offerte or hoofdaanbieder makes the aanvraag incomplete (hersteltermijn), not a refusal ground', () => {
      const [a, b] = plan().begroting;
      const result = toets('groningen', plan({ begroting: [{ ...a!, offertes: [] }, b!] }));
      expect(result.volledig).toBe(false);
      expect(result.ontbrekend.map((o) => o.code).sort()).toEqual(['PLAN_HOOFDAANBIEDER_ONTBREEKT', 'PLAN_OFFERTE_ONTBREEKT']);
    });

    it('over the cap is complete but not akkoord; aandachtspunten are listed apart', () => {
      const over = toets('almere', plan({ begroting: withLine(380_001) }));
      expect(over).toMatchObject({ volledig: true, ontbrekend: [], oordeel: 'niet-akkoord', aandachtspunten: [] });
      const atCap = toets('almere', plan({ begroting: withLine(380_000) }));
      expect(atCap.aandachtspunten.map((b) => b.code)).toEqual(['PLAN_PRECIES_OP_PLAFOND']);
    });

    it('vierOgen follows the policy threshold: 0 = always, null = never', () => {
      const invoer = Trajectplan.parse(plan());
      const almere = structuredClone(beleid('almere')) as PrbPolicy;
      expect(assessTrajectplan(invoer, almere).vierOgen).toBe(true);
      almere.vierOgenDrempelCent = { waarde: 420_000, bron: 'aanname', toelichting: 'test' };
      expect(assessTrajectplan(invoer, almere).vierOgen).toBe(true);
      almere.vierOgenDrempelCent = { waarde: 420_001, bron: 'aanname', toelichting: 'test' };
      expect(assessTrajectplan(invoer, almere).vierOgen).toBe(false);
      almere.vierOgenDrempelCent = { waarde: null, bron: 'aanname', toelichting: 'test' };
      expect(assessTrajectplan(invoer, almere).vierOgen).toBe(false);
    });
  });

  describe('input', () => {
    function inputError(invoer: unknown): WorkerInputError {
      try {
        toetsTrajectplan(invoer, beleid('almere'));
      } catch (e) {
        expect(e).toBeInstanceOf(WorkerInputError);
        return e as WorkerInputError;
      }
      throw new Error('verwachtte een WorkerInputError');
    }

    it('refuses broken input with Dutch per-field messages', () => {
      const invoer = plan();
      (invoer.begroting[0] as { bedragCent: number }).bedragCent = 12.5;
      delete (invoer.begroting[1] as { omschrijving?: string }).omschrijving;
      expect(inputError(invoer).velden).toEqual([
        { veld: 'begroting[0].bedragCent', melding: 'Verwacht een bedrag in hele centen (geheel getal, geen komma).' },
        { veld: 'begroting[1].omschrijving', melding: 'Dit veld is verplicht.' },
      ]);
    });

    it('refuses a begroting line for an activity that is not in the plan', () => {
      const invoer = plan();
      (invoer.begroting[1] as { activiteitId: string }).activiteitId = 'bestaat-niet';
      const error = inputError(invoer);
      expect(error.velden).toEqual([expect.objectContaining({ veld: 'begroting[1].activiteitId' })]);
      expect(error.message).toContain('verwijst naar activiteit "bestaat-niet"');
    });

    it('refuses an activity that ends before it starts', () => {
      const invoer = plan({ activiteiten: [{ id: 'opleiding', omschrijving: 'x', startdatum: '2025-05-01', einddatum: '2025-04-01' }, plan().activiteiten[1]!] });
      expect(() => toetsTrajectplan(invoer, beleid('almere'))).toThrow(/einddatum ligt vóór de startdatum/);
    });

    it('the job handler takes the stored policy version through its port', () => {
      const seen: string[] = [];
      const handler = createPlanToetsHandler({ policyById: (id) => (seen.push(id), policies.policyById(id)) });
      const result = handler({ policyId: 'utrecht:prb:2006-01-01', trajectplan: plan({ begroting: withLine(630_000) }), andereVariabele: true });
      expect(seen).toEqual(['utrecht:prb:2006-01-01']);
      expect(result.plafondCent).toBe(1_000_000);
      expect(result.beleid.id).toBe('utrecht:prb:2006-01-01');
    });
  });
});
