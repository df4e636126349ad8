import { todayInAmsterdam } from '../../../workers/termijnen/iso-date.ts';
import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface AfsluitenInput {
  tenantId: string;
  zaakId: string;
  resultaat: string;
  actor: string;
  idempotencyKey?: string | null;
}

/** Command: close the zaak with its resultaat (ZGW resultaattype). */
export function afsluiten(db: DbOrTx, input: AfsluitenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, input.idempotencyKey)) return;
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'afgesloten') throw refused('Deze zaak is al afgesloten.');
    const now = new Date();
    const einddatum = todayInAmsterdam(now);
    await tx
      .updateTable('zaken')
      .set({ status: 'afgesloten', resultaat: input.resultaat, einddatum, updated_at: now.toISOString() })
      .where('id', '=', zaak.id)
      .execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.afgesloten',
      data: { resultaat: input.resultaat, einddatum },
      actor: input.actor,
      occurredAt: now.toISOString(),
      idempotencyKey: input.idempotencyKey,
    });
  });
}
