/**
 * Dutch wording for the screens: dates, money, phases, regelingen, clock status
 * and the "by when" sentence for the klant. Pure functions (tested in test/ui).
 */
import type { Dwangsom, Klok, KlokStatus, ZaakSamenvatting } from '../regie-api.ts';

const TZ = 'Europe/Amsterdam';

/** 'YYYY-MM-DD' is a calendar day (no time zone); anything else is an instant. */
function toDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

const dayFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const shortFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TZ });
const timeFmt = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TZ });

/** "14 januari 2027" */
export function datum(value: string | null | undefined): string {
  if (!value) return '–';
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? value : dayFmt.format(d);
}

/** "14 jan. 2027" — for tables. */
export function korteDatum(value: string | null | undefined): string {
  if (!value) return '–';
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? value : shortFmt.format(d);
}

/** "14 januari 2027 om 09:30" */
export function datumTijd(value: string): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${dayFmt.format(d)} om ${timeFmt.format(d)}`;
}

/** Machine-readable value for <time dateTime>. */
export function isoDag(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : toDate(value).toISOString();
}

/** Today as 'YYYY-MM-DD' in Amsterdam. */
export function vandaag(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const euroFmt = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
/** Cents → "€ 1.234,56". */
export function euro(cents: number): string {
  return euroFmt.format(cents / 100);
}

export const FASEN: Record<string, string> = {
  aanmelding: 'Aanmelding',
  orientatie: 'Oriëntatie',
  aanvraag: 'Aanvraag',
  beoordeling: 'Beoordeling',
  besluit: 'Besluit',
  uitvoering: 'Uitvoering',
  verantwoording: 'Verantwoording',
  nazorg: 'Nazorg',
  afsluiting: 'Afsluiting',
  ontvangst: 'Ontvangst bezwaar',
  hoorzitting: 'Hoorzitting',
  beslissing: 'Beslissing op bezwaar',
  einde: 'Einde dienstverband',
};

/** The prb phases in order, for the "where are we" step list. */
export const PRB_FASEN = ['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'verantwoording', 'afsluiting'] as const;

/** Each regeling's phases in order, as its diagram marks them (workflows/<regeling>/*.bpmn); the prb's otherwise. */
const FASEN_PER_REGELING: Record<string, readonly string[]> = {
  prb: PRB_FASEN,
  pib: ['aanmelding', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'verantwoording', 'afsluiting'],
  'pgb-bw': ['orientatie', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'einde', 'afsluiting'],
  iro: ['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'nazorg', 'afsluiting'],
  rio: ['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'nazorg', 'afsluiting'],
  bezwaar: ['ontvangst', 'hoorzitting', 'beslissing', 'afsluiting'],
};

export function fasenVan(regeling: string | null | undefined): readonly string[] {
  return (regeling && FASEN_PER_REGELING[regeling]) || PRB_FASEN;
}

export function faseNaam(fase: string | null | undefined): string {
  if (!fase) return 'Onbekend';
  return FASEN[fase] ?? fase.charAt(0).toUpperCase() + fase.slice(1);
}

export const REGELINGEN: Record<string, string> = {
  prb: 'Persoonsgebonden re-integratiebudget (prb)',
  'pgb-bw': 'Persoonsgebonden budget begeleid werken (pgb bw)',
  pib: 'Persoonlijk inburgeringsbudget (pib)',
  iro: 'Individuele re-integratieovereenkomst (iro)',
  rio: 'Rotterdamse Integratie Overeenkomst (rio)',
  bezwaar: 'Bezwaar',
};
export const REGELING_KORT: Record<string, string> = { prb: 'prb', 'pgb-bw': 'pgb bw', pib: 'pib', iro: 'iro', rio: 'rio', bezwaar: 'bezwaar' };

export function regelingNaam(r: string): string {
  return REGELINGEN[r] ?? r;
}

export const STATUSSEN: Record<string, string> = {
  aangemeld: 'Aangemeld',
  'in-behandeling': 'In behandeling',
  opgeschort: 'Opgeschort (wacht op gegevens)',
  besloten: 'Besloten',
  afgesloten: 'Afgesloten',
};
export function statusNaam(s: string): string {
  return STATUSSEN[s] ?? s;
}

export const KLOK: Record<KlokStatus, { label: string; tone: 'ok' | 'warning' | 'danger' }> = {
  'op-tijd': { label: 'Op tijd', tone: 'ok' },
  'servicenorm-overschreden': { label: 'Servicenorm overschreden', tone: 'warning' },
  'termijn-verlopen': { label: 'Wettelijke termijn verlopen', tone: 'danger' },
};

/**
 * The traffic light of a task: red when the wettelijke termijn has passed, amber
 * past the servicenorm or when the task itself is overdue, green otherwise.
 */
export function taskLight(task: { overdue: boolean; zaak: { klokStatus: KlokStatus } | null }): {
  tone: 'ok' | 'warning' | 'danger';
  label: string;
} {
  const klok = task.zaak?.klokStatus;
  if (klok === 'termijn-verlopen') return KLOK[klok];
  if (klok === 'servicenorm-overschreden') return task.overdue ? { tone: 'warning', label: 'Servicenorm overschreden, taak te laat' } : KLOK[klok];
  if (task.overdue) return { tone: 'warning', label: 'Taak te laat' };
  return KLOK['op-tijd'];
}

/** What happens next, per fase, in the klant's words. */
const VOLGENDE_STAP: Record<string, string> = {
  aanmelding: 'Uw klantmanager bekijkt uw aanmelding en neemt contact met u op voor een gesprek.',
  orientatie: 'U zoekt uit welk traject bij u past en schrijft uw trajectplan. Uw klantmanager helpt u daarbij.',
  aanvraag: 'U maakt uw trajectplan en begroting af en stuurt die naar ons.',
  beoordeling: 'Uw klantmanager beoordeelt uw trajectplan en begroting.',
  besluit: 'Wij nemen een besluit over uw aanvraag en sturen u een brief (beschikking).',
  uitvoering: 'U voert uw traject uit. Facturen dient u in via deze website.',
  verantwoording: 'U laat weten hoe uw traject is gegaan en levert de laatste facturen in.',
  nazorg: 'Uw klantmanager houdt nog even contact met u na het traject.',
  afsluiting: 'Wij sluiten uw zaak af. U krijgt hierover bericht.',
};

/** How a closed zaak ended, in the klant's words (resultaat as zaak-afsluiten records it). */
const RESULTAAT_ZIN: Record<string, string> = {
  'niet-toegelaten': 'U bent niet toegelaten tot deze regeling. Waarom, staat in de brief (beschikking) bij uw zaak onder Documenten.',
  afgewezen: 'Uw aanvraag is afgewezen. Waarom, staat in de brief (beschikking) bij uw zaak onder Documenten.',
  'buiten-behandeling': 'Uw aanvraag is niet in behandeling genomen, omdat gegevens ontbraken. Dat staat in de brief bij uw zaak onder Documenten.',
  ingetrokken: 'U heeft uw aanvraag ingetrokken.',
};

/** Results of a zaak that stopped before any traject: its later phases never happened. */
export function gestoptVoorTraject(resultaat: string | null): boolean {
  return resultaat !== null && resultaat in RESULTAAT_ZIN;
}

/** The "where are we" sentence: the fase and the next step, or for a closed zaak how it ended. */
export function standZin(zaak: { status: string; fase: string | null; resultaat: string | null; regeling?: string }): string {
  if (zaak.status === 'afgesloten') {
    if (zaak.resultaat?.startsWith('bezwaar-')) return 'Uw zaak is afgesloten. Er is op uw bezwaar beslist; de beslissing staat bij uw zaak onder Documenten.';
    return `Uw zaak is afgesloten. ${(zaak.resultaat && RESULTAAT_ZIN[zaak.resultaat]) || 'Uw traject is afgerond.'}`;
  }
  return `Nu: ${faseNaam(zaak.fase)}. ${volgendeStap(zaak.fase, zaak.regeling)}`;
}

const IRO_STAPPEN: Record<string, string> = {
  orientatie: 'U kiest met uw klantmanager een re-integratiebedrijf.',
  aanvraag: 'U stelt met het re-integratiebedrijf uw trajectplan op.',
  beoordeling: 'Uw trajectplan wordt beoordeeld.',
  uitvoering: 'U volgt uw traject bij het re-integratiebedrijf.',
  nazorg: 'Na zes maanden kijken wij of u nog aan het werk bent.',
};

/** Where a regeling's steps differ from the prb's (a pib has a programma, a pgb bw a werkgever, an iro a re-integratiebedrijf). */
const VOLGENDE_STAP_PER_REGELING: Record<string, Record<string, string>> = {
  pib: {
    aanmelding: 'Uw klantmanager bekijkt uw verzoek en neemt contact met u op.',
    aanvraag: 'U stelt met uw klantmanager uw inburgeringsprogramma samen en kiest de aanbieders.',
    beoordeling: 'Uw klantmanager beoordeelt uw programma.',
    uitvoering: 'U volgt uw programma. Facturen van de aanbieders dient u in via deze website.',
    verantwoording: 'U laat weten hoe uw programma is gegaan.',
  },
  'pgb-bw': {
    orientatie: 'U zoekt met uw klantmanager een werkgever en begeleiding die bij u passen.',
    aanvraag: 'U maakt uw aanvraag af, samen met de werkgever en de begeleidingsorganisatie.',
    beoordeling: 'De gemeente beoordeelt uw aanvraag.',
    uitvoering: 'U werkt bij uw werkgever, met begeleiding. De gemeente betaalt het budget.',
    einde: 'Uw dienstverband is geëindigd. De gemeente rondt de betalingen af.',
  },
  // The rio follows the same steps as the iro (its diagram has the same phases).
  iro: IRO_STAPPEN,
  rio: IRO_STAPPEN,
};

export function volgendeStap(fase: string | null, regeling?: string | null): string {
  const eigen = regeling && fase ? VOLGENDE_STAP_PER_REGELING[regeling]?.[fase] : undefined;
  return eigen ?? ((fase && VOLGENDE_STAP[fase]) || 'Wij behandelen uw aanvraag. U hoort van ons zodra er iets verandert.');
}

/**
 * "By when" in plain Dutch from the zaak clock, e.g.
 * "Uiterlijk 14 januari 2027 hoort u of uw aanvraag is toegekend."
 */
export function uiterlijkZin(zaak: Pick<ZaakSamenvatting, 'status' | 'klok' | 'heroverweging'>): string {
  const k: Klok = zaak.klok;
  // After a gegrond bezwaar the besluit the clock ended with was herroepen (Awb 7:11).
  if (zaak.heroverweging?.stap === 'besluit') {
    return 'Na uw bezwaar hebben wij ons eerdere besluit herroepen en een nieuw besluit genomen. U vindt het in de beslissing op bezwaar.';
  }
  if (zaak.heroverweging?.stap === 'toelating' && zaak.status !== 'afgesloten') {
    return 'Na uw bezwaar hebben wij ons besluit herroepen. Wij behandelen uw aanvraag verder en sturen u daarna een nieuw besluit.';
  }
  if (k.afgehandeld || zaak.status === 'besloten' || zaak.status === 'afgesloten') {
    return 'Er is een besluit genomen over uw aanvraag. U vindt de brief bij uw documenten.';
  }
  if (k.opgeschort) {
    return 'De termijn staat stil, omdat wij op gegevens van u wachten. Zodra wij die hebben, loopt de termijn weer door.';
  }
  const wanneer = datum(k.uiterlijkeEinddatumAfdoening);
  if (k.status === 'termijn-verlopen') {
    const te = `Wij hadden uiterlijk ${wanneer} moeten beslissen. Dat is niet gelukt; onze excuses.`;
    const d = k.dwangsom;
    if (d && d.status !== 'voorbarig') {
      const ontvangen = `Wij hebben uw ingebrekestelling van ${datum(d.ingebrekestellingOntvangen)} ontvangen.`;
      if (d.status === 'nog-niet-verbeurd') return `${te} ${ontvangen} Hebben wij op ${datum(d.eersteDag)} nog niet beslist, dan betalen wij u vanaf die dag een dwangsom (artikel 4:17 Awb).`;
      return `${te} ${ontvangen} Wij zijn u een dwangsom verschuldigd; die is nu ${euro(d.bedragCent)}. Na het besluit stellen wij het bedrag vast en betalen wij het u.`;
    }
    return `${te} U kunt ons schriftelijk in gebreke stellen; dan betalen wij u een dwangsom als wij daarna niet binnen twee weken beslissen (artikel 4:17 Awb). Uw klantmanager legt uit hoe.`;
  }
  const verdaagd = k.verdaagd ? ' Wij hebben de termijn verlengd; u heeft daarover een bericht gekregen.' : '';
  return `Uiterlijk ${wanneer} hoort u of uw aanvraag is toegekend.${verdaagd}`;
}

/** "nog 12 werkdagen", "vandaag", "3 dagen te laat" */
export function resterend(k: Pick<Klok, 'dagenTotUiterlijkeEinddatum' | 'werkdagenTotUiterlijkeEinddatum' | 'afgehandeld'>): string {
  if (k.afgehandeld) return 'afgehandeld';
  const d = k.dagenTotUiterlijkeEinddatum;
  if (d < 0) return `${-d} ${-d === 1 ? 'dag' : 'dagen'} te laat`;
  if (d === 0) return 'vandaag';
  const w = k.werkdagenTotUiterlijkeEinddatum;
  return `nog ${w} ${w === 1 ? 'werkdag' : 'werkdagen'}`;
}

export const CONTACT_SOORTEN: Record<string, string> = {
  gesprek: 'Gesprek',
  telefoon: 'Telefoongesprek',
  brief: 'Brief',
  'e-mail': 'E-mail',
};

/**
 * Who did something, for the timeline. The API gives a username only; until it
 * gives display names (see docs/ui.md, API needs) we show that, "u" for oneself
 * and "Regie" for automatic steps.
 */
export function door(username: string | null | undefined, mijnGebruikersnaam?: string): string {
  if (!username) return 'Regie (automatisch)';
  if (mijnGebruikersnaam && username === mijnGebruikersnaam) return 'u';
  return username;
}

/** "1 dag", "42 dagen", "40,5 dagen" (a median), or a dash when there is nothing to count. */
export function dagen(n: number | null): string {
  if (n === null) return '–';
  const s = Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',');
  return n === 1 ? '1 dag' : `${s} dagen`;
}

/** Where the dwangsom (Awb 4:17) stands, in one or two sentences for the zaakdossier. */
export function dwangsomZin(d: Dwangsom): string {
  const vaststelling = d.vastgesteld
    ? ` Vastgesteld op ${datum(d.vastgesteld.datum)}: ${euro(d.vastgesteld.bedragCent)}.`
    : d.vaststellenUiterlijk
      ? ` Stel het bedrag uiterlijk ${datum(d.vaststellenUiterlijk)} vast (art. 4:18 Awb).`
      : '';
  return dwangsomStand(d) + vaststelling;
}

function dwangsomStand(d: Dwangsom): string {
  const ontvangen = `Ingebrekestelling ontvangen op ${datum(d.ingebrekestellingOntvangen)}.`;
  const dagenTekst = dagen(d.dagen);
  switch (d.status) {
    case 'voorbarig':
      return `${ontvangen} Die kwam binnen voordat de beslistermijn om was en heeft daarom geen gevolg; alleen een ingebrekestelling na de uiterste beslisdatum telt.`;
    case 'nog-niet-verbeurd':
      return `${ontvangen} Zonder besluit is de gemeente vanaf ${datum(d.eersteDag)} een dwangsom per dag verschuldigd, tot hoogstens ${euro(d.maximumCent)}.`;
    case 'loopt':
      return `${ontvangen} De dwangsom loopt sinds ${datum(d.eersteDag)}: nu ${euro(d.bedragCent)} (${dagenTekst}); elke dag zonder besluit kost ${euro(d.dagtariefCent)}, tot hoogstens ${euro(d.maximumCent)} op ${datum(d.laatsteMogelijkeDag)}.`;
    case 'maximum-bereikt':
      return `${ontvangen} De dwangsom heeft het maximum bereikt: ${euro(d.bedragCent)} (${dagenTekst}).`;
    default:
      return d.bedragCent > 0 ? `${ontvangen} Tot het besluit is ${euro(d.bedragCent)} dwangsom verbeurd (${dagenTekst}).` : `${ontvangen} Het besluit kwam voordat er een dwangsom verbeurd was.`;
  }
}
