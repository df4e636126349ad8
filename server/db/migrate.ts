import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { engineMigrations } from '../../engine/embedded/store/migrations.ts';
import type { Database } from './database.ts';
import { coreMigration } from './migrations/001-core.ts';
import { tenantRekeningMigration } from './migrations/002-tenant-rekening.ts';
import { ledgerMigration } from './migrations/200-ledger.ts';
import { ledgerFinancieringsbronMigration } from './migrations/202-ledger-financieringsbron.ts';
import { zakenMigration } from './migrations/300-zaken.ts';
import { dossierMigration } from './migrations/301-dossier.ts';
import { werkvoorraadIndexesMigration } from './migrations/302-werkvoorraad-indexes.ts';
import { aanbiedersMigration } from './migrations/320-aanbieders.ts';

/**
 * One ordered list of migrations for both dialects. Names sort globally:
 * server 0xx, engine 1xx, regelingen 2xx and up.
 */
function allMigrations(database: Database): Record<string, Migration> {
  return {
    '001-core': coreMigration,
    '002-tenant-rekening': tenantRekeningMigration,
    ...engineMigrations(database.dialect),
    '200-ledger': ledgerMigration,
    '202-ledger-financieringsbron': ledgerFinancieringsbronMigration,
    '300-zaken': zakenMigration(database.dialect),
    '301-dossier': dossierMigration(database.dialect),
    '302-werkvoorraad-indexes': werkvoorraadIndexesMigration,
    '320-aanbieders': aanbiedersMigration(database.dialect),
  };
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations(database) };
  // Helpers add migrations in their own number ranges (e.g. 202 after 302 already ran on a dev database):
  // a database runs whatever it has not run yet instead of refusing the list as out of order.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migratie ${failed ?? ''} mislukt: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
