import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { withSerialId } from './columns.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function zakenMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('zaken')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('identificatie', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('regeling', 'text', (c) => c.notNull())
        .addColumn('klant_id', 'text', (c) => c.notNull().references('klanten.id'))
        .addColumn('hoofdzaak_id', 'text', (c) => c.references('zaken.id'))
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('process_instance_key', 'text', (c) => c.unique())
        .addColumn('policy_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('doorlooptijd', 'text', (c) => c.notNull())
        .addColumn('servicenorm', 'text', (c) => c.notNull())
        .addColumn('startdatum', 'text', (c) => c.notNull())
        .addColumn('einddatum', 'text')
        .addColumn('resultaat', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('zaken_tenant_identificatie_uq', ['tenant_id', 'identificatie'])
        .execute();
      await db.schema.createIndex('zaken_tenant_regeling_idx').on('zaken').columns(['tenant_id', 'regeling', 'startdatum']).execute();
      await db.schema.createIndex('zaken_klant_idx').on('zaken').column('klant_id').execute();

      await withSerialId(db.schema.createTable('zaak_events'), dialect)
        .addColumn('zaak_id', 'text', (c) => c.notNull().references('zaken.id'))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('zaak_events_zaak_idx').on('zaak_events').columns(['zaak_id', 'id']).execute();
      await db.schema.createIndex('zaak_events_tenant_type_idx').on('zaak_events').columns(['tenant_id', 'type', 'occurred_at']).execute();

      await db.schema
        .createTable('zaak_volgnummers')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('regeling', 'text', (c) => c.notNull())
        .addColumn('jaar', 'integer', (c) => c.notNull())
        .addColumn('laatste', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('zaak_volgnummers_pk', ['tenant_id', 'regeling', 'jaar'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['zaak_volgnummers', 'zaak_events', 'zaken']) await db.schema.dropTable(t).execute();
    },
  };
}
