import type { Transaction } from 'kysely';
import type { Db, Tables } from './database.ts';

export type Tx = Transaction<Tables>;
export type DbOrTx = Db | Tx;

/**
 * Runs fn in one transaction: state and its side records (events, tasks,
 * ledger lines) commit together or not at all. Nested calls join the outer
 * transaction instead of opening a second one.
 */
export function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
