/**
 * Rule code of the pib (persoonlijk inburgeringsbudget): who may get one (coded reasons) and the
 * machine-checkable part of the inburgeringsprogramma (duaal for WWB, the cap). Pure: no database,
 * HTTP or engine; server/jobs/pib-jobs.ts binds it to the process.
 */
import type { PibBeleid } from '../../workflows/pib/policy/schema.ts';

export interface Reden {
  code: string;
  omschrijving: string;
  bron: string;
}

export interface PibFeiten {
  inburgeraar: 'vrijwillig' | 'verplicht' | null;
  woontInGemeente: boolean | null;
}

const BRON = 'beleid pib: toelating';

export function pibToelating(t: PibBeleid['toelating'], f: PibFeiten, gemeente: string): { toegelaten: boolean; redenen: Reden[] } {
  const redenen: Reden[] = [];
  if (!f.inburgeraar) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'Niet bekend is of u vrijwillig of verplicht inburgert.', bron: BRON });
  else if (!t.doelgroepen.includes(f.inburgeraar)) {
    redenen.push({ code: 'PIB_DOELGROEP', omschrijving: `De gemeente ${gemeente} biedt de pib niet aan ${f.inburgeraar === 'vrijwillig' ? 'vrijwillige' : 'verplichte'} inburgeraars.`, bron: BRON });
  }
  if (t.woontInGemeente) {
    if (f.woontInGemeente === null) redenen.push({ code: 'TOELATING_GEGEVEN_ONTBREEKT', omschrijving: 'Niet bekend is of u in de gemeente woont.', bron: BRON });
    else if (!f.woontInGemeente) redenen.push({ code: 'PIB_WOONT_NIET_IN_GEMEENTE', omschrijving: `U woont niet in de gemeente ${gemeente}; vraag de pib aan bij uw eigen gemeente.`, bron: BRON });
  }
  return { toegelaten: redenen.length === 0, redenen };
}

export type Onderdeelsoort = 'taal' | 'inburgering' | 'reintegratie';

export interface ProgrammaOnderdeel {
  soort: Onderdeelsoort;
  omschrijving: string;
  aanbiederId: string;
  bedragCent: number;
}

export interface ProgrammaBevinding {
  code: string;
  omschrijving: string;
  ernst: 'aandachtspunt' | 'afwijzing';
}

export interface ProgrammaToets {
  duaal: boolean;
  duaalVereist: boolean;
  totaalCent: number;
  plafondCent: number;
  /** Per chosen aanbieder the amount the gemeente contracts (sum of its onderdelen). */
  perAanbieder: { aanbiederId: string; bedragCent: number; soorten: Onderdeelsoort[] }[];
  bevindingen: ProgrammaBevinding[];
}

export function pibProgrammaToets(beleid: Pick<PibBeleid, 'duaalVoorWWB' | 'plafondCent'>, uitkering: string | null, onderdelen: ProgrammaOnderdeel[]): ProgrammaToets {
  const bevindingen: ProgrammaBevinding[] = [];
  const heeftTaal = onderdelen.some((o) => o.soort === 'taal' || o.soort === 'inburgering');
  const heeftReintegratie = onderdelen.some((o) => o.soort === 'reintegratie');
  const duaal = heeftTaal && heeftReintegratie;
  const duaalVereist = beleid.duaalVoorWWB && uitkering === 'WWB';
  if (!heeftTaal) bevindingen.push({ code: 'GEEN_INBURGERINGSONDERDEEL', omschrijving: 'Het programma bevat geen taal- of inburgeringsonderdeel.', ernst: 'afwijzing' });
  if (duaalVereist && !heeftReintegratie) {
    bevindingen.push({ code: 'GEEN_DUAAL_PROGRAMMA', omschrijving: 'Met bijstand combineert u inburgering in principe met re-integratie; het programma heeft geen re-integratiedeel.', ernst: 'aandachtspunt' });
  }
  const totaalCent = onderdelen.reduce((s, o) => s + o.bedragCent, 0);
  if (totaalCent > beleid.plafondCent) bevindingen.push({ code: 'BOVEN_PLAFOND', omschrijving: 'Het programma kost meer dan het maximum.', ernst: 'afwijzing' });
  const per = new Map<string, { aanbiederId: string; bedragCent: number; soorten: Onderdeelsoort[] }>();
  for (const o of onderdelen) {
    const p = per.get(o.aanbiederId) ?? { aanbiederId: o.aanbiederId, bedragCent: 0, soorten: [] };
    p.bedragCent += o.bedragCent;
    if (!p.soorten.includes(o.soort)) p.soorten.push(o.soort);
    per.set(o.aanbiederId, p);
  }
  return { duaal, duaalVereist, totaalCent, plafondCent: beleid.plafondCent, perAanbieder: [...per.values()], bevindingen };
}
