import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { DbOrTx } from '../db/transaction.ts';

export interface NieuwBericht {
  tenantId: string;
  ontvanger: string;
  zaakId: string | null;
  onderwerp: string;
  tekst: string;
  idempotencyKey?: string | null;
}

/**
 * Places one bericht, in the caller's transaction when given one (a command whose event and
 * bericht must both happen or neither). True when new; false when this idempotency key already
 * placed it.
 */
export async function plaatsBericht(db: DbOrTx, b: NieuwBericht): Promise<boolean> {
  const r = await db
    .insertInto('berichten')
    .values({
      id: randomUUID(),
      tenant_id: b.tenantId,
      ontvanger: b.ontvanger,
      zaak_id: b.zaakId,
      onderwerp: b.onderwerp,
      tekst: b.tekst,
      aangemaakt: new Date().toISOString(),
      gelezen_op: null,
      idempotency_key: b.idempotencyKey ?? null,
    })
    // A retried notification job posts its message once.
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * A bericht to the klant of a zaak (to their portal account), in the caller's transaction; nothing
 * when the klant has no account. `idempotencyKey` makes a repeated command post it once.
 */
export async function berichtAanKlant(
  db: DbOrTx,
  zaak: { id: string; tenant_id: string; klant_id: string },
  b: { onderwerp: string; tekst: string; idempotencyKey: string },
): Promise<void> {
  const klant = await db.selectFrom('users').select('username').where('klant_id', '=', zaak.klant_id).executeTakeFirst();
  if (!klant) return;
  await plaatsBericht(db, { tenantId: zaak.tenant_id, ontvanger: klant.username, zaakId: zaak.id, ...b });
}

/**
 * In-app berichten: every status change reaches the klant and the klantmanager
 * here; e-mail would go through an SMTP port that is a no-op until configured.
 */
export class BerichtenStore {
  constructor(private readonly db: Db) {}

  /** True when the bericht is new; false when this idempotency key already placed it. */
  plaats(b: NieuwBericht): Promise<boolean> {
    return plaatsBericht(this.db, b);
  }

  voor(tenantId: string, username: string) {
    return this.db
      .selectFrom('berichten')
      .select(['id', 'onderwerp', 'tekst', 'zaak_id', 'aangemaakt', 'gelezen_op'])
      .where('tenant_id', '=', tenantId)
      .where('ontvanger', '=', username)
      .orderBy('aangemaakt', 'desc')
      .limit(200)
      .execute();
  }

  /** Marks one of the user's own messages read; false when it is not theirs. */
  async markeerGelezen(tenantId: string, username: string, id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('berichten')
      .set({ gelezen_op: new Date().toISOString() })
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .where('ontvanger', '=', username)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
