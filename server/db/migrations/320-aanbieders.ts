import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { withSerialId } from './columns.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Shared provider catalogue: aanbieders (platform), contracts per tenant, the aanbieders of a zaak. */
export function aanbiedersMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('aanbieders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('naam', 'text', (c) => c.notNull())
        .addColumn('kvk', 'text', (c) => c.notNull().unique().check(sql`length(kvk) = 8`))
        .addColumn('iban', 'text', (c) => c.notNull())
        .addColumn('diensten', 'text', (c) => c.notNull())
        .addColumn('rollen', 'text', (c) => c.notNull())
        .addColumn('regio', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('omschrijving', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withSerialId(db.schema.createTable('aanbieder_contracten'), dialect)
        .addColumn('aanbieder_id', 'text', (c) => c.notNull().references('aanbieders.id'))
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('regelingen', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('gecontracteerd', 'in-pool', 'in-beoordeling', 'afgewezen', 'beeindigd')`),
        )
        .addColumn('gemeenteklanten', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sinds', 'text', (c) => c.notNull())
        .addColumn('tot', 'text')
        .addColumn('voorgesteld_door', 'text')
        .addColumn('voorgesteld_voor_zaak', 'text', (c) => c.references('zaken.id'))
        .addColumn('toelichting', 'text')
        .addColumn('beoordeeld_door', 'text')
        .addColumn('beoordeeld_at', 'text')
        .addColumn('reden', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One contract row per tenant and aanbieder; its regelingen and status change over time.
        .addUniqueConstraint('aanbieder_contracten_uq', ['tenant_id', 'aanbieder_id'])
        // A refusal always says why (Awb 3:46 in spirit: a decision carries its reasons).
        .addCheckConstraint('aanbieder_contracten_reden_ck', sql`status <> 'afgewezen' or reden is not null`)
        .execute();

      await withSerialId(db.schema.createTable('zaak_aanbieders'), dialect)
        .addColumn('zaak_id', 'text', (c) => c.notNull().references('zaken.id'))
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('aanbieder_id', 'text', (c) => c.notNull().references('aanbieders.id'))
        .addColumn('gekozen_door', 'text', (c) => c.notNull().check(sql`gekozen_door in ('klant', 'klantmanager', 'rib-samen')`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('gekozen', 'gecontracteerd', 'beeindigd')`))
        .addColumn('bedrag_cents', 'bigint', (c) => c.check(sql`bedrag_cents > 0`))
        .addColumn('resultaat', 'text', (c) =>
          c.check(sql`resultaat in ('geplaatst', 'niet-geplaatst', 'afgerond', 'voortijdig-gestopt')`),
        )
        .addColumn('gekozen_at', 'text', (c) => c.notNull())
        .addColumn('gecontracteerd_at', 'text')
        .addColumn('resultaat_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('zaak_aanbieders_uq', ['zaak_id', 'aanbieder_id'])
        .execute();
      await db.schema.createIndex('zaak_aanbieders_aanbieder_idx').on('zaak_aanbieders').columns(['tenant_id', 'aanbieder_id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['zaak_aanbieders', 'aanbieder_contracten', 'aanbieders']) await db.schema.dropTable(t).execute();
    },
  };
}
