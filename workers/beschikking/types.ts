import type { Cents } from '../betaling/bedrag.ts';

export interface Adresregels {
  naam: string;
  /** Street, postcode and place, one line each. */
  adres?: readonly string[];
}

export interface Toekenningsbesluit {
  soort: 'toekenning';
  budgetCents: Cents;
  /** Conditions attached to the grant (e.g. "Het plan is uitgevoerd vóór 1 maart 2027"). */
  voorwaarden: readonly string[];
  /** Last day the plan may be executed (YYYY-MM-DD), when the policy sets one. */
  uitvoerenTot?: string | null;
}

export interface Afwijzingsbesluit {
  soort: 'afwijzing';
  /** Coded grounds (seed-000 §4.6) with the text the letter shows. */
  gronden: readonly { code: string; tekst: string }[];
}

/** A gegrond bezwaar against a refusal before any budget (niet-toegelaten, buiten behandeling): revoked, the aanvraag is handled further (Awb 7:11). */
export interface Herroepingsbesluit {
  soort: 'herroeping';
  /** What happens next, in plain Dutch. */
  vervolg: string;
}

export interface BeschikkingInput {
  gemeente: Adresregels & { afzender?: string };
  klant: Adresregels;
  /** Our reference: the zaak id or its human reference. */
  zaakReferentie: string;
  /** e.g. "persoonsgebonden re-integratiebudget (prb)". */
  regeling: string;
  besluit: Toekenningsbesluit | Afwijzingsbesluit | Herroepingsbesluit;
  /** The grounds of the decision (Awb 3:46). Required. */
  motivering: string;
  /** Date of the besluit, YYYY-MM-DD. */
  datum: string;
  /** Date of sending (bekendmaking, Awb 3:41), YYYY-MM-DD. */
  verzenddatum: string;
  /** Bezwaarclausule (Awb 3:45): last day an objection can be received (from workers/termijnen), and where to send it. */
  bezwaar: {
    /**
     * Which remedy the clause names: bezwaar against a primary besluit (Awb 6:4, 7:1), or beroep at
     * the rechtbank against a beslissing op bezwaar (Awb 8:1). Default bezwaar.
     */
    rechtsmiddel?: 'bezwaar' | 'beroep';
    uiterlijkeReactiedatum: string;
    adres: readonly string[];
    /** e.g. "via Mijn Regie: regie.almere.nl/bezwaar". */
    digitaal?: string | null;
  };
  ondertekening?: { naam: string; functie: string };
  /** On whose behalf the letter is signed; default the college van burgemeester en wethouders (UWV: its Raad van bestuur). */
  namens?: string;
}

export interface BeschikkingOpties {
  /** Compress the content streams (default true; false only for inspecting the PDF). */
  compress?: boolean;
}
