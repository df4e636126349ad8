import type { PgbBwRegels } from '../../workflows/pgb-bw/policy/schema.ts';

export type { PgbBwRegels };

/** Coded refusal and exit reasons of seed-002 §11. */
export const REDEN_CODES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15'] as const;
export type RedenCode = (typeof REDEN_CODES)[number];

/** A reason with its code, a Dutch text addressed with "u", and the source line of the rule. */
export interface Reden {
  code: RedenCode;
  omschrijving: string;
  bron: string;
}

/** Facts about the klant from the aanmelding (seed-002 §10.1). */
export interface KlantFeiten {
  indicatie: { geldig: boolean; niveau: 'basis' | 'verhoogd' };
  status: 'sw-werknemer' | 'gedetacheerd' | 'wachtlijst';
  /** Only for status wachtlijst. */
  wachtlijst?: { aanDeBeurt: boolean; beschikbaarVoorArbeid: boolean; aanDeBeurtDatum?: string | null } | null;
  werktAlBegeleid: boolean;
}

export interface BijlageWerkgever {
  naam: string;
  kvk?: string | null;
  iban: string;
  functie: string;
  contractMaanden: number;
  urenPerWeek: number;
  dagdelenPerWerkdag: number;
  brutoLoonPerJaarCent: number;
  werkgeverslastenPerJaarCent: number;
  caoLoon: boolean;
  arbo: boolean;
  kredietwaardigheidAangetoond: boolean;
  voorgesteldeVergoedingPerJaarCent: number;
  structureleKostenPerJaarCent?: number | null;
}

export interface BijlageBegeleidingsorganisatie {
  naam: string;
  kvk?: string | null;
  iban: string;
  gekwalificeerd: boolean;
  kennisEnErvaring: boolean;
  uwvErkenning: boolean;
  plaatsingsresultaten: boolean;
  kennisArbeidshandicap: boolean;
  brancheEnKeurmerk: boolean;
  schriftelijkeAfspraak: boolean;
  begeleidingUrenPerWeek: number;
  uurtariefCent: number;
  jobfinding: boolean;
  jobfindingBedragCent?: number | null;
}

export interface Werkplekaanpassing {
  omschrijving: string;
  kostenCent: number;
  eenmalig: boolean;
  persoonsgebonden: boolean;
  nietRedelijkVoorWerkgever: boolean;
  deskundigenonderzoek: boolean;
  contractJaren: number;
}

export type Ondertekenaar = 'klant' | 'werkgever' | 'begeleidingsorganisatie';

/** The aanvraag with its two annexes (seed-002 §10.2), as form `pgb-bw-aanvraag` gives it. */
export interface Aanvraag {
  plan: { doel: string; startdatum: string; hulpBijAanvraag: 'geen' | 'pgb-bw-bureau' | 'mee' | 'sw-bedrijf' | 'anders' };
  werkgever: BijlageWerkgever;
  begeleidingsorganisatie: BijlageBegeleidingsorganisatie;
  werkplekaanpassing?: Werkplekaanpassing | null;
  /** Each party signs with its name; an empty name is a missing signature (L560). */
  ondertekening: Partial<Record<Ondertekenaar, { naam?: string | null; datum?: string | null } | null>>;
}

/** The independent wage-value assessment (L306–L313). */
export interface Loonwaardebepaling {
  methode: 'activa' | 'dariuz' | 'anders';
  loonwaardeProcent: number;
  datum: string;
  beoordelaar: string;
  onafhankelijk: boolean;
  nulmetingProcent?: number | null;
  ontwikkeldoel?: string | null;
  vervolgmetingDatum?: string | null;
}

export type Financieringsbron = 'wsw-budget' | 'participatiebudget' | 'w-deel-wwb';

export interface Financiering {
  /** Source at the start of the uitvoering. */
  bron: Financieringsbron;
  /** From this date on the Wsw budget pays (the klant's "aan de beurt" date); null: not known yet or not needed. */
  wisseldatum: string | null;
}

export interface ToelatingResultaat {
  toegelaten: boolean;
  redenen: Reden[];
  financiering: Financiering;
}

export interface VolledigheidResultaat {
  volledig: boolean;
  ontbrekend: { code: 'R04'; omschrijving: string }[];
}

export interface Beperking {
  onderdeel: 'werkgever' | 'begeleiding' | 'jobfinding' | 'werkplekaanpassing';
  code: RedenCode | null;
  omschrijving: string;
}

export type LoonwaardeRoute = 'automatisch-geaccepteerd' | 'loonwaardebepaling' | 'loonwaardebepaling-nodig';

export interface Componenten {
  werkgeverPerJaarCent: number;
  structureleKostenPerJaarCent: number;
  begeleidingPerJaarCent: number;
  begeleidingUrenPerWeek: number;
  /** Maximum, paid only on placement (no cure no pay). */
  jobfindingCent: number;
  werkplekaanpassingCent: number;
  /** The part of the werkplekaanpassing counted in one year (annualised where the policy says). */
  werkplekaanpassingPerJaarCent: number;
}

export interface BudgetResultaat {
  uitkomst: 'binnen-plafond' | 'boven-plafond' | 'afwijzen' | 'loonwaardebepaling-nodig';
  /** true when the gemeente may, but need not, grant (L286): decided by the beslisser. */
  discretionair: boolean;
  loonwaardeNodig: boolean;
  redenen: Reden[];
  beperkingen: Beperking[];
  loonwaarde: { route: LoonwaardeRoute; toelichting: string };
  componenten: Componenten;
  uitvoeringskostenCent: number;
  plafondCent: number;
  beschikbaarCent: number;
  /** What counts against the plafond for one year. */
  totaalPerJaarCent: number;
  /** The toekenning for the first subsidy year: yearly parts + jobfinding max + the whole werkplekaanpassing. */
  toekenningCent: number;
}
