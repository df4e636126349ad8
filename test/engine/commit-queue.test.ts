import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitQueue } from '../../engine/embedded/commit-queue.ts';
import type { EngineTables } from '../../engine/embedded/store/tables.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Group commit: items queued in the same turn share one transaction; a failing item
// rolls back only its own writes, on SQLite and on PostgreSQL.
describe('commit queue', () => {
  let database: TestDatabase;
  let db: Kysely<EngineTables>;
  let committed: string[];
  let rolledBack: string[];
  let queue: CommitQueue<{ name: string }>;
  let names: string[];

  beforeEach(async () => {
    database = await createTestDatabase({ migrate: false });
    db = database.db as unknown as Kysely<EngineTables>;
    await sql`create table cq_rows (name varchar(20) primary key)`.execute(db);
    committed = [];
    rolledBack = [];
    names = [];
    queue = new CommitQueue(db, {
      context: () => ({ name: names.shift() ?? '?' }),
      committed: (c) => committed.push(c.name),
      rolledBack: (c) => rolledBack.push(c.name),
    });
  });
  afterEach(async () => {
    await database.drop();
  });

  const insert = (name: string, fail = false) => {
    names.push(name);
    return queue.run(async (tx) => {
      await sql`insert into cq_rows (name) values (${name})`.execute(tx);
      if (fail) throw new Error(`${name} geweigerd`);
      return name;
    });
  };
  const rows = async () => (await sql<{ name: string }>`select name from cq_rows order by name`.execute(db)).rows.map((r) => r.name);

  it('shares one transaction and keeps the writes of the items around a failed one', async () => {
    const results = await Promise.allSettled([insert('a'), insert('b', true), insert('c'), insert('d', true), insert('e')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await rows()).toEqual(['a', 'c', 'e']);
    expect(committed).toEqual(['a', 'c', 'e']);
    expect(rolledBack).toEqual(['b', 'd']);
    expect(queue.stats).toEqual({ transactions: 1, items: 5 });
  });

  it('rolls back a failed first item without touching the next', async () => {
    const results = await Promise.allSettled([insert('x', true), insert('y')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(await rows()).toEqual(['y']);
  });

  it('a statement the database refuses (duplicate key) fails only its own item', async () => {
    // On PostgreSQL the refused statement aborts the transaction until the rollback to the item's savepoint.
    await insert('k');
    const results = await Promise.allSettled([insert('l'), insert('k'), insert('m')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rows()).toEqual(['k', 'l', 'm']);
  });
});
