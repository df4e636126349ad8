export { maakBeschikking } from './pdf.ts';
export { beschikkingTekst, controleerBeschikking, datumLang, BeschikkingFout } from './tekst.ts';
export type { Afwijzingsbesluit, BeschikkingInput, BeschikkingOpties, Herroepingsbesluit, Toekenningsbesluit } from './types.ts';
export { beschikking, type BeschikkingJob, type DocumentPort } from './handler.ts';
