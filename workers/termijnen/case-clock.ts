import { TermijnError } from './termijn-error.ts';
import {
  addDays,
  assertIsoDate,
  daysBetween,
  fromDayNumber,
  maxDate,
  toDayNumber,
  todayInAmsterdam,
  type IsoDate,
} from './iso-date.ts';
import { addDuration, parseDuration, type IsoDuration } from './duration.ts';
import { countWorkingDays } from './atw-calendar.ts';
import { applyAtw, type AtwVerlenging } from './terms.ts';
import { dwangsomRisico, type DwangsomRisico } from './dwangsom.ts';

/**
 * The ZGW-aligned zaak clock (DESIGN §5): einddatumGepland from the gemeente's servicenorm,
 * uiterlijkeEinddatumAfdoening from the statutory doorlooptijd, moved by opschorting (Awb 4:15)
 * and one verdaging (Awb 4:14), with the Atw applied to the statutory date only.
 */

export interface ZaaktypeNormen {
  /** The statutory beslistermijn, e.g. P8W (Awb 4:13 lid 2). */
  readonly doorlooptijd: IsoDuration;
  /** The gemeente's own promise; never longer than the doorlooptijd. */
  readonly servicenorm: IsoDuration;
  /** The longest verdaging this zaaktype allows (e.g. P6W for bezwaar, Awb 7:10 lid 3). */
  readonly verdagingstermijn?: IsoDuration | undefined;
}

export interface Opschorting {
  /** The day the aanvrager was asked to complete the aanvraag (Awb 4:5); suspension starts the day after. */
  readonly van: IsoDate;
  /**
   * The day the aanvraag was completed, or the day after the last day of an unused hersteltermijn
   * (see `hersteltermijnVerstreken`); the clock runs again from this day. Null while still open.
   */
  readonly tot: IsoDate | null;
  readonly reden: string;
}

export interface Verdaging {
  /** The day the aanvrager was told (Awb 4:14 lid 3: before the termijn ends). */
  readonly datum: IsoDate;
  readonly termijn: IsoDuration;
  readonly reden: string;
}

export interface ZaakFeiten {
  /** Receipt of the aanvraag: day 0 of the beslistermijn, unless `beslistermijnVanaf` says otherwise. */
  readonly startdatum: IsoDate;
  /**
   * Day 0 of the beslistermijn when the law counts it from a later day than the receipt: for a
   * bezwaar the last day of the bezwaartermijn (Awb 7:10 lid 1, `bezwaarBeslistermijn`). The term
   * and the servicenorm run from the next day. Never before `startdatum`.
   */
  readonly beslistermijnVanaf?: IsoDate | undefined;
  readonly opschortingen: readonly Opschorting[];
  readonly verdaging?: Verdaging | undefined;
  /** The day the beschikking was given (bekendgemaakt); stops the clock and the dwangsom. */
  readonly einddatum?: IsoDate | null | undefined;
  /** Awb 4:17: the day the written ingebrekestelling was received. */
  readonly ingebrekestelling?: { readonly ontvangen: IsoDate } | undefined;
}

export type KlokStatus = 'op-tijd' | 'servicenorm-overschreden' | 'termijn-verlopen';

