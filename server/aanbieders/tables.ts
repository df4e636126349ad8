import type { Generated } from 'kysely';

/**
 * Platform-wide provider register: one row per aanbieder (by KvK), shared by every tenant.
 * Which tenant may use it, for which regelingen, lives in aanbieder_contracten.
 * diensten, rollen: JSON arrays of strings (text on both dialects).
 */
export interface AanbiederTable {
  id: string;
  naam: string;
  /** KvK-nummer, 8 digits; unique over the platform. */
  kvk: string;
  /** Normalised (no spaces, upper case), checked with ibantools. */
  iban: string;
  diensten: string; // JSON string[]
  rollen: string; // JSON AanbiederRol[]
  /** Werkgebied in plain words: 'Flevoland', 'Rotterdam-Rijnmond', 'landelijk'. */
  regio: string;
  website: string | null;
  omschrijving: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type ContractStatus = 'gecontracteerd' | 'in-pool' | 'in-beoordeling' | 'afgewezen' | 'beeindigd';

/** Per tenant: may this tenant's klanten choose the aanbieder, and for which regelingen. */
export interface AanbiederContractTable {
  id: Generated<number>;
  aanbieder_id: string;
  tenant_id: string;
  regelingen: string; // JSON string[]
  status: ContractStatus;
  /** UWV's iro contract says whether the rib also takes gemeente clients (rio pool). */
  gemeenteklanten: number; // 0/1 on both dialects
  sinds: string; // YYYY-MM-DD
  tot: string | null; // YYYY-MM-DD, inclusive
  /** A klant's proposal: who, for which zaak, why. */
  voorgesteld_door: string | null;
  voorgesteld_voor_zaak: string | null;
  toelichting: string | null;
  /** Vetting or status change: who decided, why (a refusal always has a reason). */
  beoordeeld_door: string | null;
  beoordeeld_at: string | null;
  reden: string | null;
  created_at: string;
  updated_at: string;
}

export type ZaakAanbiederStatusKolom = 'gekozen' | 'gecontracteerd' | 'beeindigd';

/** The aanbieder(s) of one zaak: chosen, contracted, with the outcome the catalogue's figures use. */
export interface ZaakAanbiederTable {
  id: Generated<number>;
  zaak_id: string;
  tenant_id: string;
  aanbieder_id: string;
  gekozen_door: 'klant' | 'klantmanager' | 'rib-samen';
  status: ZaakAanbiederStatusKolom;
  bedrag_cents: number | null;
  resultaat: string | null;
  gekozen_at: string;
  gecontracteerd_at: string | null;
  resultaat_at: string | null;
  updated_at: string;
}

export interface AanbiederTables {
  aanbieders: AanbiederTable;
  aanbieder_contracten: AanbiederContractTable;
  zaak_aanbieders: ZaakAanbiederTable;
}
