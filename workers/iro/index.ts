/**
 * Rule code of the iro (UWV) and the rio (Rotterdam): admission with coded reasons, the
 * machine-checkable part of the trajectplan, and the no-cure-less-pay terms. Pure: no database,
 * HTTP or engine; server/jobs/iro-jobs.ts binds it to the process.
 */
import { splitNoCureLessPay } from '../betaling/index.ts';
import type { IroBeleid, Trajectindicatie } from '../../workflows/iro/policy/schema.ts';

export interface Reden {
  code: string;
  omschrijving: string;
  /** Where the rule comes from: the policy axis and its bron. */
  bron: string;
}

export interface IroFeiten {
  uitkering: string | null;
  /** UWV's indication after determining the afstand tot de arbeidsmarkt. */
  trajectindicatie?: Trajectindicatie | null;
  /** rio: the first day without work. */
  werkloosSinds?: string | null;
  /** rio: the klantmanager expects a regular traject to work. */
  regulierTrajectKansrijk?: boolean | null;
  lopendTraject?: boolean | null;
  /** The day of the assessment (YYYY-MM-DD). */
  peildatum: string;
}

export interface ToelatingUitkomst {
  toegelaten: boolean;
  redenen: Reden[];
}

/** What UWV found, as a sentence the letter can show. */
const INDICATIE: Record<Trajectindicatie, string> = {
  'volledig-traject': 'u heeft een volledig re-integratietraject nodig',
  'beperkte-ondersteuning': 'u heeft beperkte ondersteuning nodig van de werkcoach of het werkgeversservicepunt',
  werkfit: 'u kunt zelf werk vinden',
  'geen-activiteiten': 'er zijn nu geen activiteiten voor u nodig',
};

/** Whole months from `van` to `tot` (calendar months, a started month does not count). */
export function helemaandenTussen(van: string, tot: string): number {
  const [y1, m1, d1] = van.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = tot.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Admission: every rule of the policy that fails gives a coded reason; an unknown fact is named, never guessed. */
export function iroToelating(t: IroBeleid['toelating'], f: IroFeiten, regeling: 'iro' | 'rio' = 'iro'): ToelatingUitkomst {
  const redenen: Reden[] = [];
  const bron = `beleid ${regeling}: toelating`;
  if (!f.uitkering) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'Uw uitkering is niet bekend.', bron });
  else if (!(t.uitkeringen as readonly string[]).includes(f.uitkering)) {
    redenen.push({ code: 'TOELATING_UITKERING', omschrijving: `De ${regeling} is voor klanten met ${t.uitkeringen.join(', ')}; u heeft ${f.uitkering}.`, bron });
  }
  if (t.vereisteIndicatie) {
    if (!f.trajectindicatie) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'De afstand tot de arbeidsmarkt is nog niet bepaald.', bron });
    else if (f.trajectindicatie !== t.vereisteIndicatie) {
      redenen.push({
        code: 'IRO_GEEN_VOLLEDIG_TRAJECT',
        omschrijving: `UWV heeft uw afstand tot de arbeidsmarkt bepaald: ${INDICATIE[f.trajectindicatie]}. Een iro kunt u alleen sluiten als u een volledig re-integratietraject nodig heeft.`,
        bron,
      });
    }
  }
  if (t.minimaleWerkloosheidMaanden !== null) {
    if (!f.werkloosSinds) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'Niet bekend is sinds wanneer u geen werk heeft.', bron });
    else if (helemaandenTussen(f.werkloosSinds, f.peildatum) < t.minimaleWerkloosheidMaanden) {
      redenen.push({ code: 'TOELATING_WERKLOOSHEIDSDUUR', omschrijving: `U bent korter dan ${t.minimaleWerkloosheidMaanden} maanden zonder werk.`, bron });
    }
  }
  if (t.regulierTrajectNietKansrijk) {
    if (f.regulierTrajectKansrijk == null) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'Niet beoordeeld is of een regulier traject werkt.', bron });
    else if (f.regulierTrajectKansrijk) {
      redenen.push({ code: 'TOELATING_REGULIER_TRAJECT_KANSRIJK', omschrijving: 'Een regulier re-integratietraject leidt naar verwachting wel tot werk.', bron });
    }
  }
  if (t.geenLopendTraject && f.lopendTraject === true) {
    redenen.push({ code: 'TOELATING_LOPEND_TRAJECT', omschrijving: 'U volgt al een ander re-integratietraject.', bron });
  }
  return { toegelaten: redenen.length === 0, redenen };
}

