import { createHash } from 'node:crypto';
import type { LedgerPort } from './port.ts';
import { beslisBetaling, controleerVerzoek, teBoekenBetaling } from './regels.ts';
import type { BetaalVerzoek, BetalingStatus, WeigerCode } from './types.ts';

/** The betaling job's variables: a payment request plus the job key, which is the idempotency key. */
export interface BetalingJob extends BetaalVerzoek {
  jobKey: string;
}

/** The job's result variables. */
export interface BetalingResultaat {
  uitkomst: 'gereserveerd' | 'geweigerd';
  /** Null only when the request was malformed and nothing was stored. */
  betalingId: string | null;
  status: BetalingStatus | null;
  /** True when finance still has to approve (amount above the policy's threshold). */
  financieGoedkeuringNodig: boolean;
  redenCode: WeigerCode | null;
  reden: string | null;
  /** The job key was seen before: this is the stored answer, nothing new was booked. */
  herhaald: boolean;
}

/** Stable digest of the request (keys sorted), to detect a reused key with different content. */
export function verzoekHash(v: BetaalVerzoek): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, canonical(x)]),
      );
    }
    return value;
  };
  const { jobKey: _ignored, ...rest } = v as BetalingJob;
  return createHash('sha256').update(JSON.stringify(canonical(rest))).digest('hex');
}

/**
 * Job handler for task type `betaling`. Checks the request, then lets the ledger run the
 * rules under the zaak's lock and book the outcome under the job key. A retried job
 * (crash, timeout, redelivery) gets the stored answer back and books nothing twice.
 */
export async function betaling(job: BetalingJob, deps: { ledger: LedgerPort }): Promise<BetalingResultaat> {
  if (!job.jobKey) throw new TypeError('De betaling mist een jobKey (idempotentiesleutel).');
  const { jobKey, ...verzoek } = job;
  const vorm = controleerVerzoek(verzoek);
  if (vorm) {
    return {
      uitkomst: 'geweigerd',
      betalingId: null,
      status: null,
      financieGoedkeuringNodig: false,
      redenCode: vorm.code,
      reden: vorm.bericht,
      herhaald: false,
    };
  }
  const { betaling: b, herhaald } = await deps.ledger.reserveerBetaling({
    tenantId: verzoek.tenantId,
    zaakId: verzoek.zaakId,
    idempotencyKey: jobKey,
    verzoekHash: verzoekHash(verzoek),
    decide: (snapshot) => teBoekenBetaling(verzoek, beslisBetaling(verzoek, snapshot), snapshot),
  });
  const geweigerd = b.status === 'afgewezen';
  return {
    uitkomst: geweigerd ? 'geweigerd' : 'gereserveerd',
    betalingId: b.id,
    status: b.status,
    financieGoedkeuringNodig: b.status === 'voorgesteld',
    redenCode: b.redenCode,
    reden: b.reden,
    herhaald,
  };
}
