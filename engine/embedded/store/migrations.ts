import type { Migration } from 'kysely';

export type EngineDialect = 'sqlite' | 'postgres';

/** Engine migrations, keyed by globally ordered names ("100-…" sort after the server's "001-…"). */
export function engineMigrations(_dialect: EngineDialect): Record<string, Migration> {
  return {};
}
