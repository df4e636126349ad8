import { formatEuro } from '../betaling/bedrag.ts';
import type { BeschikkingInput } from './types.ts';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-04-14" → "14 april 2026". */
export function datumLang(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Geen datum (JJJJ-MM-DD): ${iso}`);
  const [, y, mo, d] = m;
  return `${Number(d)} ${MAANDEN[Number(mo) - 1]} ${y}`;
}

export class BeschikkingFout extends Error {
  constructor(readonly fouten: string[]) {
    super(`De beschikking kan niet worden gemaakt: ${fouten.join(' ')}`);
    this.name = 'BeschikkingFout';
  }
}

function isDatum(s: string | undefined | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** All Awb elements present and sane; Dutch messages listing every problem at once. */
export function controleerBeschikking(b: BeschikkingInput): void {
  const f: string[] = [];
  if (!b.gemeente?.naam?.trim()) f.push('De naam van de gemeente ontbreekt.');
  if (!b.klant?.naam?.trim()) f.push('De naam van de klant ontbreekt.');
  if (!b.zaakReferentie?.trim()) f.push('Het kenmerk van de zaak ontbreekt.');
  if (!b.motivering?.trim()) f.push('De motivering ontbreekt; een besluit moet worden gemotiveerd (Awb 3:46).');
  if (!isDatum(b.datum)) f.push('De datum van het besluit is geen geldige datum.');
  if (!isDatum(b.verzenddatum)) f.push('De verzenddatum is geen geldige datum.');
  if (!isDatum(b.bezwaar?.uiterlijkeReactiedatum)) f.push('De uiterste datum voor bezwaar is geen geldige datum.');
  else if (isDatum(b.verzenddatum) && b.bezwaar.uiterlijkeReactiedatum <= b.verzenddatum) {
    f.push('De uiterste datum voor bezwaar moet na de verzenddatum liggen.');
  }
  if (!b.bezwaar?.adres?.length) f.push('Het adres voor bezwaar ontbreekt (Awb 3:45).');
  if (b.besluit?.soort === 'toekenning') {
    if (!Number.isSafeInteger(b.besluit.budgetCents) || b.besluit.budgetCents <= 0) f.push('Het toegekende budget moet groter zijn dan € 0,00 (in hele centen).');
    if (b.besluit.uitvoerenTot != null && !isDatum(b.besluit.uitvoerenTot)) f.push('De einddatum van de uitvoering is geen geldige datum.');
  } else if (b.besluit?.soort === 'afwijzing') {
    if (!b.besluit.gronden.length || b.besluit.gronden.some((g) => !g.tekst.trim())) f.push('Een afwijzing noemt ten minste één grond.');
  } else if (b.besluit?.soort === 'herroeping') {
    if (!b.besluit.vervolg?.trim()) f.push('Bij een herroeping staat wat er nu met de aanvraag gebeurt.');
  } else {
    f.push('Het besluit is geen toekenning, afwijzing of herroeping.');
  }
  if (f.length) throw new BeschikkingFout(f);
}

/** The letter's sentences, separate from layout so they can be reviewed and tested as text. */
export function beschikkingTekst(b: BeschikkingInput) {
  const besluit =
    b.besluit.soort === 'toekenning'
      ? {
          kop: 'Besluit: toekenning',
          zin:
            `Wij kennen u een ${b.regeling} toe van ${formatEuro(b.besluit.budgetCents)}.` +
            (b.besluit.uitvoerenTot ? ` U voert uw plan uit vóór ${datumLang(b.besluit.uitvoerenTot)}.` : ''),
          lijstKop: b.besluit.voorwaarden.length ? 'Aan deze toekenning zijn de volgende voorwaarden verbonden:' : null,
          lijst: [...b.besluit.voorwaarden],
        }
      : b.besluit.soort === 'herroeping'
        ? {
            kop: 'Besluit: uw bezwaar is gegrond',
            zin: `Wij herroepen ons besluit op uw aanvraag voor een ${b.regeling} (artikel 7:11 Awb). ${b.besluit.vervolg}`,
            lijstKop: null,
            lijst: [] as string[],
          }
        : {
          kop: 'Besluit: afwijzing',
          zin: `Wij wijzen uw aanvraag voor een ${b.regeling} af.`,
          lijstKop: 'Wij wijzen uw aanvraag af om de volgende reden(en):',
          lijst: b.besluit.gronden.map((g) => g.tekst),
        };
  const beroep = b.bezwaar.rechtsmiddel === 'beroep';
  const bezwaar = beroep
    ? [
        `Bent u het niet eens met deze beslissing op uw bezwaar? Dan kunt u beroep instellen bij de rechtbank (sector bestuursrecht). Uw beroepschrift moet uiterlijk op ${datumLang(
          b.bezwaar.uiterlijkeReactiedatum,
        )} bij de rechtbank binnen zijn (zes weken na de dag van verzending van deze brief, artikel 6:7 en 8:1 Awb).`,
        `Stuur uw beroepschrift naar: ${b.bezwaar.adres.join(', ')}.` + (b.bezwaar.digitaal ? ` U kunt ook digitaal beroep instellen ${b.bezwaar.digitaal}.` : ''),
        'Vermeld in uw beroepschrift uw naam en adres, de datum, een kopie van deze beslissing, waarom u het er niet mee eens bent, en onderteken het. De rechtbank vraagt griffierecht.',
      ]
    : [
    `Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Uw bezwaarschrift moet uiterlijk op ${datumLang(
      b.bezwaar.uiterlijkeReactiedatum,
    )} bij ons binnen zijn (zes weken na de dag van verzending van deze brief).`,
    `Stuur uw bezwaarschrift naar: ${b.bezwaar.adres.join(', ')}.` + (b.bezwaar.digitaal ? ` U kunt ook digitaal bezwaar maken ${b.bezwaar.digitaal}.` : ''),
    'Vermeld in uw bezwaarschrift uw naam en adres, de datum, het kenmerk van deze brief, waarom u het niet eens bent met het besluit, en onderteken het.',
    'Bezwaar maken schort de werking van dit besluit niet op. Is een snelle beslissing nodig, dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening.',
      ];
  return {
    onderwerp: `Besluit op uw aanvraag ${b.regeling}`,
    aanhef: `Geachte ${b.klant.naam},`,
    inleiding: `U heeft een ${b.regeling} aangevraagd. In deze brief leest u ons besluit en waarom wij zo hebben besloten.`,
    besluit,
    motivering: b.motivering.trim(),
    bezwaarKop: beroep ? 'Beroep instellen' : 'Bezwaar maken',
    bezwaar,
    slot: 'Met vriendelijke groet,',
    namens: b.namens ?? 'namens het college van burgemeester en wethouders,',
  };
}
