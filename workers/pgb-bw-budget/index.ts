/**
 * pgb bw budget worker: pure rules (regels.ts) behind a small port that hands it the
 * gemeente's regels for the zaak's policy version. Knows nothing of HTTP or the database.
 */
import type { PgbBwRegels } from './types.ts';
import { stelBudgetVast, toetsToelating, toetsVolledigheid, type BudgetInput } from './regels.ts';

export * from './types.ts';
export * from './regels.ts';

export interface PgbBwBudgetPort {
  /** The regels of exactly the policy version the zaak started with. */
  regels(policyId: string): PgbBwRegels;
}

export function pgbBwWorker(port: PgbBwBudgetPort) {
  return {
    toelating: (policyId: string, klant: BudgetInput['klant']) => toetsToelating(klant, port.regels(policyId)),
    volledigheid: (policyId: string, aanvraag: BudgetInput['aanvraag']) => toetsVolledigheid(aanvraag, port.regels(policyId)),
    budget: (policyId: string, input: BudgetInput) => stelBudgetVast(input, port.regels(policyId)),
  };
}
