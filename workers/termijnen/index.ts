/** Termijnen: the Atw calendar, statutory and service terms, and the zaak clock. Pure, no I/O. */
export * from './termijn-error.ts';
export * from './iso-date.ts';
export * from './duration.ts';
export * from './atw-calendar.ts';
export {
  applyAtw,
  statutoryTerm,
  statutoryTermEnd,
  serviceTermEnd,
  bezwaartermijn,
  BEZWAARTERMIJN,
  bezwaarBeslistermijn,
  BESLISTERMIJN_BEZWAAR,
  BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE,
  VERDAGING_BEZWAAR,
} from './terms.ts';
export type { AtwVerlenging, WettelijkeTermijn, Bezwaartermijn, BezwaarBeslistermijn } from './terms.ts';
export * from './dwangsom.ts';
export * from './case-clock.ts';
