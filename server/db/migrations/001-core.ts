import type { Kysely, Migration } from 'kysely';

// Kysely migrations take Kysely<any> by design: they run against past schema versions.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const coreMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('cbs_code', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('klanten')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('bsn', 'text', (c) => c.notNull())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('telefoon', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('klanten_tenant_bsn_uq', ['tenant_id', 'bsn'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.references('tenants.id'))
      .addColumn('klant_id', 'text', (c) => c.references('klanten.id'))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_tenant_idx').on('users').column('tenant_id').execute();

    await db.schema
      .createTable('user_roles')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['sessions', 'user_roles', 'users', 'klanten', 'tenants']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
