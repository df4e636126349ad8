import { randomUUID } from 'node:crypto';
import type { DocumentPort } from '../../workers/beschikking/handler.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';

const TITELS: Record<string, string> = { beschikking: 'Beschikking' };

/** Stores documents once per idempotency key, so a retried job never files a letter twice. */
export class DocumentStore implements DocumentPort {
  constructor(private readonly db: Db) {}

  opslaan(
    doc: Omit<Parameters<DocumentPort['opslaan']>[0], 'soort' | 'mediaType'> & { soort: string; mediaType: string; titel?: string; door?: string },
  ): Promise<{ documentId: string }> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.selectFrom('documenten').select('id').where('idempotency_key', '=', doc.idempotencyKey).executeTakeFirst();
      if (existing) return { documentId: existing.id };
      const id = randomUUID();
      await tx
        .insertInto('documenten')
        .values({
          id,
          tenant_id: doc.tenantId,
          zaak_id: doc.zaakId,
          soort: doc.soort,
          titel: doc.titel ?? TITELS[doc.soort] ?? doc.bestandsnaam,
          bestandsnaam: doc.bestandsnaam,
          media_type: doc.mediaType,
          inhoud: doc.inhoud,
          grootte: doc.inhoud.byteLength,
          zichtbaar_voor_klant: doc.zichtbaarVoorKlant ? 1 : 0,
          door: doc.door ?? 'systeem',
          aangemaakt: new Date().toISOString(),
          idempotency_key: doc.idempotencyKey,
        })
        .execute();
      return { documentId: id };
    });
  }

  list(tenantId: string, zaakId: string, forKlant: boolean) {
    let q = this.db
      .selectFrom('documenten')
      .select(['id', 'titel', 'soort', 'bestandsnaam', 'media_type', 'grootte', 'aangemaakt'])
      .where('tenant_id', '=', tenantId)
      .where('zaak_id', '=', zaakId);
    if (forKlant) q = q.where('zichtbaar_voor_klant', '=', 1);
    return q.orderBy('aangemaakt').execute();
  }

  async get(tenantId: string, zaakId: string, documentId: string, forKlant: boolean) {
    let q = this.db.selectFrom('documenten').selectAll().where('tenant_id', '=', tenantId).where('zaak_id', '=', zaakId).where('id', '=', documentId);
    if (forKlant) q = q.where('zichtbaar_voor_klant', '=', 1);
    return q.executeTakeFirst();
  }
}
