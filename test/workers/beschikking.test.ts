import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BeschikkingFout, beschikking, datumLang, maakBeschikking, type BeschikkingInput, type DocumentPort } from '../../workers/beschikking/index.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

/** WinAnsi → Unicode for the few codes above 0x7f that differ from Latin-1. */
const WINANSI: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };

/**
 * Text of an uncompressed pdfmake PDF with standard fonts: every shown string is a hex
 * string inside a TJ array. Concatenated in order; compare with whitespace removed.
 */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  let out = '';
  for (const m of s.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    for (const h of m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
      const hex = h[1]!;
      for (let i = 0; i < hex.length; i += 2) {
        const c = Number.parseInt(hex.slice(i, i + 2), 16);
        out += WINANSI[c] ?? String.fromCharCode(c);
      }
    }
  }
  return out;
}
const squash = (s: string) => s.replace(/\s+/g, '');

const toekenning: BeschikkingInput = {
  gemeente: { naam: 'Gemeente Almere', afzender: 'Afdeling Werk en Inkomen', adres: ['Postbus 200', '1300 AE Almere'] },
  klant: { naam: 'mevrouw J. de Vries', adres: ['Stadhuisplein 1', '1315 HR Almere'] },
  zaakReferentie: 'PRB-2026-0042',
  regeling: 'persoonsgebonden re-integratiebudget (prb)',
  besluit: {
    soort: 'toekenning',
    budgetCents: 425_000,
    voorwaarden: ['U levert elke vijf maanden een voortgangsverslag in.', 'U geeft na zes maanden een presentatie over uw traject.'],
    uitvoerenTot: '2027-03-01',
  },
  motivering:
    'Uw plan leidt in redelijkheid tot betaald werk als heftruckchauffeur. De begroting blijft binnen het maximum van € 5.000,00 en de offertes zijn compleet.',
  datum: '2026-02-27',
  verzenddatum: '2026-03-02',
  bezwaar: { uiterlijkeReactiedatum: '2026-04-14', adres: ['Gemeente Almere', 't.a.v. de bezwaarcommissie', 'Postbus 200', '1300 AE Almere'], digitaal: 'via Mijn Regie' },
  ondertekening: { naam: 'A. Jansen', functie: 'teamleider Werk' },
};

const afwijzing: BeschikkingInput = {
  ...toekenning,
  zaakReferentie: 'PRB-2026-0043',
  besluit: {
    soort: 'afwijzing',
    gronden: [{ code: 'harde-criteria', tekst: 'U ontvangt nog geen jaar een bijstandsuitkering (verordening artikel 4).' }],
  },
  motivering: 'De gemeente Zoetermeer biedt het prb alleen aan wie ten minste een jaar een uitkering heeft.',
};

