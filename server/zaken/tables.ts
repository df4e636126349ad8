import type { Generated } from 'kysely';

export const REGELINGEN = ['prb', 'pgb-bw', 'pib', 'iro', 'rio', 'bezwaar'] as const;
export type Regeling = (typeof REGELINGEN)[number];

/** A zaak (ZGW): one case of one klant under one regeling, run by one process instance. */
export interface ZaakTable {
  id: string;
  /** Human-readable, unique per tenant: "0034-PRB-2026-000001". */
  identificatie: string;
  tenant_id: string;
  regeling: Regeling;
  klant_id: string;
  /** The zaak a bezwaar is about (ZGW relevante andere zaak). */
  hoofdzaak_id: string | null;
  bpmn_process_id: string;
  /** null until the engine has started the instance (see the start-zaak outbox). */
  process_instance_key: string | null;
  /** Policy version the zaak started under; it keeps it for its whole life. */
  policy_id: string | null;
  status: ZaakStatus;
  /** Zaaktype norms at start (ISO durations): legal term and the gemeente's own promise. */
  doorlooptijd: string;
  servicenorm: string;
  startdatum: string; // YYYY-MM-DD, Europe/Amsterdam
  einddatum: string | null;
  resultaat: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type ZaakStatus = 'aangemeld' | 'in-behandeling' | 'opgeschort' | 'besloten' | 'afgesloten';

/** Append-only: every state change of a zaak, written with the change in one transaction. */
export interface ZaakEventTable {
  id: Generated<number>;
  zaak_id: string;
  tenant_id: string;
  type: string;
  data: string; // JSON
  actor: string;
  occurred_at: string;
  /** Commands run by a job pass the job key: a retried job records its change once. */
  idempotency_key: string | null;
}

export interface ZaakVolgnummerTable {
  tenant_id: string;
  regeling: string;
  jaar: number;
  laatste: number;
}

export interface ZaakTables {
  zaken: ZaakTable;
  zaak_events: ZaakEventTable;
  zaak_volgnummers: ZaakVolgnummerTable;
}
