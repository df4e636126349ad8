/**
 * What the iro/rio/pib jobs need from the provider catalogue beyond its port
 * (server/aanbieders/port.ts): the choice list for a form and a provider's name. Both read the
 * catalogue's register; membership of the pool is decided by the port (aanbiedersInPool).
 */
import { aanbiedersInPool } from '../aanbieders/port.ts';
import type { DbOrTx } from '../db/transaction.ts';

export interface AanbiederOptie {
  label: string;
  value: string;
}

/** The aanbieders a klant of this tenant may choose for the regeling today, as select options. */
export async function poolOpties(db: DbOrTx, tenantId: string, regeling: string): Promise<AanbiederOptie[]> {
  const [alle, pool] = await Promise.all([
    db.selectFrom('aanbieders').select(['id', 'naam', 'regio']).orderBy('naam').execute(),
    aanbiedersInPool(db, { tenantId, regeling }),
  ]);
  return alle.filter((a) => pool.has(a.id)).map((a) => ({ label: `${a.naam} (${a.regio})`, value: a.id }));
}

export async function aanbiederNaam(db: DbOrTx, aanbiederId: string): Promise<{ id: string; naam: string; kvk: string }> {
  return db.selectFrom('aanbieders').select(['id', 'naam', 'kvk']).where('id', '=', aanbiederId).executeTakeFirstOrThrow();
}
