export { buildPain001, overboekingenVoor, sepaTekst, SepaFout, type Opdrachtgever, type Overboeking, type Pain001, type Pain001Input } from './pain001.ts';
