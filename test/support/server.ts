import path from 'node:path';
import { startRegie, type RunningRegie, type StartOptions } from '../../server/start.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestServer extends RunningRegie {
  testDb: TestDatabase;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/**
 * A Regie server on a free port with a fresh database (SQLite, or PostgreSQL
 * when DATABASE_URL is set) and the demo data. The UI is served from ui/dist,
 * which test/run.mjs builds once before the suite.
 */
export async function startTestServer(opts: Partial<StartOptions> = {}): Promise<TestServer> {
  const testDb = await createTestDatabase({ migrate: false });
  // The test database object is only used for its location; the server opens its own connection.
  await testDb.close();
  const regie = await startRegie({
    port: 0,
    host: '127.0.0.1',
    dataDir: testDb.dataDir,
    databaseUrl: testDb.databaseUrl,
    demo: true,
    demoZaken: false,
    reminders: false,
    logLevel: 'silent',
    buildUi: false,
    uiDistDir: path.resolve('ui/dist'),
    ...opts,
  });
  return {
    ...regie,
    testDb,
    async stop() {
      await regie.close();
      await testDb.drop();
    },
  };
}
