import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/database.ts';
import type { Regeling } from '../../server/zaken/tables.ts';

/**
 * A zaak written straight into the tables, as the commands would leave it, for tests that are
 * about reading zaken (doorlooptijden, termijnen) and not about how a zaak comes to be: the
 * tenant's first klant (or the one given), a P8W beslistermijn and a P4W servicenorm (or the one
 * given), no process instance.
 */
export async function insertZaak(
  db: Db,
  z: {
    tenantId: string;
    startdatum: string;
    regeling?: Regeling;
    status?: 'in-behandeling' | 'besloten';
    identificatie?: string;
    id?: string;
    /** The klant's id; the tenant's first klant otherwise. */
    klantId?: string;
    servicenorm?: string;
  },
): Promise<string> {
  const klant = z.klantId ? { id: z.klantId } : await db.selectFrom('klanten').select('id').where('tenant_id', '=', z.tenantId).executeTakeFirstOrThrow();
  const id = z.id ?? randomUUID();
  const now = new Date().toISOString();
  const regeling = z.regeling ?? 'prb';
  await db
    .insertInto('zaken')
    .values({
      id,
      identificatie: z.identificatie ?? `T-${id.slice(0, 8)}`,
      tenant_id: z.tenantId,
      regeling,
      klant_id: klant.id,
      hoofdzaak_id: null,
      bpmn_process_id: regeling,
      process_instance_key: null,
      policy_id: null,
      status: z.status ?? 'in-behandeling',
      doorlooptijd: 'P8W',
      servicenorm: z.servicenorm ?? 'P4W',
      startdatum: z.startdatum,
      einddatum: null,
      resultaat: null,
      created_by: 'test',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A zaak event as a command would append it (e.g. `zaak.besluit-bekendgemaakt` with its verzenddatum). */
export async function insertZaakEvent(db: Db, tenantId: string, zaakId: string, type: string, data: object): Promise<void> {
  await db
    .insertInto('zaak_events')
    .values({ zaak_id: zaakId, tenant_id: tenantId, type, data: JSON.stringify(data), actor: 'test', occurred_at: new Date().toISOString(), idempotency_key: null })
    .execute();
}