export interface ZaakKlok {
  readonly startdatum: IsoDate;
  /** Day 0 of the beslistermijn: `startdatum`, or the later day the law counts from (bezwaar). */
  readonly beslistermijnVanaf: IsoDate;
  /** The peildatum the state below describes. */
  readonly peildatum: IsoDate;
  /** beslistermijnVanaf + servicenorm + opgeschorte dagen; no Atw (a servicenorm is no statutory termijn). */
  readonly einddatumGepland: IsoDate;
  /** beslistermijnVanaf + doorlooptijd (+ verdaging) + opgeschorte dagen, then Atw art. 1 and 2. */
  readonly uiterlijkeEinddatumAfdoening: IsoDate;
  /** The same before the Atw; differs when the termijn ends on a weekend or feestdag. */
  readonly uiterlijkeEinddatumAfdoeningKalender: IsoDate;
  readonly atwVerlenging: AtwVerlenging | null;
  /** Suspended days that moved the uiterlijke einddatum (up to the peildatum for an open one). */
  readonly opgeschorteDagen: number;
  /** An opschorting runs on the peildatum: the clock is paused. */
  readonly opgeschort: boolean;
  /** The dates assume an open opschorting ends the day after the peildatum; they move daily. */
  readonly voorlopig: boolean;
  readonly verdaagd: boolean;
  readonly afgehandeld: boolean;
  /** On the peildatum, or for an afgehandelde zaak on its einddatum. */
  readonly status: KlokStatus;
  /** Calendar days from the peildatum (or einddatum) to the date; negative when past. */
  readonly dagenTotEinddatumGepland: number;
  readonly dagenTotUiterlijkeEinddatum: number;
  /** Working days after the peildatum up to and including the uiterlijke einddatum; 0 when past. */
  readonly werkdagenTotUiterlijkeEinddatum: number;
  readonly dwangsom: DwangsomRisico | null;
}

/** For an unused hersteltermijn: the suspension covers its last day, the clock resumes the next. */
export function hersteltermijnVerstreken(laatsteDagHersteltermijn: IsoDate): IsoDate {
  assertIsoDate(laatsteDagHersteltermijn, 'De laatste dag van de hersteltermijn');
  return addDays(laatsteDagHersteltermijn, 1);
}

// Every start day of a leap cycle, so month lengths and 29 February all get compared.
const CYCLE_START = toDayNumber('2024-01-01');
const CYCLE_DAYS = 4 * 365 + 1;

const neverLongerCache = new Map<string, boolean>();

/** Is `shorter` never longer than `longer`, whatever day it starts on? Cached: a dashboard asks per zaak. */
function neverLonger(shorter: IsoDuration, longer: IsoDuration): boolean {
  const key = `${shorter}|${longer}`;
  const cached = neverLongerCache.get(key);
  if (cached !== undefined) return cached;
  const a = parseDuration(shorter);
  const b = parseDuration(longer);
  let result = true;
  for (let day = CYCLE_START; day < CYCLE_START + CYCLE_DAYS && result; day++) {
    const start = fromDayNumber(day);
    if (addDuration(start, a) > addDuration(start, b)) result = false;
  }
  neverLongerCache.set(key, result);
  return result;
}

/** Refuses norms a zaaktype may not have; call when a policy is loaded. */
export function validateZaaktypeNormen(normen: ZaaktypeNormen): void {
  parseDuration(normen.doorlooptijd, 'De doorlooptijd');
  parseDuration(normen.servicenorm, 'De servicenorm');
  if (normen.verdagingstermijn !== undefined) parseDuration(normen.verdagingstermijn, 'De verdagingstermijn');
  if (!neverLonger(normen.servicenorm, normen.doorlooptijd)) {
    throw new TermijnError(
      'servicenorm-te-lang',
      `De servicenorm (${normen.servicenorm}) mag niet langer zijn dan de doorlooptijd (${normen.doorlooptijd}). ` +
        'De servicenorm is de belofte van de gemeente binnen de wettelijke termijn; kies een kortere servicenorm.',
    );
  }
}

/** Day numbers on which the clock is paused, and whether one is paused on `moment`. */
function suspendedDays(feiten: ZaakFeiten, moment: IsoDate): { days: Set<number>; open: boolean } {
  const days = new Set<number>();
  let open = false;
  for (const [i, o] of feiten.opschortingen.entries()) {
    const label = `De opschorting ${i + 1}`;
    assertIsoDate(o.van, `${label}: de datum van het verzoek om aanvulling`);
    if (o.van < feiten.startdatum) {
      throw new TermijnError('opschorting-ongeldig', `${label} begint vóór de startdatum van de zaak (${feiten.startdatum}). Controleer de datum van het verzoek om aanvulling.`);
    }
    let resume: IsoDate;
    if (o.tot === null) {
      // Still open: paused through `moment`; assume the clock runs again tomorrow.
      resume = maxDate(addDays(moment, 1), addDays(o.van, 1));
      if (o.van < moment) open = true;
    } else {
      assertIsoDate(o.tot, `${label}: de einddatum`);
      if (o.tot < o.van) {
        throw new TermijnError('opschorting-ongeldig', `${label} eindigt (${o.tot}) vóór die begint (${o.van}). Controleer de data.`);
      }
      resume = o.tot;
      if (o.van < moment && moment < o.tot) open = true;
    }
    // Awb 4:15 lid 1: "met ingang van de dag na" the request "tot" (not including) the resume day.
    const resumeDay = toDayNumber(resume);
    for (let d = toDayNumber(o.van) + 1; d < resumeDay; d++) days.add(d);
  }
  return { days, open };
}

