import type { DbOrTx, Tx } from '../db/transaction.ts';

export type ZaakEventType =
  | 'zaak.aangemaakt'
  | 'zaak.proces-gestart'
  | 'zaak.beslistermijn-bepaald'
  | 'zaak.opgeschort'
  | 'zaak.hervat'
  | 'zaak.verdaagd'
  | 'zaak.ingebrekestelling-ontvangen'
  | 'zaak.dwangsom-vastgesteld'
  | 'zaak.besluit-vastgelegd'
  | 'zaak.besluit-bekendgemaakt'
  | 'zaak.beschikking-geopend'
  | 'zaak.status-gewijzigd'
  | 'zaak.afgesloten'
  | 'zaak.heropend'
  | 'zaak.aanvraag-ingetrokken'
  | 'zaak.aanbieder-gekozen'
  | 'zaak.aanbieder-gecontracteerd'
  | 'zaak.aanbieder-resultaat';

export interface ZaakEventDraft {
  zaakId: string;
  tenantId: string;
  type: ZaakEventType;
  data?: Record<string, unknown>;
  actor: string;
  occurredAt: string;
  idempotencyKey?: string | null;
}

/** A zaak's events oldest first, as the clock and the dwangsom read them (type and data only). */
export function zaakEventsInOrder(db: DbOrTx, zaakId: string): Promise<Array<{ type: string; data: string }>> {
  return db.selectFrom('zaak_events').select(['type', 'data']).where('zaak_id', '=', zaakId).orderBy('id').execute();
}

/** True when a command with this idempotency key already ran: the caller returns without changing anything. */
export async function alreadyApplied(db: DbOrTx, idempotencyKey: string | null | undefined): Promise<boolean> {
  if (!idempotencyKey) return false;
  const row = await db.selectFrom('zaak_events').select('id').where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row !== undefined;
}

export async function appendZaakEvent(tx: Tx, e: ZaakEventDraft): Promise<void> {
  await tx
    .insertInto('zaak_events')
    .values({
      zaak_id: e.zaakId,
      tenant_id: e.tenantId,
      type: e.type,
      data: JSON.stringify(e.data ?? {}),
      actor: e.actor,
      occurred_at: e.occurredAt,
      idempotency_key: e.idempotencyKey ?? null,
    })
    .execute();
}
