import type { KlantFeiten } from '../../workers/toelating/index.ts';

interface Aanmelding {
  geboortedatum?: string;
  uitkering?: string;
  uitkeringSinds?: string;
  werkloosSinds?: string | null;
  anderTraject?: string;
  beschikbaarVoorArbeid?: string;
  alleenstaandeOuder?: string;
  leeftijdJongsteKind?: number | null;
  langdurigGedeeltelijkArbeidsongeschikt?: string | null;
}

/** Whole years or months between two ISO dates (a birthday or monthday not yet reached does not count). */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const jaNee = (v: string | undefined) => (v === 'ja' ? true : v === 'nee' ? false : null);

/**
 * The facts for the hard admission criteria, from the klant's aanmelding.
 * Facts the aanmelding does not ask (afstand tot de arbeidsmarkt, a suitable
 * regular offer), or that the klant left open, stay null: the toelating worker names them instead of guessing.
 * A klant registered with the gemeente lives there (woontInGemeente).
 */
export function prbKlantFeiten(aanmelding: Aanmelding, startdatum: string): KlantFeiten {
  const soort = aanmelding.uitkering as NonNullable<KlantFeiten['uitkering']>['soort'] | undefined;
  return {
    leeftijd: aanmelding.geboortedatum ? Math.floor(wholeMonths(aanmelding.geboortedatum, startdatum) / 12) : null,
    woontInGemeente: true,
    uitkering: soort ? { soort, duurMaanden: aanmelding.uitkeringSinds ? wholeMonths(aanmelding.uitkeringSinds, startdatum) : null } : null,
    werkloosheidsduurMaanden: aanmelding.werkloosSinds ? wholeMonths(aanmelding.werkloosSinds, startdatum) : null,
    alleenstaandeOuder: jaNee(aanmelding.alleenstaandeOuder),
    leeftijdJongsteKind: aanmelding.leeftijdJongsteKind ?? null,
    langdurigGedeeltelijkArbeidsongeschikt: jaNee(aanmelding.langdurigGedeeltelijkArbeidsongeschikt ?? undefined),
    afstandTotArbeidsmarktMaanden: null,
    beschikbaarVoorArbeid: jaNee(aanmelding.beschikbaarVoorArbeid),
    lopendAnderTraject: jaNee(aanmelding.anderTraject),
    passendRegulierAanbod: null,
    geredeKansOpUitstroom: null,
    // Applying for the regeling is the interest Vlaardingen asks for (seed-000 L1082).
    interesseGetoond: true,
  };
}

/** What the klantmanager established in ToelatingBeoordelen (form prb-toelating-beoordelen); only the fields the form showed. */
export interface Toelatingsbeoordeling {
  uitkeringsduurMaanden?: number | null;
  werkloosheidsduurMaanden?: number | null;
  afstandTotArbeidsmarktMaanden?: number | null;
  passendRegulierAanbod?: string | null;
  geredeKansOpUitstroom?: string | null;
  beschikbaarVoorArbeid?: string | null;
  lopendAnderTraject?: string | null;
  alleenstaandeOuder?: string | null;
  leeftijdJongsteKind?: number | null;
  langdurigGedeeltelijkArbeidsongeschikt?: string | null;
  toelichting?: string;
}

/**
 * The aanmelding's facts completed with the klantmanager's: a fact the klantmanager established
 * fills in one the aanmelding left open, and never erases one it gave.
 */
export function metToelatingsbeoordeling(feiten: KlantFeiten, b: Toelatingsbeoordeling | null | undefined): KlantFeiten {
  if (!b) return feiten;
  const out: KlantFeiten = { ...feiten };
  const getal = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
  const keuze = (v: string | null | undefined) => jaNee(v ?? undefined);
  const zet = <K extends keyof KlantFeiten>(key: K, value: KlantFeiten[K] | null) => {
    if (value !== null && value !== undefined && (out[key] === null || out[key] === undefined)) out[key] = value;
  };
  zet('werkloosheidsduurMaanden', getal(b.werkloosheidsduurMaanden));
  zet('afstandTotArbeidsmarktMaanden', getal(b.afstandTotArbeidsmarktMaanden));
  zet('leeftijdJongsteKind', getal(b.leeftijdJongsteKind));
  zet('passendRegulierAanbod', keuze(b.passendRegulierAanbod));
  zet('geredeKansOpUitstroom', keuze(b.geredeKansOpUitstroom));
  zet('beschikbaarVoorArbeid', keuze(b.beschikbaarVoorArbeid));
  zet('lopendAnderTraject', keuze(b.lopendAnderTraject));
  zet('alleenstaandeOuder', keuze(b.alleenstaandeOuder));
  zet('langdurigGedeeltelijkArbeidsongeschikt', keuze(b.langdurigGedeeltelijkArbeidsongeschikt));
  const duur = getal(b.uitkeringsduurMaanden);
  if (out.uitkering && (out.uitkering.duurMaanden === null || out.uitkering.duurMaanden === undefined) && duur !== null) {
    out.uitkering = { ...out.uitkering, duurMaanden: duur };
  }
  return out;
}
