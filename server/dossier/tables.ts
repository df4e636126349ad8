/** Documents of a zaak (letters, uploads). The content lives in the database: one backup, one tenant scope. */
export interface DocumentTable {
  id: string;
  tenant_id: string;
  zaak_id: string;
  soort: string; // beschikking | bijlage | offerte | factuur | rapportage
  titel: string;
  bestandsnaam: string;
  media_type: string;
  inhoud: Uint8Array;
  grootte: number;
  zichtbaar_voor_klant: number; // 1/0: SQLite has no boolean
  door: string;
  aangemaakt: string;
  idempotency_key: string | null;
}

/** In-app messages to one user (klant or medewerker), e.g. on each status change. */
export interface BerichtTable {
  id: string;
  tenant_id: string;
  ontvanger: string; // username
  zaak_id: string | null;
  onderwerp: string;
  tekst: string;
  aangemaakt: string;
  gelezen_op: string | null;
  idempotency_key: string | null;
}

/** A registered conversation, call or letter: the contact the sources could not extract from systems. */
export interface ContactmomentTable {
  id: string;
  tenant_id: string;
  zaak_id: string;
  soort: 'gesprek' | 'telefoon' | 'brief' | 'e-mail';
  datum: string;
  samenvatting: string;
  door: string;
  aangemaakt: string;
}

export interface DossierTables {
  documenten: DocumentTable;
  berichten: BerichtTable;
  contactmomenten: ContactmomentTable;
}
