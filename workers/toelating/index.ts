/**
 * Toelating: checks the hard admission criteria (personenkring) of a gemeente's policy against
 * the facts about a klant (seed-000 §1.1 (a), Tabel 3.2 at source lines 1068–1083, Tabel B1 L1711).
 * Soft criteria (motivatie, zelfredzaamheid) are the klantmanager's judgement, not this worker's.
 *
 * Pure rule code: no database, HTTP or engine. Criteria are evaluated three-valued — voldaan,
 * niet-voldaan, onbekend — so a missing fact never silently admits or refuses: it is named.
 */
import { z } from 'zod';
import {
  Uitkeringssoort,
  type EnkelvoudigCriterium,
  type PrbPolicy,
  type Toelatingscriterium,
} from '../../workflows/prb/policy/schema.ts';
import { NL_ERRORS, WorkerInputError, dutchIssues, formatMonths } from '../../workflows/prb/policy/text.ts';

export { WorkerInputError };

/** zeebe:taskDefinition type of the service task. */
export const JOB_TYPE = 'prb-toelating';

const Maanden = z.int({ error: 'Verwacht een geheel aantal maanden.' }).min(0, { error: 'Kan niet negatief zijn.' });

/**
 * What is known about the klant on the day of aanmelding. Every fact is optional (null = unknown);
 * a criterion that needs an unknown fact is reported, not guessed.
 */
export const KlantFeiten = z.object({
  leeftijd: z.int({ error: 'Leeftijd: verwacht een geheel aantal jaren.' }).min(0).max(130).nullish(),
  woontInGemeente: z.boolean().nullish(),
  /** Current benefit; `{ soort: 'NUG' }` for a niet-uitkeringsgerechtigde. */
  uitkering: z
    .strictObject({
      soort: Uitkeringssoort,
      /** Months the klant has received this benefit without interruption. */
      duurMaanden: Maanden.nullish(),
    })
    .nullish(),
  werkloosheidsduurMaanden: Maanden.nullish(),
  alleenstaandeOuder: z.boolean().nullish(),
  /** Age in whole years of the youngest child living at home. */
  leeftijdJongsteKind: z.int({ error: 'Verwacht een geheel aantal jaren.' }).min(0).max(80).nullish(),
  langdurigGedeeltelijkArbeidsongeschikt: z.boolean().nullish(),
  /** The klantmanager's estimate of the time to paid work, in months (Delft: at most 1 year, L1073). */
  afstandTotArbeidsmarktMaanden: Maanden.nullish(),
  beschikbaarVoorArbeid: z.boolean().nullish(),
  lopendAnderTraject: z.boolean().nullish(),
  passendRegulierAanbod: z.boolean().nullish(),
  geredeKansOpUitstroom: z.boolean().nullish(),
  interesseGetoond: z.boolean().nullish(),
});
export type KlantFeiten = z.infer<typeof KlantFeiten>;
type Feit = keyof KlantFeiten;

export type Uitkomst = 'voldaan' | 'niet-voldaan' | 'onbekend';

export interface ToelatingReden {
  /** `TOELATING_…`; `TOELATING_GEGEVEN_ONTBREEKT` when a needed fact is unknown. */
  code: string;
  /** Dutch, addressed to the klant ("u"); fit for the motivering of an afwijzing. */
  omschrijving: string;
  /** Source line of the rule in the policy, when the policy gives one. */
  bron?: string;
}

export interface ToelatingResultaat {
  toegelaten: boolean;
  /**
   * Not toegelaten only because facts are unknown that the klantmanager can establish (no criterion
   * failed): the aanvraag goes to the klantmanager (task ToelatingBeoordelen) and is assessed again,
   * instead of being refused on what the aanmelding form did not ask. Awb 3:2 asks a decision be
   * prepared with care, and 4:5 forbids refusing an incomplete aanvraag without a chance to complete it.
   */
  teBeoordelen: boolean;
  /** Why not: one reason per criterion not met or not assessable; empty when toegelaten. */
  redenen: ToelatingReden[];
  /** Facts that were needed but unknown (field names of KlantFeiten). */
  ontbrekendeGegevens: Feit[];
  /** Every criterion with its outcome, for the dossier. */
  getoetst: { code: string; criterium: Toelatingscriterium['soort']; uitkomst: Uitkomst }[];
  /** The policy version applied. */
  beleid: { id: string; ingangsdatum: string };
}

