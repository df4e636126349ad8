import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { loadZaak } from './load-zaak.ts';

export interface BesluitBekendmakenInput {
  tenantId: string;
  zaakId: string;
  besluit: string;
  verzenddatum: string;
  uiterlijkeReactiedatum: string | null;
  documentId: string | null;
  actor: string;
  idempotencyKey?: string | null;
}

/**
 * Command: the beschikking was sent (Awb 3:40, 3:41). It ends the beslistermijn
 * and starts the bezwaartermijn; the zaak stays open for uitvoering.
 */
export function besluitBekendmaken(db: DbOrTx, input: BesluitBekendmakenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, input.idempotencyKey)) return;
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    const now = new Date().toISOString();
    if (zaak.status !== 'afgesloten') {
      await tx.updateTable('zaken').set({ status: 'besloten', updated_at: now }).where('id', '=', zaak.id).execute();
    }
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.besluit-bekendgemaakt',
      data: {
        besluit: input.besluit,
        verzenddatum: input.verzenddatum,
        uiterlijkeReactiedatum: input.uiterlijkeReactiedatum,
        documentId: input.documentId,
      },
      actor: input.actor,
      occurredAt: now,
      idempotencyKey: input.idempotencyKey,
    });
  });
}
