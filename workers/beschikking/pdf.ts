import { createRequire } from 'node:module';
import { beschikkingTekst, controleerBeschikking, datumLang } from './tekst.ts';
import type { BeschikkingInput, BeschikkingOpties } from './types.ts';

/** The part of pdfmake 0.3's server API we use (the package ships no type declarations). */
interface PdfMakeServer {
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

/** The 14 standard PDF fonts need no font files: pdfkit carries their metrics (WinAnsi, € included). */
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const STANDAARD = new Set(Object.values(HELVETICA));

let pdfmake: PdfMakeServer | undefined;
function printer(): PdfMakeServer {
  if (!pdfmake) {
    const require = createRequire(import.meta.url);
    const p = require('pdfmake') as PdfMakeServer;
    // No downloads, and no file access except the standard font names.
    p.setUrlAccessPolicy(() => false);
    p.setLocalAccessPolicy((path) => STANDAARD.has(path));
    p.addFonts({ Helvetica: HELVETICA });
    pdfmake = p;
  }
  return pdfmake;
}

/** Characters outside WinAnsi (the standard fonts' encoding) would print as garbage: replace them. */
function winAnsi(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u20ac\n]/g, '?');
}

/**
 * The beschikking as a PDF (pdfmake, standard Helvetica): gemeente and klant, date and
 * reference, the decision (toekenning with the budget and conditions, or afwijzing with
 * its grounds), the motivering (Awb 3:46) and the bezwaarclausule with the last date
 * for objection and where to send it (Awb 3:45, 6:7). Throws BeschikkingFout (Dutch)
 * when an Awb element is missing.
 */
export async function maakBeschikking(input: BeschikkingInput, opties: BeschikkingOpties = {}): Promise<Buffer> {
  controleerBeschikking(input);
  const t = beschikkingTekst(input);
  const w = winAnsi;
  const adres = (a: { naam: string; adres?: readonly string[] }) => [a.naam, ...(a.adres ?? [])].map(w).join('\n');
  const doc = {
    compress: opties.compress ?? true,
    info: { title: w(t.onderwerp), author: w(input.gemeente.naam), subject: w(`Beschikking ${input.zaakReferentie}`) },
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    defaultStyle: { font: 'Helvetica', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      afzender: { fontSize: 14, bold: true },
      kop: { fontSize: 11.5, bold: true, margin: [0, 14, 0, 4] },
      klein: { fontSize: 9, color: '#444444' },
    },
    content: [
      { text: w(input.gemeente.naam), style: 'afzender' },
      ...(input.gemeente.afzender || input.gemeente.adres?.length
        ? [{ text: w([input.gemeente.afzender, ...(input.gemeente.adres ?? [])].filter(Boolean).join('\n')), style: 'klein' }]
        : []),
      { text: adres(input.klant), margin: [0, 30, 0, 24] },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Datum', w(datumLang(input.verzenddatum))],
            ['Ons kenmerk', w(input.zaakReferentie)],
            ['Datum besluit', w(datumLang(input.datum))],
            ['Onderwerp', w(t.onderwerp)],
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 18],
      },
      { text: w(t.aanhef), margin: [0, 0, 0, 8] },
      { text: w(t.inleiding) },
      { text: w(t.besluit.kop), style: 'kop' },
      { text: w(t.besluit.zin) },
      ...(t.besluit.lijstKop ? [{ text: w(t.besluit.lijstKop), margin: [0, 6, 0, 2] }, { ul: t.besluit.lijst.map(w) }] : []),
      { text: 'Motivering', style: 'kop' },
      ...t.motivering.split(/\n{2,}/).map((p) => ({ text: w(p), margin: [0, 0, 0, 6] })),
      { text: w(t.bezwaarKop), style: 'kop' },
      ...t.bezwaar.map((p) => ({ text: w(p), margin: [0, 0, 0, 6] })),
      { text: w(t.slot), margin: [0, 18, 0, 0] },
      { text: w(t.namens) },
      ...(input.ondertekening
        ? [{ text: w(`${input.ondertekening.naam}\n${input.ondertekening.functie}`), margin: [0, 24, 0, 0] }]
        : []),
    ],
    footer: (page: number, pages: number) => ({
      text: w(`${input.gemeente.naam} - kenmerk ${input.zaakReferentie} - pagina ${page} van ${pages}`),
      style: 'klein',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
  };
  return printer().createPdf(doc).getBuffer();
}
