import { addDays, assertIsoDate, daysBetween, minDate, type IsoDate } from './iso-date.ts';
import { statutoryTermEnd } from './terms.ts';

/**
 * Awb 4:17: dwangsom bij niet tijdig beslissen op een aanvraag. All amounts in integer cents.
 */

/** Lid 2: per day, €23 for days 1–14, €35 for days 15–28, €45 for days 29–42. */
export const DWANGSOM_DAGTARIEVEN_CENTEN = [2300, 3500, 4500] as const;
/** Lid 1: at most 42 days; the Atw does not apply to these 42 days. */
export const DWANGSOM_MAXIMUM_DAGEN = 42;
/** 14 × €23 + 14 × €35 + 14 × €45 = €1.442. */
export const DWANGSOM_MAXIMUM_CENTEN = 144_200;

export type DwangsomStatus =
  /** Ingebrekestelling received before the beslistermijn expired: it has no legal effect. */
  | 'voorbarig'
  /** Within the two weeks after the ingebrekestelling: the gemeente can still decide without cost. */
  | 'nog-niet-verbeurd'
  | 'loopt'
  | 'maximum-bereikt'
  /** The beschikking was given; whatever accrued until then is owed (vaststelling: Awb 4:18). */
  | 'beeindigd';

export interface DwangsomInput {
  /** The last day of the beslistermijn, Atw, opschorting and verdaging applied. */
  readonly uiterlijkeEinddatumAfdoening: IsoDate;
  /** The day the gemeente received the written ingebrekestelling. */
  readonly ingebrekestellingOntvangen: IsoDate;
  /** The day the beschikking was given (bekendgemaakt); absent while still undecided. */
  readonly beschikkingGegeven?: IsoDate | null | undefined;
  readonly peildatum: IsoDate;
}

export interface DwangsomRisico {
  readonly status: DwangsomStatus;
  /** First day of dwangsom (Awb 4:17 lid 3); null when the ingebrekestelling is voorbarig. */
  readonly eersteDag: IsoDate | null;
  /** The 42nd day: after it nothing more accrues. */
  readonly laatsteMogelijkeDag: IsoDate | null;
  /** Days accrued up to and including the peildatum. */
  readonly dagen: number;
  readonly bedragCenten: number;
  /** What one more day of delay costs now; 0 when nothing (more) accrues. */
  readonly dagtariefCenten: number;
  readonly maximumCenten: number;
}

/** Amount for `days` accrued days, per the three bands of lid 2. */
export function dwangsomBedragCenten(days: number): number {
  const d = Math.max(0, Math.min(days, DWANGSOM_MAXIMUM_DAGEN));
  const [t1, t2, t3] = DWANGSOM_DAGTARIEVEN_CENTEN;
  return Math.min(d, 14) * t1 + Math.max(0, Math.min(d, 28) - 14) * t2 + Math.max(0, d - 28) * t3;
}

function dagtarief(dayIndex: number): number {
  if (dayIndex >= DWANGSOM_MAXIMUM_DAGEN) return 0;
  return DWANGSOM_DAGTARIEVEN_CENTEN[Math.floor(dayIndex / 14)] ?? 0;
}

/**
 * Lid 3: the first dwangsom day is "de dag waarop twee weken zijn verstreken na de dag waarop de
 * termijn … is verstreken en het bestuursorgaan … een schriftelijke ingebrekestelling heeft
 * ontvangen". Our reading: the trigger day is the receipt day (it must fall after the last day of
 * the beslistermijn, else the ingebrekestelling is premature); the two weeks are days 1–14 after
 * it, extended by the Atw (lid 1 excludes the Atw only for the 42 days); the dwangsom runs from
 * the next day. The day the beschikking is given no longer counts: the gemeente is then no longer
 * "in gebreke".
 */
export function dwangsomRisico(input: DwangsomInput): DwangsomRisico {
  const { uiterlijkeEinddatumAfdoening: einde, ingebrekestellingOntvangen: ontvangen, peildatum } = input;
  assertIsoDate(einde, 'De uiterlijke einddatum');
  assertIsoDate(ontvangen, 'De ontvangstdatum van de ingebrekestelling');
  assertIsoDate(peildatum, 'De peildatum');
  const gegeven = input.beschikkingGegeven ?? null;
  if (gegeven !== null) assertIsoDate(gegeven, 'De datum van de beschikking');
  const base = { maximumCenten: DWANGSOM_MAXIMUM_CENTEN } as const;

  if (ontvangen <= einde) {
    return { ...base, status: 'voorbarig', eersteDag: null, laatsteMogelijkeDag: null, dagen: 0, bedragCenten: 0, dagtariefCenten: 0 };
  }
  const eersteDag = addDays(statutoryTermEnd(ontvangen, 'P2W'), 1);
  const laatsteMogelijkeDag = addDays(eersteDag, DWANGSOM_MAXIMUM_DAGEN - 1);
  let laatsteDag = minDate(peildatum, laatsteMogelijkeDag);
  if (gegeven !== null) laatsteDag = minDate(laatsteDag, addDays(gegeven, -1));
  const dagen = Math.max(0, daysBetween(eersteDag, laatsteDag) + 1);
  const bedragCenten = dwangsomBedragCenten(dagen);

  const status: DwangsomStatus =
    gegeven !== null && gegeven <= peildatum
      ? 'beeindigd'
      : peildatum < eersteDag
        ? 'nog-niet-verbeurd'
        : dagen >= DWANGSOM_MAXIMUM_DAGEN
          ? 'maximum-bereikt'
          : 'loopt';
  const dagtariefCenten = status === 'beeindigd' ? 0 : dagtarief(dagen);
  return { ...base, status, eersteDag, laatsteMogelijkeDag, dagen, bedragCenten, dagtariefCenten };
}

/**
 * Awb 4:18: the bestuursorgaan fixes the dwangsom owed by beschikking "binnen twee weken na de
 * laatste dag waarover de dwangsom verschuldigd was" (a statutory term: the Atw applies). That
 * last day is the day before the beschikking, or the 42nd day. Null while the dwangsom still
 * accrues, and when nothing is owed.
 */
export function dwangsomVaststellenUiterlijk(risico: DwangsomRisico, beschikkingGegeven: IsoDate | null): IsoDate | null {
  if (risico.bedragCenten === 0 || risico.laatsteMogelijkeDag === null) return null;
  let laatsteDag: IsoDate;
  if (risico.status === 'beeindigd' && beschikkingGegeven !== null) laatsteDag = minDate(addDays(beschikkingGegeven, -1), risico.laatsteMogelijkeDag);
  else if (risico.status === 'maximum-bereikt') laatsteDag = risico.laatsteMogelijkeDag;
  else return null;
  return statutoryTermEnd(laatsteDag, 'P2W');
}
