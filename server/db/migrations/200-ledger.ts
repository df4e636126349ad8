import { sql, type Kysely, type Migration } from 'kysely';

// Kysely migrations take Kysely<any> by design: they run against past schema versions.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Budget ledger: toekenning → verplichtingen → betalingen → batches. Amounts are
 * integer cents with CHECKs, so even a bug in code cannot store a negative or zero payment.
 * zaak_id has no foreign key yet (there is no zaken table); tenant_id references tenants.
 */
export const ledgerMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('toekenningen')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('zaak_id', 'text', (c) => c.notNull())
      .addColumn('bedrag_cents', 'bigint', (c) => c.notNull().check(sql`bedrag_cents >= 0`))
      .addColumn('besluit_ref', 'text', (c) => c.notNull())
      .addColumn('klant_naam', 'text')
      .addColumn('klant_iban', 'text')
      .addColumn('vervangt_id', 'text', (c) => c.references('toekenningen.id'))
      .addColumn('vervangen_door', 'text')
      .addColumn('vervangen_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('toekenningen_besluit_uq', ['tenant_id', 'zaak_id', 'besluit_ref'])
      .execute();
    // At most one current toekenning per zaak (partial index: SQLite and PostgreSQL both support it).
    await db.schema
      .createIndex('toekenningen_huidig_uq')
      .on('toekenningen')
      .columns(['tenant_id', 'zaak_id'])
      .unique()
      .where(sql.ref('vervangen_door'), 'is', null)
      .execute();

    await db.schema
      .createTable('verplichtingen')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('zaak_id', 'text', (c) => c.notNull())
      .addColumn('soort', 'text', (c) => c.notNull().check(sql`soort in ('offerte', 'contract', 'begrotingsregel')`))
      .addColumn('omschrijving', 'text', (c) => c.notNull())
      .addColumn('payee_naam', 'text')
      .addColumn('iban', 'text')
      .addColumn('kvk', 'text')
      .addColumn('bedrag_cents', 'bigint', (c) => c.notNull().check(sql`bedrag_cents > 0`))
      .addColumn('bekostiging', 'text', (c) => c.notNull().check(sql`bekostiging in ('vast', 'no-cure-less-pay')`))
      .addColumn('start_aandeel_bp', 'integer', (c) => c.check(sql`start_aandeel_bp between 0 and 10000`))
      .addColumn('approved_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('verplichtingen_zaak_idx').on('verplichtingen').columns(['tenant_id', 'zaak_id']).execute();

    await db.schema
      .createTable('batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('aantal', 'integer', (c) => c.notNull().check(sql`aantal > 0`))
      .addColumn('totaal_cents', 'bigint', (c) => c.notNull().check(sql`totaal_cents > 0`))
      .addColumn('uitvoeringsdatum', 'text', (c) => c.notNull())
      .addColumn('pain001', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('betaald_at', 'text')
      .execute();
    await db.schema.createIndex('batches_tenant_idx').on('batches').columns(['tenant_id', 'created_at']).execute();

    await db.schema
      .createTable('betalingen')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('verzoek_hash', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('zaak_id', 'text', (c) => c.notNull())
      .addColumn('verplichting_id', 'text', (c) => c.references('verplichtingen.id'))
      .addColumn('soort', 'text', (c) => c.notNull().check(sql`soort in ('factuur', 'declaratie', 'termijn')`))
      .addColumn('termijn', 'text', (c) => c.check(sql`termijn in ('start', 'resultaat')`))
      .addColumn('referentie', 'text')
      .addColumn('omschrijving', 'text')
      .addColumn('payee_naam', 'text', (c) => c.notNull())
      .addColumn('iban', 'text', (c) => c.notNull())
      .addColumn('kvk', 'text')
      .addColumn('bedrag_cents', 'bigint', (c) => c.notNull().check(sql`bedrag_cents > 0`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('voorgesteld', 'goedgekeurd', 'in-batch', 'betaald', 'afgewezen')`),
      )
      .addColumn('reden_code', 'text')
      .addColumn('reden', 'text')
      .addColumn('ingediend_door', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('batch_id', 'text', (c) => c.references('batches.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // A payment in a batch (or paid) always names its batch; one outside never does.
      .addCheckConstraint(
        'betalingen_batch_ck',
        sql`(status in ('in-batch', 'betaald')) = (batch_id is not null)`,
      )
      .execute();
    await db.schema.createIndex('betalingen_zaak_idx').on('betalingen').columns(['tenant_id', 'zaak_id']).execute();
    await db.schema.createIndex('betalingen_status_idx').on('betalingen').columns(['tenant_id', 'status']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['betalingen', 'batches', 'verplichtingen', 'toekenningen']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