describe('beschikking PDF', () => {
  it('contains the decision, the budget, conditions, motivering and the bezwaarclausule with the date', async () => {
    const pdf = await maakBeschikking(toekenning, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    for (const expected of [
      'Gemeente Almere',
      'mevrouw J. de Vries',
      'PRB-2026-0042',
      'Besluit: toekenning',
      'Wij kennen u een persoonsgebonden re-integratiebudget (prb) toe van € 4.250,00.',
      'U voert uw plan uit vóór 1 maart 2027.',
      'U levert elke vijf maanden een voortgangsverslag in.',
      'Motivering',
      toekenning.motivering,
      'Bezwaar maken',
      'Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken.',
      'Uw bezwaarschrift moet uiterlijk op 14 april 2026 bij ons binnen zijn',
      'Stuur uw bezwaarschrift naar: Gemeente Almere, t.a.v. de bezwaarcommissie, Postbus 200, 1300 AE Almere.',
      '2 maart 2026',
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('an afwijzing names its grounds and still carries the bezwaarclausule', async () => {
    const text = squash(pdfText(await maakBeschikking(afwijzing, { compress: false })));
    expect(text).toContain(squash('Besluit: afwijzing'));
    expect(text).toContain(squash('Wij wijzen uw aanvraag voor een persoonsgebonden re-integratiebudget (prb) af.'));
    expect(text).toContain(squash('U ontvangt nog geen jaar een bijstandsuitkering (verordening artikel 4).'));
    expect(text).toContain(squash(afwijzing.motivering));
    expect(text).toContain(squash('uiterlijk op 14 april 2026'));
    expect(text).not.toContain(squash('€ 4.250,00'));
  });

  it('after a beslissing op bezwaar the clause names beroep at the rechtbank, not a second bezwaar', async () => {
    const opBezwaar: BeschikkingInput = {
      ...toekenning,
      bezwaar: { rechtsmiddel: 'beroep', uiterlijkeReactiedatum: '2026-04-14', adres: ['de rechtbank in uw arrondissement, sector bestuursrecht'] },
    };
    const text = squash(pdfText(await maakBeschikking(opBezwaar, { compress: false })));
    expect(text).toContain(squash('Beroep instellen'));
    expect(text).toContain(squash('Dan kunt u beroep instellen bij de rechtbank (sector bestuursrecht).'));
    expect(text).toContain(squash('Uw beroepschrift moet uiterlijk op 14 april 2026 bij de rechtbank binnen zijn'));
    expect(text).not.toContain(squash('Dan kunt u bezwaar maken.'));
  });

  it('a gegrond bezwaar against a refusal before any budget revokes it and says the aanvraag is handled further (Awb 7:11)', async () => {
    const herroeping: BeschikkingInput = {
      ...afwijzing,
      besluit: { soort: 'herroeping', vervolg: 'Wij behandelen uw aanvraag verder. U vindt de volgende stap bij uw zaak.' },
      bezwaar: { rechtsmiddel: 'beroep', uiterlijkeReactiedatum: '2026-04-14', adres: ['de rechtbank in uw arrondissement, sector bestuursrecht'] },
    };
    const text = squash(pdfText(await maakBeschikking(herroeping, { compress: false })));
    expect(text).toContain(squash('Besluit: uw bezwaar is gegrond'));
    expect(text).toContain(squash('Wij herroepen ons besluit op uw aanvraag voor een persoonsgebonden re-integratiebudget (prb) (artikel 7:11 Awb).'));
    expect(text).toContain(squash('Wij behandelen uw aanvraag verder.'));
    expect(text).not.toContain(squash('Wij wijzen uw aanvraag'));
    await expect(maakBeschikking({ ...herroeping, besluit: { soort: 'herroeping', vervolg: ' ' } })).rejects.toThrow(BeschikkingFout);
  });

  it('a PDF reader (pdftotext) finds the same text in the compressed letter', async () => {
    expect(hasPdftotext, 'pdftotext ontbreekt: apt-get install -y poppler-utils (npm test doet dat als root)').toBe(true);
    const pdf = await maakBeschikking(toekenning);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Besluit: toekenning');
    expect(flat).toContain('toe van € 4.250,00');
    expect(flat).toContain('Motivering');
    expect(flat).toMatch(/moet uiterlijk op 14 april 2026 bij ons binnen zijn/);
    expect(flat).toContain('De begroting blijft binnen het maximum van € 5.000,00');
  });

  it('refuses a letter without motivering, bezwaar address or a sane objection date, in Dutch', async () => {
    const bad = { ...toekenning, motivering: '  ', bezwaar: { uiterlijkeReactiedatum: '2026-03-01', adres: [] } };
    const err = await maakBeschikking(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BeschikkingFout);
    expect((err as BeschikkingFout).fouten).toEqual([
      'De motivering ontbreekt; een besluit moet worden gemotiveerd (Awb 3:46).',
      'De uiterste datum voor bezwaar moet na de verzenddatum liggen.',
      'Het adres voor bezwaar ontbreekt (Awb 3:45).',
    ]);
    await expect(maakBeschikking({ ...toekenning, besluit: { ...toekenning.besluit, budgetCents: 0 } as never })).rejects.toThrow(/groter zijn dan € 0,00/);
  });

  it('the job handler stores the PDF with the zaak, visible to the klant', async () => {
    const stored: Parameters<DocumentPort['opslaan']>[0][] = [];
    const documenten: DocumentPort = { opslaan: async (d) => (stored.push(d), { documentId: 'doc-1' }) };
    const r = await beschikking({ ...toekenning, jobKey: 'job-9', tenantId: 'almere', zaakId: 'z-42' }, { documenten });
    expect(r.documentId).toBe('doc-1');
    expect(stored[0]).toMatchObject({ tenantId: 'almere', zaakId: 'z-42', idempotencyKey: 'job-9', zichtbaarVoorKlant: true, bestandsnaam: 'beschikking-PRB-2026-0042-2026-03-02.pdf' });
    expect(stored[0]!.inhoud.length).toBe(r.bytes);
  });

  it('writes dates the Dutch way', () => {
    expect(datumLang('2026-05-05')).toBe('5 mei 2026');
    expect(() => datumLang('5-5-2026')).toThrow();
  });
});
