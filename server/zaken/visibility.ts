import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { problems } from '../http/problem.ts';

/** A caller whose only role is klant sees only zaken of their own klant record. */
export const isKlantOnly = (p: Principal) => p.roles.every((r) => r === 'klant');

/** The zaak if the caller may see it; otherwise the same 404 as for a zaak that does not exist. */
export async function visibleZaak(db: Db, p: Principal, zaakId: string) {
  let q = db.selectFrom('zaken').selectAll().where('id', '=', zaakId).where('tenant_id', '=', p.tenantId ?? '');
  if (isKlantOnly(p)) q = q.where('klant_id', '=', p.klantId ?? '');
  const zaak = await q.executeTakeFirst();
  if (!zaak) throw problems.notFound();
  return zaak;
}