/** The part of a policy this worker reads. */
export type ToelatingBeleid = Pick<PrbPolicy, 'id' | 'ingangsdatum' | 'gemeente' | 'toelating'>;

const CODES: Record<Toelatingscriterium['soort'], string> = {
  'woonachtig-in-gemeente': 'TOELATING_WOONPLAATS',
  'geen-ander-lopend-traject': 'TOELATING_LOPEND_TRAJECT',
  'beschikbaar-voor-arbeid': 'TOELATING_NIET_BESCHIKBAAR',
  uitkering: 'TOELATING_UITKERING',
  'minimale-uitkeringsduur': 'TOELATING_UITKERINGSDUUR',
  'minimale-werkloosheidsduur': 'TOELATING_WERKLOOSHEIDSDUUR',
  'minimale-leeftijd': 'TOELATING_LEEFTIJD_MINIMUM',
  'maximale-leeftijd': 'TOELATING_LEEFTIJD_MAXIMUM',
  'alleenstaande-ouder-met-kind-jonger-dan': 'TOELATING_ALLEENSTAANDE_OUDER',
  'langdurig-gedeeltelijk-arbeidsongeschikt': 'TOELATING_ARBEIDSONGESCHIKTHEID',
  'maximale-afstand-tot-arbeidsmarkt': 'TOELATING_AFSTAND_ARBEIDSMARKT',
  'geen-passend-regulier-aanbod': 'TOELATING_REGULIER_AANBOD',
  'gerede-kans-op-uitstroom': 'TOELATING_KANS_OP_UITSTROOM',
  'interesse-getoond': 'TOELATING_INTERESSE',
  'een-van': 'TOELATING_DOELGROEP',
};

export const CODE_GEGEVEN_ONTBREEKT = 'TOELATING_GEGEVEN_ONTBREEKT';

/**
 * Facts the klantmanager records in ToelatingBeoordelen (form prb-toelating-beoordelen). Not here:
 * leeftijd (the aanmelding asks the birth date), woontInGemeente and interesseGetoond (follow from
 * the aanmelding itself); `uitkering` only for its duration, when the kind of benefit is known.
 */
export const BEOORDEELBARE_FEITEN = [
  'uitkering',
  'werkloosheidsduurMaanden',
  'alleenstaandeOuder',
  'leeftijdJongsteKind',
  'langdurigGedeeltelijkArbeidsongeschikt',
  'afstandTotArbeidsmarktMaanden',
  'beschikbaarVoorArbeid',
  'lopendAnderTraject',
  'passendRegulierAanbod',
  'geredeKansOpUitstroom',
] as const satisfies readonly Feit[];

function beoordeelbaar(feit: Feit, klant: KlantFeiten): boolean {
  if (feit === 'uitkering') return isKnown(klant.uitkering?.soort);
  return (BEOORDEELBARE_FEITEN as readonly Feit[]).includes(feit);
}

const FEIT_LABEL: Record<Feit, string> = {
  leeftijd: 'uw leeftijd',
  woontInGemeente: 'uw woonplaats',
  uitkering: 'uw uitkering',
  werkloosheidsduurMaanden: 'hoe lang u werkloos bent',
  alleenstaandeOuder: 'of u alleenstaande ouder bent',
  leeftijdJongsteKind: 'de leeftijd van uw jongste kind',
  langdurigGedeeltelijkArbeidsongeschikt: 'of u langdurig gedeeltelijk arbeidsongeschikt bent',
  afstandTotArbeidsmarktMaanden: 'uw afstand tot de arbeidsmarkt',
  beschikbaarVoorArbeid: 'of u beschikbaar bent voor arbeid',
  lopendAnderTraject: 'of u al een ander re-integratietraject volgt',
  passendRegulierAanbod: 'of er een passend regulier re-integratieaanbod voor u is',
  geredeKansOpUitstroom: 'of er een gerede kans op uitstroom naar werk is',
  interesseGetoond: 'of u interesse hebt getoond in het prb',
};

const UITKERING_VOOR: Record<Uitkeringssoort, string> = {
  WWB: 'mensen met een bijstandsuitkering (WWB)',
  NUG: 'mensen zonder uitkering',
  WW: 'mensen met een WW-uitkering',
  WIA: 'mensen met een WIA-uitkering',
  Wajong: 'mensen met een Wajong-uitkering',
  anders: 'mensen met een andere uitkering',
};

