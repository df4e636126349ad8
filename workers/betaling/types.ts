import type { Cents } from './bedrag.ts';

/**
 * How invoices reach the gemeente (policy axis, seed-000 §2.8 / issue 5):
 * - klant-declareert: the klant advances the costs and claims them back (declaratie);
 * - klant-stuurt-facturen-door: the klant forwards the provider's invoices, the gemeente pays the provider;
 * - aanbieder-factureert-gemeente: the provider invoices the gemeente directly;
 * - aanbieder-factureert-klantmanager: the provider invoices the klantmanager (Zoetermeer).
 * Only the first route ever pays the klant.
 */
export const BETAALROUTES = [
  'klant-declareert',
  'klant-stuurt-facturen-door',
  'aanbieder-factureert-gemeente',
  'aanbieder-factureert-klantmanager',
] as const;
export type Betaalroute = (typeof BETAALROUTES)[number];

/** vast: pay invoices up to the agreed amount; no-cure-less-pay: a start part and a result part. */
export type Bekostiging = 'vast' | 'no-cure-less-pay';

export type BetalingSoort = 'factuur' | 'declaratie' | 'termijn';

/** The budget a payment is booked against (pgb bw: Wsw budget, or pre-financing until "aan de beurt"). */
export type Financieringsbron = 'wsw-budget' | 'participatiebudget' | 'w-deel-wwb';
export type Termijn = 'start' | 'resultaat';

export const BETALING_STATUSSEN = ['voorgesteld', 'goedgekeurd', 'in-batch', 'betaald', 'afgewezen'] as const;
export type BetalingStatus = (typeof BETALING_STATUSSEN)[number];

/** Statuses that hold budget: everything except afgewezen (a proposal reserves its amount). */
export const RESERVERENDE_STATUSSEN: readonly BetalingStatus[] = ['voorgesteld', 'goedgekeurd', 'in-batch', 'betaald'];

/** The budget granted by a besluit. A later besluit replaces it; the old one stays as history. */
export interface Toekenning {
  id: string;
  tenantId: string;
  zaakId: string;
  bedragCents: Cents;
  besluitRef: string;
  /** The klant's own account, the only account a declaratie may be paid to. */
  klantNaam: string | null;
  klantIban: string | null;
  createdAt: string;
}

/** An approved offerte, contract or begrotingsregel: who may be paid, and up to how much. */
export interface Verplichting {
  id: string;
  tenantId: string;
  zaakId: string;
  soort: 'offerte' | 'contract' | 'begrotingsregel';
  omschrijving: string;
  /** The provider. Null for a begrotingsregel the klant buys and declares (e.g. studiemateriaal). */
  payeeNaam: string | null;
  iban: string | null;
  kvk: string | null;
  bedragCents: Cents;
  bekostiging: Bekostiging;
  /** no cure less pay: the share paid at the start, in basis points (6000 = 60%). */
  startAandeelBp: number | null;
  approvedBy: string;
  createdAt: string;
}

export interface Betaling {
  id: string;
  idempotencyKey: string;
  tenantId: string;
  zaakId: string;
  verplichtingId: string | null;
  soort: BetalingSoort;
  termijn: Termijn | null;
  /** Invoice number (factuur) or the klant's declaratie reference. */
  referentie: string | null;
  omschrijving: string | null;
  payeeNaam: string;
  iban: string;
  kvk: string | null;
  bedragCents: Cents;
  status: BetalingStatus;
  redenCode: WeigerCode | null;
  reden: string | null;
  ingediendDoor: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  batchId: string | null;
  /** Optional so that code written before pgb bw keeps compiling; null where a regeling has one source. */
  financieringsbron?: Financieringsbron | null;
  createdAt: string;
  updatedAt: string;
}

/** Everything the payment rules need to know about one zaak. */
export interface LedgerSnapshot {
  /** The current toekenning (the latest besluit), or null when nothing was granted. */
  toekenning: Toekenning | null;
  verplichtingen: readonly Verplichting[];
  betalingen: readonly Betaling[];
}

export type WeigerCode =
  | 'BEDRAG_ONGELDIG'
  | 'IBAN_ONGELDIG'
  | 'KVK_ONGELDIG'
  | 'GEEN_TOEKENNING'
  | 'BOVEN_BUDGET'
  | 'ONBEKENDE_VERPLICHTING'
  | 'BOVEN_VERPLICHTING'
  | 'BEGUNSTIGDE_NIET_IN_PLAN'
  | 'KLANT_ALLEEN_DECLARATIE'
  | 'DECLARATIE_NIET_TOEGESTAAN'
  | 'DECLARATIE_NIET_AAN_KLANT'
  | 'GEEN_KLANTREKENING'
  | 'DUBBELE_FACTUUR'
  | 'TERMIJN_VEREIST'
  | 'TERMIJN_ONGELDIG'
  | 'TERMIJN_AL_BETAALD'
  | 'RESULTAAT_NIET_BEHAALD'
  | 'GEWEIGERD_DOOR_FINANCIEN';

export interface Weigering {
  code: WeigerCode;
  /** Dutch, addressed to the user with "u". */
  bericht: string;
}

/** A request to pay, as the betaling job carries it. */
export interface BetaalVerzoek {
  tenantId: string;
  zaakId: string;
  soort: BetalingSoort;
  verplichtingId: string;
  bedragCents: Cents;
  begunstigde: { naam: string; iban: string; kvk?: string | null | undefined };
  referentie?: string | null | undefined;
  omschrijving?: string | null | undefined;
  /** Only for soort 'termijn' (no cure less pay). */
  termijn?: Termijn | null | undefined;
  /** The process's "werk gevonden" result; needed for the resultaat termijn. */
  werkGevonden?: boolean | undefined;
  /** Who submitted or checked the invoice (a user id); finance may not approve their own. */
  ingediendDoor?: string | null | undefined;
  /** Policy of the zaak. */
  betaalroute: Betaalroute;
  /** Policy of the zaak: above this amount finance must approve (status voorgesteld). */
  financieGrensCents: Cents;
  /** pgb bw: the budget this payment is booked against. */
  financieringsbron?: Financieringsbron | null | undefined;
}

/** What the rules decide inside the ledger's lock. */
export type BetaalBeslissing =
  | { uitkomst: 'geweigerd'; weigering: Weigering }
  | { uitkomst: 'gereserveerd'; status: 'voorgesteld' | 'goedgekeurd' };

/** The row the rules want stored (accepted or refused: a refusal is remembered under its key too). */
export interface NieuweBetaling {
  verplichtingId: string | null;
  soort: BetalingSoort;
  termijn: Termijn | null;
  referentie: string | null;
  omschrijving: string | null;
  payeeNaam: string;
  iban: string;
  kvk: string | null;
  bedragCents: Cents;
  status: 'voorgesteld' | 'goedgekeurd' | 'afgewezen';
  redenCode: WeigerCode | null;
  reden: string | null;
  ingediendDoor: string | null;
  approvedBy: string | null;
  financieringsbron?: Financieringsbron | null;
}
