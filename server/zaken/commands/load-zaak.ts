import type { Tx } from '../../db/transaction.ts';
import { zaakNotFound } from './errors.ts';

/** Loads a zaak of the tenant for a command; another tenant's zaak does not exist. */
export async function loadZaak(tx: Tx, tenantId: string, zaakId: string) {
  const zaak = await tx.selectFrom('zaken').selectAll().where('id', '=', zaakId).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!zaak) throw zaakNotFound();
  return zaak;
}
