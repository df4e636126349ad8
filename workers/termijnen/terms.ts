import { TermijnError } from './termijn-error.ts';
import { addDays, assertIsoDate, daysBetween, type IsoDate } from './iso-date.ts';
import { addDuration, isZeroDuration, parseDuration, type IsoDuration } from './duration.ts';
import { countWorkingDays, isAtwRestDay, nextWorkingDay } from './atw-calendar.ts';

export { addDuration, parseDuration } from './duration.ts';
export type { Duur, IsoDuration } from './duration.ts';

/**
 * How we count a termijn "na" an event (ontvangst, bekendmaking): the event day is day 0, the
 * termijn begins the next day (Awb 6:8 lid 1 says so for bezwaar; it is the general reading of
 * "binnen … na") and runs for the duration, so its last day is `start + duration`: a besluit sent
 * on Monday has a bezwaartermijn whose last day is a Monday six weeks later.
 */

export type AtwVerlenging =
  | { readonly artikel: 'Atw art. 1'; readonly toelichting: string }
  | { readonly artikel: 'Atw art. 2'; readonly toelichting: string };

export interface WettelijkeTermijn {
  /** The event day (day 0): ontvangst, verzending/bekendmaking. */
  readonly start: IsoDate;
  /** The first day of the termijn: the day after `start`. */
  readonly eersteDag: IsoDate;
  readonly duur: IsoDuration;
  /** `start + duur` on the calendar, before the Algemene termijnenwet. */
  readonly kalenderEinde: IsoDate;
  /** The last day on which the act is on time, after Atw art. 1 and 2. */
  readonly einde: IsoDate;
  /** Why `einde` is later than `kalenderEinde`; null when it is not. */
  readonly verlenging: AtwVerlenging | null;
}

/**
 * Atw art. 2 and art. 1 on a termijn that runs from `eersteDag` through `kalenderEinde`.
 * Art. 2: a termijn of at least three days is extended until it contains two working days.
 * Art. 1: a termijn ending on a Saturday, Sunday or feestdag runs through the next working day.
 * Art. 2's extension always stops on a working day, so art. 1 only acts when art. 2 did not.
 */
export function applyAtw(eersteDag: IsoDate, kalenderEinde: IsoDate): { einde: IsoDate; verlenging: AtwVerlenging | null } {
  const lengthInDays = daysBetween(eersteDag, kalenderEinde) + 1;
  if (lengthInDays >= 3 && countWorkingDays(eersteDag, kalenderEinde, 2) < 2) {
    let einde = kalenderEinde;
    let count = countWorkingDays(eersteDag, kalenderEinde, 2);
    while (count < 2) {
      einde = nextWorkingDay(einde);
      count++;
    }
    return {
      einde,
      verlenging: {
        artikel: 'Atw art. 2',
        toelichting: 'Een termijn van ten minste drie dagen bevat ten minste twee werkdagen.',
      },
    };
  }
  if (isAtwRestDay(kalenderEinde)) {
    return {
      einde: nextWorkingDay(kalenderEinde),
      verlenging: {
        artikel: 'Atw art. 1',
        toelichting: 'De termijn eindigt op een zaterdag, zondag of feestdag en loopt door tot en met de eerstvolgende werkdag.',
      },
    };
  }
  return { einde: kalenderEinde, verlenging: null };
}

/** A termijn set by law (Awb, Participatiewet…): the Algemene termijnenwet applies. */
export function statutoryTerm(start: IsoDate, duration: IsoDuration): WettelijkeTermijn {
  assertIsoDate(start, 'De begindatum van de termijn');
  const duur = parseDuration(duration);
  if (isZeroDuration(duur)) {
    throw new TermijnError('ongeldige-duur', `Een wettelijke termijn van nul dagen (${duration}) bestaat niet. Geef een termijn van ten minste één dag op.`);
  }
  const kalenderEinde = addDuration(start, duur);
  const eersteDag = addDays(start, 1);
  return { start, eersteDag, duur: duration, kalenderEinde, ...applyAtw(eersteDag, kalenderEinde) };
}

/** The last day of a statutory termijn that runs from the day after `start`, Atw applied. */
export function statutoryTermEnd(start: IsoDate, duration: IsoDuration): IsoDate {
  return statutoryTerm(start, duration).einde;
}