/** The day on which `runningDays` unpaused days after `from` have passed. */
function walk(from: IsoDate, runningDays: number, paused: ReadonlySet<number>): IsoDate {
  let day = toDayNumber(from);
  let left = runningDays;
  while (left > 0) {
    day++;
    if (!paused.has(day)) left--;
  }
  return fromDayNumber(day);
}

function countPaused(from: IsoDate, through: IsoDate, paused: ReadonlySet<number>): number {
  let n = 0;
  const last = toDayNumber(through);
  for (let d = toDayNumber(from) + 1; d <= last; d++) if (paused.has(d)) n++;
  return n;
}

function resolvePeildatum(peildatum: IsoDate | Date): IsoDate {
  if (peildatum instanceof Date) return todayInAmsterdam(peildatum);
  assertIsoDate(peildatum, 'De peildatum');
  return peildatum;
}

/** Day 0 of the beslistermijn: the receipt, or the later day the law names (bezwaar, Awb 7:10 lid 1). */
function aanvang(feiten: ZaakFeiten): IsoDate {
  const vanaf = feiten.beslistermijnVanaf;
  if (vanaf === undefined) return feiten.startdatum;
  assertIsoDate(vanaf, 'De dag waarna de beslistermijn ingaat');
  if (vanaf < feiten.startdatum) {
    throw new TermijnError('ongeldige-datum', `De beslistermijn kan niet ingaan (${vanaf}) vóór de ontvangst (${feiten.startdatum}). Controleer de data.`);
  }
  return vanaf;
}

/** The statutory end before any verdaging, on the calendar and with the Atw. */
function endBeforeVerdaging(normen: ZaaktypeNormen, feiten: ZaakFeiten, paused: ReadonlySet<number>) {
  const start = aanvang(feiten);
  const length = daysBetween(start, addDuration(start, normen.doorlooptijd));
  const kalender = walk(start, length, paused);
  return { kalender, ...applyAtw(addDays(start, 1), kalender) };
}

function checkVerdaging(normen: ZaaktypeNormen, feiten: ZaakFeiten, verdaging: Verdaging): void {
  assertIsoDate(verdaging.datum, 'De datum van de verdaging');
  parseDuration(verdaging.termijn, 'De verdagingstermijn');
  const { kalender, einde } = endBeforeVerdaging(normen, feiten, suspendedDays(feiten, verdaging.datum).days);
  if (verdaging.datum < feiten.startdatum || verdaging.datum > einde) {
    throw new TermijnError(
      'verdaging-te-laat',
      `U kunt de beslistermijn alleen verdagen zolang die loopt, dus uiterlijk op ${einde} (artikel 4:14 Awb). ` +
        `De verdaging van ${verdaging.datum} valt daarbuiten.`,
    );
  }
  if (normen.verdagingstermijn !== undefined && addDuration(kalender, verdaging.termijn) > addDuration(kalender, normen.verdagingstermijn)) {
    throw new TermijnError(
      'verdaging-te-lang',
      `De verdaging (${verdaging.termijn}) is langer dan dit zaaktype toestaat (${normen.verdagingstermijn}). Kies een kortere termijn.`,
    );
  }
}

