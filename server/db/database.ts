import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { EngineTables } from '../../engine/embedded/store/tables.ts';
import type { ZaakTables } from '../zaken/tables.ts';
import type { DossierTables } from '../dossier/tables.ts';
import type { AanbiederTables } from '../aanbieders/tables.ts';
import type { CoreTables } from './schema.ts';

export type Tables = CoreTables & EngineTables & ZaakTables & DossierTables & AanbiederTables;
export type Db = Kysely<Tables>;
export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** SQLite file name inside dataDir; ':memory:' for a throwaway database. */
  sqliteFile?: string;
  /** PostgreSQL: told when an idle pooled connection is closed by the server (it is replaced). */
  onIdleConnectionError?: (err: Error) => void;
}

// int8 (bigserial ids, count(*)) as JS numbers: our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function createDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (restart, failover, admin) is dropped by the pool and
    // replaced on the next query; without a listener its 'error' event would crash the process.
    pool.on('error', (err) => opts.onIdleConnectionError?.(err));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? 'regie.sqlite';
  let location = file;
  if (file !== ':memory:') {
    const dir = opts.dataDir ?? 'data';
    mkdirSync(dir, { recursive: true });
    location = path.join(dir, file);
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed step must survive power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Cheap round trip used by the health check. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