export interface IroTrajectplan {
  opgesteldDoor: 'klant' | 'rib' | 'samen';
  prijsCent: number;
  duurMaanden: number;
  toelichtingPrijs?: string | null;
  activiteiten?: { omschrijving: string; duurWeken: number }[];
}

export interface PlanBevinding {
  code: string;
  omschrijving: string;
  ernst: 'aandachtspunt' | 'afwijzing';
}

export interface IroPlanToets {
  prijsCent: number;
  plafondCent: number;
  opgesteldDoor: IroTrajectplan['opgesteldDoor'];
  bevindingen: PlanBevinding[];
}

/** What a machine can check of a trajectplan; the judgement is the klantmanager's (Beoordeling). */
export function iroPlanToets(beleid: Pick<IroBeleid, 'plafondCent' | 'plafondHard'>, plan: IroTrajectplan): IroPlanToets {
  const bevindingen: PlanBevinding[] = [];
  if (plan.prijsCent > beleid.plafondCent) {
    if (beleid.plafondHard) bevindingen.push({ code: 'BOVEN_PLAFOND', omschrijving: 'De prijs ligt boven het maximum; dat is niet toegestaan.', ernst: 'afwijzing' });
    else if (!plan.toelichtingPrijs?.trim()) bevindingen.push({ code: 'BOVEN_PLAFOND_ZONDER_TOELICHTING', omschrijving: 'De prijs ligt boven het maximum en het plan zegt niet waarom.', ernst: 'aandachtspunt' });
    else bevindingen.push({ code: 'BOVEN_PLAFOND_MET_TOELICHTING', omschrijving: 'De prijs ligt boven het maximum; het plan geeft een toelichting.', ernst: 'aandachtspunt' });
  }
  if (!plan.activiteiten?.length) bevindingen.push({ code: 'GEEN_ACTIVITEITEN', omschrijving: 'Het plan noemt geen activiteiten.', ernst: 'aandachtspunt' });
  return { prijsCent: plan.prijsCent, plafondCent: beleid.plafondCent, opgesteldDoor: plan.opgesteldDoor, bevindingen };
}

export interface Termijnen {
  startCent: number;
  resultaatCent: number;
  /** Basis points, as the ledger's verplichting stores the start share. */
  startAandeelBp: number;
}

/** No cure less pay: the start part on the policy's percentage, the rest only on the result. */
export function noCureLessPayTermijnen(bedragCent: number, startdeelProcent: number): Termijnen {
  const startAandeelBp = startdeelProcent * 100;
  const { start, resultaat } = splitNoCureLessPay(bedragCent, startAandeelBp);
  return { startCent: start, resultaatCent: resultaat, startAandeelBp };
}

export type IroResultaat = 'geplaatst' | 'niet-geplaatst' | 'voortijdig-gestopt';

/**
 * The result the rib is paid on: a placement that still holds after the plaatsingsduur.
 * A placement that ended earlier is no result (niet-geplaatst); a traject that stopped early is voortijdig-gestopt.
 */
export function iroResultaat(uitkomst: 'geplaatst' | 'niet-geplaatst' | 'voortijdig-gestopt', nogInDienstNaPlaatsingsduur: boolean | null): IroResultaat {
  if (uitkomst !== 'geplaatst') return uitkomst;
  return nogInDienstNaPlaatsingsduur === true ? 'geplaatst' : 'niet-geplaatst';
}
