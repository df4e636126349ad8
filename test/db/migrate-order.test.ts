import { it, expect } from 'vitest';
import { createTestDatabase } from '../support/db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { sql } from 'kysely';
it('a database that ran the 3xx migrations before 202-ledger-financieringsbron existed still runs it (helpers number their own ranges)', async () => {
  const t = await createTestDatabase();
  await sql`delete from kysely_migration where name = '202-ledger-financieringsbron'`.execute(t.db);
  await t.db.schema.alterTable('betalingen').dropColumn('financieringsbron').execute();
  expect(await migrateToLatest(t)).toEqual(['202-ledger-financieringsbron']);
  await t.drop();
});
