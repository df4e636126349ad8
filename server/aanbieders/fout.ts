import { HttpProblem } from '../http/problem.ts';

export type AanbiederFoutCode =
  | 'onbekend'
  | 'niet-in-pool'
  | 'niet-gekozen'
  | 'niet-gecontracteerd'
  | 'al-gecontracteerd'
  | 'resultaat-al-vastgelegd'
  | 'ongeldig-bedrag'
  | 'zaak-afgesloten'
  | 'al-in-catalogus'
  | 'niet-in-beoordeling'
  | 'ongeldig';

const STATUS: Record<AanbiederFoutCode, number> = {
  onbekend: 404,
  ongeldig: 400,
  'ongeldig-bedrag': 400,
  'niet-in-pool': 409,
  'niet-gekozen': 409,
  'niet-gecontracteerd': 409,
  'al-gecontracteerd': 409,
  'resultaat-al-vastgelegd': 409,
  'zaak-afgesloten': 409,
  'al-in-catalogus': 409,
  'niet-in-beoordeling': 409,
};

/**
 * A refused catalogue operation, with a Dutch message for the user (message). Nothing was written.
 * It is an HttpProblem, so a route that lets it through answers problem+json without mapping.
 */
export class AanbiederFout extends HttpProblem {
  constructor(
    readonly code: AanbiederFoutCode,
    message: string,
  ) {
    super(STATUS[code], STATUS[code] === 404 ? 'Niet gevonden' : STATUS[code] === 400 ? 'Ongeldige invoer' : 'Niet mogelijk', message);
    this.name = 'AanbiederFout';
  }
}
