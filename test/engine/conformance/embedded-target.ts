import type { Kysely } from 'kysely';
import { EmbeddedEngine } from '../../../engine/embedded/embedded-engine.ts';
import type { EngineTables } from '../../../engine/embedded/store/tables.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import type { ConformanceTarget } from './harness.ts';

/** One database per test file; engines come and go on it (restart = a new engine object). */
export async function embeddedTargetFactory(options: { hotEngines?: number } = {}): Promise<{ factory: () => Promise<ConformanceTarget>; dispose(): Promise<void> }> {
  const database: TestDatabase = await createTestDatabase();
  const db = database.db as unknown as Kysely<EngineTables>;
  const errors: unknown[] = [];
  const factory = async (): Promise<ConformanceTarget> => {
    const target: ConformanceTarget = {
      engine: new EmbeddedEngine({ db, schedulerIntervalMs: 100, hotEngines: options.hotEngines, onError: (e) => errors.push(e) }),
      async restart() {
        await target.engine.stop();
        target.engine = new EmbeddedEngine({ db, schedulerIntervalMs: 100, hotEngines: options.hotEngines, onError: (e) => errors.push(e) });
        await target.engine.start();
      },
      async close() {
        await target.engine.stop();
      },
    };
    await target.engine.start();
    return target;
  };
  return { factory, dispose: () => database.drop() };
}
