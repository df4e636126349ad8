import { sql, type Kysely, type Migration } from 'kysely';

// Kysely migrations take Kysely<any> by design: they run against past schema versions.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The budget a payment is booked against (pgb bw, seed-002 L215): the Wsw budget, or the
 * Participatiebudget (W-deel WWB before 2009) that pre-finances a klant from the wachtlijst
 * until he is "aan de beurt". Null for regelingen with one source (prb).
 */
export const ledgerFinancieringsbronMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('betalingen')
      .addColumn('financieringsbron', 'text', (c) => c.check(sql`financieringsbron in ('wsw-budget', 'participatiebudget', 'w-deel-wwb')`))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('betalingen').dropColumn('financieringsbron').execute();
  },
};
