import { afterAll } from 'vitest';
import { embeddedTargetFactory } from './conformance/embedded-target.ts';
import { defineConformanceSuite } from './conformance/scenarios.ts';

// The embedded engine on a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set).
const env = await embeddedTargetFactory();
afterAll(() => env.dispose());
defineConformanceSuite('embedded', env.factory);
