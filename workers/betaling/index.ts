export * from './bedrag.ts';
export * from './types.ts';
export * from './port.ts';
export * from './regels.ts';
export { weigeringen } from './berichten.ts';
export { betaling, verzoekHash, type BetalingJob, type BetalingResultaat } from './handler.ts';
