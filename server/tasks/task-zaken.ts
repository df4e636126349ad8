import type { Db } from '../db/database.ts';
import { zaakKlok } from '../zaken/clock.ts';
import type { TaskZaak } from './task-dto.ts';

/** The zaken behind a set of process instances, with their clock, for task lists. */
export async function zakenForInstances(db: Db, tenantId: string, instanceKeys: readonly string[]): Promise<Map<string, TaskZaak>> {
  const keys = [...new Set(instanceKeys)];
  if (keys.length === 0) return new Map();
  const zaken = await db
    .selectFrom('zaken')
    .innerJoin('klanten', 'klanten.id', 'zaken.klant_id')
    .selectAll('zaken')
    .select('klanten.naam as klant_naam')
    .where('zaken.tenant_id', '=', tenantId)
    .where('zaken.process_instance_key', 'in', keys)
    .execute();
  const events = zaken.length
    ? await db.selectFrom('zaak_events').select(['zaak_id', 'type', 'data']).where('zaak_id', 'in', zaken.map((z) => z.id)).orderBy('id').execute()
    : [];
  const out = new Map<string, TaskZaak>();
  const now = new Date();
  for (const z of zaken) {
    const klok = zaakKlok(z, events.filter((e) => e.zaak_id === z.id), now);
    out.set(z.process_instance_key!, {
      id: z.id,
      identificatie: z.identificatie,
      regeling: z.regeling,
      klantNaam: z.klant_naam,
      klokStatus: klok.status,
      uiterlijkeEinddatumAfdoening: klok.uiterlijkeEinddatumAfdoening,
    });
  }
  return out;
}
