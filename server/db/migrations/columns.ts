import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { DialectName } from '../database.ts';

/** Auto-increment integer primary key: ordered ids for append-only tables such as events. */
export function withSerialId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
  column = 'id',
): CreateTableBuilder<T, never> {
  return dialect === 'postgres'
    ? table.addColumn(column, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn(column, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
