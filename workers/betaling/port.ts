import type { Betaling, LedgerSnapshot, NieuweBetaling } from './types.ts';

export interface ReserveerBetalingArgs {
  tenantId: string;
  zaakId: string;
  /** The job key: the same key twice gives one betaling. */
  idempotencyKey: string;
  /** A digest of the request; the same key with a different request is an error, never a second payment. */
  verzoekHash: string;
  /**
   * The payment rules. Called at most once, inside the ledger's transaction, after the
   * zaak's toekenning is locked and with a snapshot read under that lock. Must be pure
   * and synchronous: nothing else can change the zaak's money while it runs.
   */
  decide: (snapshot: LedgerSnapshot) => NieuweBetaling;
}

export interface ReserveerBetalingResultaat {
  betaling: Betaling;
  /** True when the key was already known: the stored result is returned, nothing was written. */
  herhaald: boolean;
}

/** What a payment needs from the ledger. Implemented on Kysely in server/ledger/kysely-ledger.ts. */
export interface LedgerPort {
  /** The zaak's current toekenning, its verplichtingen and all its betalingen (tenant-scoped). */
  readZaak(tenantId: string, zaakId: string): Promise<LedgerSnapshot>;
  /** Check and insert atomically, idempotent by key. */
  reserveerBetaling(args: ReserveerBetalingArgs): Promise<ReserveerBetalingResultaat>;
}

/** The same idempotency key came back with a different request: refuse loudly (an incident), pay nothing. */
export class IdempotencyConflictError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`De sleutel ${idempotencyKey} is al gebruikt voor een andere betaling; er is niets betaald.`);
    this.name = 'IdempotencyConflictError';
  }
}
