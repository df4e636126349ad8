import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for the werkvoorraad query (server/tasks/werkvoorraad-query.ts), which reads the
 * embedded engine's task table. They live here, not in the engine's own migration, because
 * they serve a server read: tenant + open state, then due date (overdue, due within N days,
 * and the sort by due date), or phase first for the fase filter.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export const werkvoorraadIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('engine_user_tasks_werkvoorraad_idx')
      .on('engine_user_tasks')
      .columns(['tenant_id', 'state', 'due_date', 'created_at'])
      .execute();
    await db.schema
      .createIndex('engine_user_tasks_fase_idx')
      .on('engine_user_tasks')
      .columns(['tenant_id', 'state', 'phase', 'due_date'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('engine_user_tasks_fase_idx').execute();
    await db.schema.dropIndex('engine_user_tasks_werkvoorraad_idx').execute();
  },
};
