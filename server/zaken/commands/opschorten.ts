import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface OpschortenInput {
  tenantId: string;
  zaakId: string;
  /** The day the aanvrager was asked to complete the aanvraag (Awb 4:15 lid 1 a). */
  van: string;
  reden: string;
  actor: string;
  idempotencyKey?: string | null;
}

/** Command: suspend the beslistermijn (Awb 4:15), e.g. while a hersteltermijn runs. */
export function opschorten(db: DbOrTx, input: OpschortenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, input.idempotencyKey)) return;
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'opgeschort') throw refused('De behandeltermijn van deze zaak is al opgeschort.');
    if (zaak.status === 'afgesloten' || zaak.status === 'besloten') throw refused('Op deze zaak is al besloten; de termijn kan niet meer worden opgeschort.');
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ status: 'opgeschort', updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.opgeschort',
      data: { van: input.van, reden: input.reden },
      actor: input.actor,
      occurredAt: now,
      idempotencyKey: input.idempotencyKey,
    });
  });
}
