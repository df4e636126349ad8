import { afterAll } from 'vitest';
import { embeddedTargetFactory } from './conformance/embedded-target.ts';
import { defineConformanceSuite } from './conformance/scenarios.ts';

// Same scenarios with every instance evicted at each commit (no hot engines): every step recovers from the database.
const env = await embeddedTargetFactory({ hotEngines: 0 });
afterAll(() => env.dispose());
defineConformanceSuite('embedded, evict at every wait', env.factory);
