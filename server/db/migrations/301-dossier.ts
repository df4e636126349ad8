import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function dossierMigration(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('documenten')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('zaak_id', 'text', (c) => c.notNull().references('zaken.id'))
        .addColumn('soort', 'text', (c) => c.notNull())
        .addColumn('titel', 'text', (c) => c.notNull())
        .addColumn('bestandsnaam', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('inhoud', blob as 'blob', (c) => c.notNull())
        .addColumn('grootte', 'integer', (c) => c.notNull())
        .addColumn('zichtbaar_voor_klant', 'integer', (c) => c.notNull())
        .addColumn('door', 'text', (c) => c.notNull())
        .addColumn('aangemaakt', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('documenten_zaak_idx').on('documenten').columns(['tenant_id', 'zaak_id']).execute();

      await db.schema
        .createTable('berichten')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('ontvanger', 'text', (c) => c.notNull())
        .addColumn('zaak_id', 'text', (c) => c.references('zaken.id'))
        .addColumn('onderwerp', 'text', (c) => c.notNull())
        .addColumn('tekst', 'text', (c) => c.notNull())
        .addColumn('aangemaakt', 'text', (c) => c.notNull())
        .addColumn('gelezen_op', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('berichten_ontvanger_idx').on('berichten').columns(['tenant_id', 'ontvanger', 'aangemaakt']).execute();

      await db.schema
        .createTable('contactmomenten')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('zaak_id', 'text', (c) => c.notNull().references('zaken.id'))
        .addColumn('soort', 'text', (c) => c.notNull())
        .addColumn('datum', 'text', (c) => c.notNull())
        .addColumn('samenvatting', 'text', (c) => c.notNull())
        .addColumn('door', 'text', (c) => c.notNull())
        .addColumn('aangemaakt', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contactmomenten_zaak_idx').on('contactmomenten').columns(['tenant_id', 'zaak_id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['contactmomenten', 'berichten', 'documenten']) await db.schema.dropTable(t).execute();
    },
  };
}
