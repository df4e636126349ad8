import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

export type EngineDialect = 'sqlite' | 'postgres';

// The engine may not import server/: its own auto-increment helper.
function serialId<T extends string>(table: CreateTableBuilder<T, never>, dialect: EngineDialect): CreateTableBuilder<T, never> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

// Kysely migrations take Kysely<any> by design: they run against past schema versions.
/* eslint-disable @typescript-eslint/no-explicit-any */
function engineTables(dialect: EngineDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('engine_deployments')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('resource_name', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('xml', 'text', (c) => c.notNull())
        .addColumn('deployed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('engine_deployments_version_uq', ['tenant_id', 'bpmn_process_id', 'version'])
        .execute();

      await db.schema
        .createTable('engine_forms')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('form_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('resource_name', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('schema', 'text', (c) => c.notNull())
        .addColumn('deployed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('engine_forms_version_uq', ['tenant_id', 'form_id', 'version'])
        .execute();

      await db.schema
        .createTable('engine_instances')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('deployment_key', 'text', (c) => c.notNull().references('engine_deployments.key'))
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('state', 'text')
        .addColumn('variables', 'text', (c) => c.notNull())
        .addColumn('parent_key', 'text')
        .addColumn('parent_execution_id', 'text')
        .addColumn('parent_element_id', 'text')
        .addColumn('parent_pending', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('engine_instances_tenant_idx').on('engine_instances').columns(['tenant_id', 'bpmn_process_id', 'status']).execute();
      await db.schema.createIndex('engine_instances_parent_idx').on('engine_instances').columns(['parent_key']).execute();

      await db.schema
        .createTable('engine_jobs')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('instance_key', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('listener', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('retries', 'integer', (c) => c.notNull())
        .addColumn('custom_headers', 'text', (c) => c.notNull())
        .addColumn('variables', 'text', (c) => c.notNull())
        .addColumn('error_message', 'text')
        .addColumn('available_at', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text')
        .addColumn('worker', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('engine_jobs_activate_idx').on('engine_jobs').columns(['type', 'state', 'available_at']).execute();
      await db.schema.createIndex('engine_jobs_instance_idx').on('engine_jobs').columns(['instance_key']).execute();

      await db.schema
        .createTable('engine_user_tasks')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('instance_key', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('deployment_key', 'text', (c) => c.notNull())
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('phase', 'text')
        .addColumn('form_id', 'text')
        .addColumn('form_key', 'text')
        .addColumn('assignee', 'text')
        .addColumn('candidate_groups', 'text', (c) => c.notNull())
        .addColumn('candidate_users', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('follow_up_date', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('variables', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('completed_by', 'text')
        .execute();
      await db.schema.createIndex('engine_user_tasks_tenant_idx').on('engine_user_tasks').columns(['tenant_id', 'state', 'assignee']).execute();
      await db.schema.createIndex('engine_user_tasks_instance_idx').on('engine_user_tasks').columns(['instance_key']).execute();

      await db.schema
        .createTable('engine_timers')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('instance_key', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('engine_timers_due_idx').on('engine_timers').columns(['state', 'due_at']).execute();
      await db.schema.createIndex('engine_timers_instance_idx').on('engine_timers').columns(['instance_key']).execute();

      await db.schema
        .createTable('engine_subscriptions')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('instance_key', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('message_name', 'text', (c) => c.notNull())
        .addColumn('correlation_key', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('engine_subscriptions_match_idx')
        .on('engine_subscriptions')
        .columns(['tenant_id', 'message_name', 'correlation_key', 'state'])
        .execute();
      await db.schema.createIndex('engine_subscriptions_instance_idx').on('engine_subscriptions').columns(['instance_key']).execute();

      await db.schema
        .createTable('engine_messages')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('correlation_key', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('variables', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('engine_messages_match_idx')
        .on('engine_messages')
        .columns(['tenant_id', 'name', 'correlation_key', 'state'])
        .execute();
      await db.schema.createIndex('engine_messages_id_idx').on('engine_messages').columns(['tenant_id', 'name', 'message_id']).execute();

      await db.schema
        .createTable('engine_incidents')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('instance_key', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('bpmn_process_id', 'text', (c) => c.notNull())
        .addColumn('element_id', 'text')
        .addColumn('job_key', 'text')
        .addColumn('error_type', 'text', (c) => c.notNull())
        .addColumn('error_message', 'text', (c) => c.notNull())
        .addColumn('pending_action', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('engine_incidents_tenant_idx').on('engine_incidents').columns(['tenant_id', 'state']).execute();
      await db.schema.createIndex('engine_incidents_instance_idx').on('engine_incidents').columns(['instance_key']).execute();

      await serialId(db.schema.createTable('engine_events'), dialect)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('bpmn_process_id', 'text')
        .addColumn('version', 'integer')
        .addColumn('instance_key', 'text')
        .addColumn('element_id', 'text')
        .addColumn('element_type', 'text')
        .addColumn('phase', 'text')
        .addColumn('subject_key', 'text')
        .addColumn('actor', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // Doorlooptijden: tenant × process × element × time; and the per-instance history.
      await db.schema
        .createIndex('engine_events_lead_time_idx')
        .on('engine_events')
        .columns(['tenant_id', 'bpmn_process_id', 'element_id', 'occurred_at'])
        .execute();
      await db.schema.createIndex('engine_events_instance_idx').on('engine_events').columns(['instance_key', 'id']).execute();
      await db.schema.createIndex('engine_events_type_idx').on('engine_events').columns(['tenant_id', 'type', 'occurred_at']).execute();
    },
  };
}

/** Engine migrations, keyed by globally ordered names ("100-…" sort after the server's "001-…"). */
export function engineMigrations(dialect: EngineDialect): Record<string, Migration> {
  return { '100-engine': engineTables(dialect) };
}
