import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface HervattenInput {
  tenantId: string;
  zaakId: string;
  /** The day the aanvraag was completed, or the day after an unused hersteltermijn: the clock runs again. */
  tot: string;
  actor: string;
  idempotencyKey?: string | null;
}

/** Command: the clock runs again after an opschorting. */
export function hervatten(db: DbOrTx, input: HervattenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, input.idempotencyKey)) return;
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status !== 'opgeschort') throw refused('De behandeltermijn van deze zaak is niet opgeschort.');
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ status: 'in-behandeling', updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.hervat',
      data: { tot: input.tot },
      actor: input.actor,
      occurredAt: now,
      idempotencyKey: input.idempotencyKey,
    });
  });
}
