import type { Bekostiging, BetalingSoort, BetalingStatus, Financieringsbron, Termijn, WeigerCode } from '../../workers/betaling/types.ts';

/**
 * Ledger tables (migration 200-ledger). Money in integer cents, dates ISO-8601 text,
 * every row carries tenant_id and every query filters on it. zaak_id has no foreign
 * key yet: the zaken table comes later.
 */
export interface ToekenningTable {
  id: string;
  tenant_id: string;
  zaak_id: string;
  bedrag_cents: number;
  besluit_ref: string;
  klant_naam: string | null;
  klant_iban: string | null;
  /** The toekenning this one replaces (a later besluit, e.g. after bezwaar). */
  vervangt_id: string | null;
  /** Set when a later besluit replaced this one; null on the current toekenning. */
  vervangen_door: string | null;
  vervangen_at: string | null;
  created_at: string;
}

export interface VerplichtingTable {
  id: string;
  tenant_id: string;
  zaak_id: string;
  soort: 'offerte' | 'contract' | 'begrotingsregel';
  omschrijving: string;
  payee_naam: string | null;
  iban: string | null;
  kvk: string | null;
  bedrag_cents: number;
  bekostiging: Bekostiging;
  start_aandeel_bp: number | null;
  approved_by: string;
  created_at: string;
}

export interface BetalingTable {
  id: string;
  idempotency_key: string;
  verzoek_hash: string;
  tenant_id: string;
  zaak_id: string;
  verplichting_id: string | null;
  soort: BetalingSoort;
  termijn: Termijn | null;
  referentie: string | null;
  omschrijving: string | null;
  payee_naam: string;
  iban: string;
  kvk: string | null;
  bedrag_cents: number;
  status: BetalingStatus;
  reden_code: WeigerCode | null;
  reden: string | null;
  ingediend_door: string | null;
  approved_by: string | null;
  approved_at: string | null;
  batch_id: string | null;
  /** pgb bw: the budget it is booked against (migration 202); null where a regeling has one source. */
  financieringsbron: Financieringsbron | null;
  created_at: string;
  updated_at: string;
}

export interface BatchTable {
  id: string;
  tenant_id: string;
  /** pain.001 GrpHdr/MsgId: unique, at most 35 characters. */
  message_id: string;
  aantal: number;
  totaal_cents: number;
  uitvoeringsdatum: string;
  /** The pain.001 document, stored with the batch so an export can be repeated byte for byte. */
  pain001: string | null;
  created_by: string;
  created_at: string;
  betaald_at: string | null;
}

// A type alias (not an interface) so that Kysely's withTables<LedgerTables>() accepts it.
export type LedgerTables = {
  toekenningen: ToekenningTable;
  verplichtingen: VerplichtingTable;
  betalingen: BetalingTable;
  batches: BatchTable;
};