/**
 * The gemeente's own servicenorm is a promise, not a termijn "in een wet gesteld", so the Atw
 * does not move it: a servicenorm may end on a Sunday. Kept apart so nobody mixes the two.
 */
export function serviceTermEnd(start: IsoDate, duration: IsoDuration): IsoDate {
  assertIsoDate(start, 'De begindatum van de termijn');
  return addDuration(start, duration);
}

export interface Bezwaartermijn extends WettelijkeTermijn {
  /** The verzenddatum: bekendmaking by sending the besluit (Awb 3:41). */
  readonly verzenddatum: IsoDate;
  /** Last day on which a bezwaarschrift is on time (Awb 6:9), for the bezwaarclausule. */
  readonly uiterlijkeReactiedatum: IsoDate;
}

/** Awb 6:7: six weeks. */
export const BEZWAARTERMIJN: IsoDuration = 'P6W';

/**
 * Bezwaartermijn after a besluit sent on `verzenddatum`. Awb 6:8 lid 1: the termijn begins
 * "met ingang van de dag na" bekendmaking, so day 1 is verzenddatum + 1; six weeks of days
 * 1 … 42 end on verzenddatum + 42 (the same weekday as the verzending). Then Atw art. 1.
 * Note: "verzenddatum + 1 day + 6 weeks" read as date arithmetic gives day 43, one day too late.
 */
export function bezwaartermijn(verzenddatum: IsoDate): Bezwaartermijn {
  assertIsoDate(verzenddatum, 'De verzenddatum');
  const termijn = statutoryTerm(verzenddatum, BEZWAARTERMIJN);
  return { ...termijn, verzenddatum, uiterlijkeReactiedatum: termijn.einde };
}

/** Awb 7:10 lid 1: the beslistermijn op bezwaar is six weeks, twelve when an adviescommissie (7:13) advises. */
export const BESLISTERMIJN_BEZWAAR: IsoDuration = 'P6W';
export const BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE: IsoDuration = 'P12W';
/** Awb 7:10 lid 3: the bestuursorgaan may postpone once, by at most six weeks. */
export const VERDAGING_BEZWAAR: IsoDuration = 'P6W';

export interface BezwaarBeslistermijn extends WettelijkeTermijn {
  /** The bezwaartermijn of the contested besluit (Awb 6:7, 6:8, Atw). */
  readonly bezwaartermijn: Bezwaartermijn;
  /** The day the bezwaarschrift was received (Awb 6:9). */
  readonly ontvangen: IsoDate;
  /** Received after the last day of the bezwaartermijn (the bezwaar is then niet-ontvankelijk unless verschoonbaar, 6:11). */
  readonly naTermijnOntvangen: boolean;
  /** The last day for the beslissing op bezwaar, before any verdaging (= `einde`). */
  readonly uiterlijkeBeslisdatum: IsoDate;
}

/**
 * Awb 7:10 lid 1: the beslissing op bezwaar is due six weeks (twelve with an adviescommissie as in
 * 7:13) "gerekend vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is
 * verstreken". Day 0 (`start`) is the last day of the bezwaartermijn, already extended by the Atw;
 * the term runs from the next day and the Atw applies to its end as well.
 * **Reading:** a bezwaarschrift received after the bezwaartermijn cannot make a term run before it
 * exists; its beslistermijn runs from the day after receipt (docs/termijnen.md).
 */
export function bezwaarBeslistermijn(input: { verzenddatum: IsoDate; ontvangen: IsoDate; adviescommissie?: boolean }): BezwaarBeslistermijn {
  assertIsoDate(input.ontvangen, 'De ontvangstdatum van het bezwaar');
  const termijn = bezwaartermijn(input.verzenddatum);
  const naTermijnOntvangen = input.ontvangen > termijn.uiterlijkeReactiedatum;
  const start = naTermijnOntvangen ? input.ontvangen : termijn.uiterlijkeReactiedatum;
  const beslistermijn = statutoryTerm(start, input.adviescommissie ? BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE : BESLISTERMIJN_BEZWAAR);
  return { ...beslistermijn, bezwaartermijn: termijn, ontvangen: input.ontvangen, naTermijnOntvangen, uiterlijkeBeslisdatum: beslistermijn.einde };
}