const UITKERING_U: Record<Uitkeringssoort, string> = {
  WWB: 'een bijstandsuitkering (WWB)',
  NUG: 'geen uitkering',
  WW: 'een WW-uitkering',
  WIA: 'een WIA-uitkering',
  Wajong: 'een Wajong-uitkering',
  anders: 'een andere uitkering',
};

function opsomming(items: string[], voegwoord: 'en' | 'of'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${voegwoord} ${items.at(-1)}` : (items[0] ?? '');
}

/** The criterion in positive words: what the klant must be or have. */
export function beschrijfCriterium(c: Toelatingscriterium, gemeente: string): string {
  switch (c.soort) {
    case 'woonachtig-in-gemeente':
      return `wonen in de gemeente ${gemeente}`;
    case 'geen-ander-lopend-traject':
      return 'geen ander re-integratietraject volgen';
    case 'beschikbaar-voor-arbeid':
      return 'beschikbaar zijn voor arbeid';
    case 'uitkering':
      return `behoren tot ${opsomming(c.toegestaan.map((u) => UITKERING_VOOR[u]), 'of')}`;
    case 'minimale-uitkeringsduur':
      return `minimaal ${formatMonths(c.maanden)} ${opsomming(c.uitkeringen.map((u) => UITKERING_U[u]), 'of')} ontvangen`;
    case 'minimale-werkloosheidsduur':
      return `minimaal ${formatMonths(c.maanden)} werkloos zijn`;
    case 'minimale-leeftijd':
      return `${c.jaren} jaar of ouder zijn`;
    case 'maximale-leeftijd':
      return `hoogstens ${c.jaren} jaar oud zijn`;
    case 'alleenstaande-ouder-met-kind-jonger-dan':
      return `alleenstaande ouder zijn met een kind jonger dan ${c.jaren} jaar`;
    case 'langdurig-gedeeltelijk-arbeidsongeschikt':
      return 'langdurig gedeeltelijk arbeidsongeschikt zijn';
    case 'maximale-afstand-tot-arbeidsmarkt':
      return `hoogstens ${formatMonths(c.maanden)} afstand hebben tot de arbeidsmarkt`;
    case 'geen-passend-regulier-aanbod':
      return 'geen passend regulier re-integratieaanbod hebben';
    case 'gerede-kans-op-uitstroom':
      return 'een gerede kans hebben op uitstroom naar werk';
    case 'interesse-getoond':
      return 'interesse hebben getoond in het prb als weg naar werk';
    case 'een-van':
      return `${c.omschrijving ?? 'doelgroep'}: ${opsomming(
        c.criteria.map((sub) => beschrijfCriterium(sub, gemeente)),
        'of',
      )}`;
  }
}

interface Evaluatie {
  uitkomst: Uitkomst;
  /** Dutch reason when niet-voldaan. */
  waarom?: string;
  ontbrekend: Feit[];
}

const voldaan: Evaluatie = { uitkomst: 'voldaan', ontbrekend: [] };
const onbekend = (...feiten: Feit[]): Evaluatie => ({ uitkomst: 'onbekend', ontbrekend: feiten });
const niet = (waarom: string): Evaluatie => ({ uitkomst: 'niet-voldaan', waarom, ontbrekend: [] });

function isKnown<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function evaluateEnkelvoudig(c: EnkelvoudigCriterium, k: KlantFeiten, gemeente: string): Evaluatie {
  switch (c.soort) {
    case 'woonachtig-in-gemeente':
      if (!isKnown(k.woontInGemeente)) return onbekend('woontInGemeente');
      return k.woontInGemeente ? voldaan : niet(`U woont niet in de gemeente ${gemeente}; het prb is er alleen voor inwoners.`);
    case 'geen-ander-lopend-traject':
      if (!isKnown(k.lopendAnderTraject)) return onbekend('lopendAnderTraject');
      return k.lopendAnderTraject
        ? niet('U volgt al een ander re-integratietraject; een prb kan niet naast een lopend traject worden toegekend.')
        : voldaan;
    case 'beschikbaar-voor-arbeid':
      if (!isKnown(k.beschikbaarVoorArbeid)) return onbekend('beschikbaarVoorArbeid');
      return k.beschikbaarVoorArbeid ? voldaan : niet('U bent op dit moment niet beschikbaar voor arbeid.');
    case 'uitkering':
      if (!isKnown(k.uitkering)) return onbekend('uitkering');
      return c.toegestaan.includes(k.uitkering.soort)
        ? voldaan
        : niet(
            `Het prb is in ${gemeente} bedoeld voor ${opsomming(c.toegestaan.map((u) => UITKERING_VOOR[u]), 'of')}; ` +
              `u hebt ${UITKERING_U[k.uitkering.soort]}.`,
          );
    case 'minimale-uitkeringsduur': {
      const soorten = opsomming(c.uitkeringen.map((u) => UITKERING_U[u]), 'of');
      if (!isKnown(k.uitkering)) return onbekend('uitkering');
      if (!c.uitkeringen.includes(k.uitkering.soort)) {
        return niet(
          `Hiervoor moet u minimaal ${formatMonths(c.maanden)} ${soorten} ontvangen; u hebt ${UITKERING_U[k.uitkering.soort]}.`,
        );
      }
      if (!isKnown(k.uitkering.duurMaanden)) return onbekend('uitkering');
      return k.uitkering.duurMaanden >= c.maanden
        ? voldaan
        : niet(
            `U ontvangt ${formatMonths(k.uitkering.duurMaanden)} ${UITKERING_U[k.uitkering.soort]}; ` +
              `hiervoor is minimaal ${formatMonths(c.maanden)} nodig.`,
          );
    }
    case 'minimale-werkloosheidsduur':
      if (!isKnown(k.werkloosheidsduurMaanden)) return onbekend('werkloosheidsduurMaanden');
      return k.werkloosheidsduurMaanden >= c.maanden
        ? voldaan
        : niet(
            `U bent ${formatMonths(k.werkloosheidsduurMaanden)} werkloos; hiervoor moet u minimaal ${formatMonths(c.maanden)} werkloos zijn.`,
          );
    case 'minimale-leeftijd':
      if (!isKnown(k.leeftijd)) return onbekend('leeftijd');
      return k.leeftijd >= c.jaren ? voldaan : niet(`U bent ${k.leeftijd} jaar; hiervoor moet u ${c.jaren} jaar of ouder zijn.`);
    case 'maximale-leeftijd':
      if (!isKnown(k.leeftijd)) return onbekend('leeftijd');
      return k.leeftijd <= c.jaren ? voldaan : niet(`U bent ${k.leeftijd} jaar; hiervoor mag u hoogstens ${c.jaren} jaar zijn.`);
    case 'alleenstaande-ouder-met-kind-jonger-dan':
      if (!isKnown(k.alleenstaandeOuder)) return onbekend('alleenstaandeOuder');
      if (!k.alleenstaandeOuder) return niet(`U bent geen alleenstaande ouder met een kind jonger dan ${c.jaren} jaar.`);
      if (!isKnown(k.leeftijdJongsteKind)) return onbekend('leeftijdJongsteKind');
      return k.leeftijdJongsteKind < c.jaren
        ? voldaan
        : niet(`Uw jongste kind is ${k.leeftijdJongsteKind} jaar; hiervoor moet uw jongste kind jonger zijn dan ${c.jaren} jaar.`);
    case 'langdurig-gedeeltelijk-arbeidsongeschikt':
      if (!isKnown(k.langdurigGedeeltelijkArbeidsongeschikt)) return onbekend('langdurigGedeeltelijkArbeidsongeschikt');
      return k.langdurigGedeeltelijkArbeidsongeschikt ? voldaan : niet('U bent niet langdurig gedeeltelijk arbeidsongeschikt.');
    case 'maximale-afstand-tot-arbeidsmarkt':
      if (!isKnown(k.afstandTotArbeidsmarktMaanden)) return onbekend('afstandTotArbeidsmarktMaanden');
      return k.afstandTotArbeidsmarktMaanden <= c.maanden
        ? voldaan
        : niet(
            `Uw afstand tot de arbeidsmarkt is naar schatting ${formatMonths(k.afstandTotArbeidsmarktMaanden)}; ` +
              `het prb is in ${gemeente} bedoeld voor wie hoogstens ${formatMonths(c.maanden)} van werk af is.`,
          );
    case 'geen-passend-regulier-aanbod':
      if (!isKnown(k.passendRegulierAanbod)) return onbekend('passendRegulierAanbod');
      return k.passendRegulierAanbod
        ? niet(`Er is een passend regulier re-integratieaanbod voor u; het prb is in ${gemeente} bedoeld voor wie dat niet heeft.`)
        : voldaan;
    case 'gerede-kans-op-uitstroom':
      if (!isKnown(k.geredeKansOpUitstroom)) return onbekend('geredeKansOpUitstroom');
      return k.geredeKansOpUitstroom ? voldaan : niet('Er is nu geen gerede kans dat u met het prb uitstroomt naar werk.');
    case 'interesse-getoond':
      if (!isKnown(k.interesseGetoond)) return onbekend('interesseGetoond');
      return k.interesseGetoond ? voldaan : niet('U hebt geen interesse getoond in het prb als weg naar werk.');
  }
}

function evaluate(c: Toelatingscriterium, k: KlantFeiten, gemeente: string): Evaluatie {
  if (c.soort !== 'een-van') return evaluateEnkelvoudig(c, k, gemeente);
  const results = c.criteria.map((sub) => evaluateEnkelvoudig(sub, k, gemeente));
  if (results.some((r) => r.uitkomst === 'voldaan')) return voldaan;
  const unknown = results.filter((r) => r.uitkomst === 'onbekend');
  if (unknown.length > 0) return onbekend(...new Set(unknown.flatMap((r) => r.ontbrekend)));
  const groep = c.omschrijving ?? 'doelgroep';
  return niet(
    `U hoort bij geen enkele ${groep} van het prb in ${gemeente}. Daarvoor moet u ` +
      `${opsomming(c.criteria.map((sub) => beschrijfCriterium(sub, gemeente)), 'of')}. ` +
      results.map((r) => r.waarom).join(' '),
  );
}

/** Applies every hard criterion of the policy to the klant's facts. */
export function assessToelating(klant: KlantFeiten, beleid: ToelatingBeleid): ToelatingResultaat {
  const gemeente = beleid.gemeente;
  const redenen: ToelatingReden[] = [];
  const ontbrekend = new Set<Feit>();
  const getoetst: ToelatingResultaat['getoetst'] = [];
  for (const criterium of beleid.toelating.waarde.criteria) {
    const code = criterium.soort === 'een-van' ? (criterium.code ?? CODES['een-van']) : CODES[criterium.soort];
    const bron = criterium.bron ?? beleid.toelating.bron;
    const result = evaluate(criterium, klant, gemeente);
    getoetst.push({ code, criterium: criterium.soort, uitkomst: result.uitkomst });
    if (result.uitkomst === 'niet-voldaan') {
      redenen.push({ code, omschrijving: result.waarom ?? beschrijfCriterium(criterium, gemeente), bron });
    } else if (result.uitkomst === 'onbekend') {
      result.ontbrekend.forEach((f) => ontbrekend.add(f));
      redenen.push({
        code: CODE_GEGEVEN_ONTBREEKT,
        omschrijving:
          `Nog niet bekend is ${opsomming(result.ontbrekend.map((f) => FEIT_LABEL[f]), 'en')}; ` +
          `daarom kan niet worden vastgesteld of u voldoet aan: ${beschrijfCriterium(criterium, gemeente)}.`,
        bron,
      });
    }
  }
  const alleenOnbekend = redenen.length > 0 && redenen.every((r) => r.code === CODE_GEGEVEN_ONTBREEKT);
  return {
    toegelaten: redenen.length === 0,
    teBeoordelen: alleenOnbekend && [...ontbrekend].every((f) => beoordeelbaar(f, klant)),
    redenen,
    ontbrekendeGegevens: [...ontbrekend],
    getoetst,
    beleid: { id: beleid.id, ingangsdatum: beleid.ingangsdatum },
  };
}

// ---------------------------------------------------------------------------------------------
// Job adapter: process variables in, result variables out. The policy comes through a port.

export const ToelatingJobVariables = z.object({
  /** Stored on the zaak when it started (see workflows/prb/policy/load.ts policyRef). */
  policyId: z.string({ error: 'policyId ontbreekt: de zaak moet de beleidsversie meegeven.' }).min(1),
  klant: KlantFeiten,
});

export interface ToelatingPorts {
  policyById(id: string): ToelatingBeleid;
}

export function createToelatingHandler(ports: ToelatingPorts): (variables: unknown) => ToelatingResultaat {
  return (variables) => {
    const parsed = ToelatingJobVariables.safeParse(variables, NL_ERRORS);
    if (!parsed.success) throw new WorkerInputError(JOB_TYPE, dutchIssues(parsed.error));
    return assessToelating(parsed.data.klant, ports.policyById(parsed.data.policyId));
  };
}
