import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The account a tenant pays from: the debtor of its SEPA batches. */
export const tenantRekeningMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('tenants').addColumn('iban', 'text').execute();
    await db.schema.alterTable('tenants').addColumn('bic', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('tenants').dropColumn('bic').execute();
    await db.schema.alterTable('tenants').dropColumn('iban').execute();
  },
};