/**
 * Records the one verdaging a zaak may have. Awb 4:14 names "een redelijke termijn"; Regie allows
 * it once (as Awb 7:10 lid 3 does for bezwaar). Further delay needs the aanvrager's written
 * consent, which is an opschorting (Awb 4:15 lid 2 a), not a second verdaging.
 */
export function verdaag(normen: ZaaktypeNormen, feiten: ZaakFeiten, verdaging: Verdaging): ZaakFeiten {
  if (feiten.verdaging !== undefined) {
    throw new TermijnError(
      'verdaging-dubbel',
      `Deze zaak is al verdaagd op ${feiten.verdaging.datum}. U kunt de beslistermijn maar één keer verdagen. ` +
        'Heeft u meer tijd nodig, vraag dan de aanvrager schriftelijk om instemming met uitstel (artikel 4:15 lid 2 Awb).',
    );
  }
  validateZaaktypeNormen(normen);
  checkVerdaging(normen, feiten, verdaging);
  return { ...feiten, verdaging };
}

/** The clock of one zaak on a peildatum (an ISO day, or an instant read in Amsterdam). */
export function computeCaseClock(normen: ZaaktypeNormen, feiten: ZaakFeiten, peildatum: IsoDate | Date): ZaakKlok {
  validateZaaktypeNormen(normen);
  assertIsoDate(feiten.startdatum, 'De startdatum');
  const peil = resolvePeildatum(peildatum);
  const einddatum = feiten.einddatum ?? null;
  if (einddatum !== null) {
    assertIsoDate(einddatum, 'De einddatum');
    if (einddatum < feiten.startdatum) {
      throw new TermijnError('ongeldige-datum', `De einddatum (${einddatum}) ligt vóór de startdatum (${feiten.startdatum}). Controleer de data.`);
    }
  }
  const afgehandeld = einddatum !== null && einddatum <= peil;
  // A closed zaak is judged on its einddatum; an open opschorting cannot outlast it.
  const moment = afgehandeld ? einddatum : peil;
  const { days: paused, open } = suspendedDays(feiten, moment);
  if (feiten.verdaging !== undefined) checkVerdaging(normen, feiten, feiten.verdaging);

  const start = aanvang(feiten);
  const service = walk(start, daysBetween(start, addDuration(start, normen.servicenorm)), paused);
  const beforeVerdaging = endBeforeVerdaging(normen, feiten, paused);
  const kalender =
    feiten.verdaging === undefined
      ? beforeVerdaging.kalender
      : walk(
          beforeVerdaging.kalender,
          daysBetween(beforeVerdaging.kalender, addDuration(beforeVerdaging.kalender, feiten.verdaging.termijn)),
          paused,
        );
  const { einde, verlenging } = applyAtw(addDays(start, 1), kalender);

  const status: KlokStatus = moment > einde ? 'termijn-verlopen' : moment > service ? 'servicenorm-overschreden' : 'op-tijd';
  const dwangsom =
    feiten.ingebrekestelling === undefined
      ? null
      : dwangsomRisico({
          uiterlijkeEinddatumAfdoening: einde,
          ingebrekestellingOntvangen: feiten.ingebrekestelling.ontvangen,
          beschikkingGegeven: einddatum,
          peildatum: peil,
        });

  return {
    startdatum: feiten.startdatum,
    beslistermijnVanaf: start,
    peildatum: peil,
    einddatumGepland: service,
    uiterlijkeEinddatumAfdoening: einde,
    uiterlijkeEinddatumAfdoeningKalender: kalender,
    atwVerlenging: verlenging,
    opgeschorteDagen: countPaused(start, kalender, paused),
    opgeschort: !afgehandeld && open,
    voorlopig: !afgehandeld && feiten.opschortingen.some((o) => o.tot === null),
    verdaagd: feiten.verdaging !== undefined,
    afgehandeld,
    status,
    dagenTotEinddatumGepland: daysBetween(moment, service),
    dagenTotUiterlijkeEinddatum: daysBetween(moment, einde),
    werkdagenTotUiterlijkeEinddatum: moment >= einde ? 0 : countWorkingDays(addDays(moment, 1), einde),
    dwangsom,
  };
}
