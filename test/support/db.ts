import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export interface TestDatabase extends Database {
  /** Connection settings to open the same database again (e.g. from a child process). */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Closes and removes the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database per call: a SQLite file in a temp dir, or — when
 * DATABASE_URL is set — a new PostgreSQL database on that server, so test files
 * can run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-test-'));
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropPg: (() => Promise<void>) | undefined;
  if (baseUrl) {
    const name = `regie_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const database = createDatabase({ databaseUrl, dataDir });
  if (opts.migrate !== false) await migrateToLatest(database);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  return {
    ...database,
    close,
    databaseUrl,
    dataDir,
    async drop() {
      await close();
      if (dropPg) await dropPg();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
