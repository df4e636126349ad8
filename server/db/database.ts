import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type PgModule from 'pg';
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

/** pg is loaded only for a postgres:// URL: on SQLite it would cost the process ~10 MB of memory for nothing. */
function loadPg(): typeof PgModule {
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
  // int8 (bigserial ids, count(*)) as JS numbers: our ids stay far below 2^53.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return pg;
}

export function createDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    const pg = loadPg();
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
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs as much as
 * running a small statement. Statements are reused by their SQL text (Kysely
 * uses one connection behind a mutex, so a statement is never in use twice).
 */
function withStatementCache(sqlite: SQLite.Database, max = 256): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(source: string) {
      let stmt = statements.get(source);
      if (stmt) {
        statements.delete(source);
      } else {
        stmt = sqlite.prepare(source);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      }
      statements.set(source, stmt);
      return stmt;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

/** Cheap round trip used by the health check. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
