/** Public surface of the engine: the port and the embedded adapter. */
export * from './port.ts';
export { EmbeddedEngine, type EmbeddedEngineOptions } from './embedded/embedded-engine.ts';
export { engineMigrations, type EngineDialect } from './embedded/store/migrations.ts';
export type { EngineTables } from './embedded/store/tables.ts';
export { camundaShims } from './embedded/feel.ts';
