// @vitest-environment jsdom
// jsdom for its standards XML parser (DOMParser); the code under test needs no DOM.
import { describe, expect, it } from 'vitest';
import { buildPain001, overboekingenVoor, SepaFout, sepaTekst, type Pain001Input } from '../../workers/sepa/index.ts';

function parse(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent ?? '');
  return { doc, all };
}

const input: Pain001Input = {
  messageId: 'RG20260301ABCDEF0123456789',
  uitvoeringsdatum: '2026-03-02',
  aangemaaktOp: new Date('2026-03-01T10:00:00Z'),
  opdrachtgever: { naam: 'Gemeente Almere', iban: 'NL02 ABNA 0123 4567 89', bic: 'ABNANL2A' },
  overboekingen: [
    { id: 'b1', naam: 'Opleidingen BV', iban: 'NL20INGB0001234567', bedragCents: 12_345, omschrijving: 'Factuur F-1 zaak Z-1' },
    { id: 'b2', naam: 'Coaching & Café Zoë', iban: 'nl44 rabo 0123 4567 89', bedragCents: 100_000, omschrijving: 'Startdeel no cure less pay' },
    { id: 'b3', naam: 'J. de Vries', iban: 'NL91ABNA0417164300', bedragCents: 1, omschrijving: 'Declaratie D-7' },
    // float sums of these go wrong without care: 0.1 + 0.2
    { id: 'b4', naam: 'A', iban: 'NL20INGB0001234567', bedragCents: 10, omschrijving: 'x' },
    { id: 'b5', naam: 'B', iban: 'NL20INGB0001234567', bedragCents: 20, omschrijving: 'y' },
  ],
};

describe('SEPA pain.001 credit transfer', () => {
  it('writes NbOfTxs, CtrlSum, the gemeente as debtor and each creditor IBAN and amount', () => {
    const out = buildPain001(input);
    expect(out).toMatchObject({ aantal: 5, totaalCents: 112_376 });
    const { doc, all } = parse(out.xml);
    expect(doc.documentElement.namespaceURI).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    expect(doc.getElementsByTagName('CstmrCdtTrfInitn')).toHaveLength(1);
    expect(all('MsgId')).toEqual(['RG20260301ABCDEF0123456789']);
    expect(all('NbOfTxs')).toEqual(['5', '5']); // GrpHdr and PmtInf
    expect(all('CtrlSum')).toEqual(['1123.76', '1123.76']);
    const dbtr = doc.getElementsByTagName('DbtrAcct')[0]!;
    expect(dbtr.getElementsByTagName('IBAN')[0]!.textContent).toBe('NL02ABNA0123456789');
    expect(doc.getElementsByTagName('Dbtr')[0]!.getElementsByTagName('Nm')[0]!.textContent).toBe('Gemeente Almere');
    expect(all('BICFI')).toContain('ABNANL2A');
    expect(doc.getElementsByTagName('ReqdExctnDt')[0]!.textContent).toBe('2026-03-02');
    const txs = Array.from(doc.getElementsByTagName('CdtTrfTxInf')).map((tx) => ({
      e2e: tx.getElementsByTagName('EndToEndId')[0]!.textContent,
      iban: tx.getElementsByTagName('CdtrAcct')[0]!.getElementsByTagName('IBAN')[0]!.textContent,
      amount: tx.getElementsByTagName('InstdAmt')[0]!.textContent,
      ccy: tx.getElementsByTagName('InstdAmt')[0]!.getAttribute('Ccy'),
      naam: tx.getElementsByTagName('Cdtr')[0]!.getElementsByTagName('Nm')[0]!.textContent,
    }));
    expect(txs).toEqual([
      { e2e: 'b1', iban: 'NL20INGB0001234567', amount: '123.45', ccy: 'EUR', naam: 'Opleidingen BV' },
      { e2e: 'b2', iban: 'NL44RABO0123456789', amount: '1000.00', ccy: 'EUR', naam: 'Coaching + Cafe Zoe' },
      { e2e: 'b3', iban: 'NL91ABNA0417164300', amount: '0.01', ccy: 'EUR', naam: 'J. de Vries' },
      { e2e: 'b4', iban: 'NL20INGB0001234567', amount: '0.10', ccy: 'EUR', naam: 'A' },
      { e2e: 'b5', iban: 'NL20INGB0001234567', amount: '0.20', ccy: 'EUR', naam: 'B' },
    ]);
    // InstrId stays within pain.001's 35 characters
    for (const id of all('InstrId')) expect(id.length).toBeLessThanOrEqual(35);
  });

  it('also writes the older pain.001.001.03 when a bank asks for it', () => {
    const { doc, all } = parse(buildPain001({ ...input, versie: 'pain.001.001.03' }).xml);
    expect(doc.documentElement.namespaceURI).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(all('CtrlSum')).toEqual(['1123.76', '1123.76']);
  });

  it('refuses an invalid creditor IBAN with a Dutch message before any XML is made', () => {
    const bad = { ...input, overboekingen: [...input.overboekingen, { id: 'b9', naam: 'Snelle Jongens', iban: 'NL00ABNA0000000001', bedragCents: 500, omschrijving: 'x' }] };
    expect(() => buildPain001(bad)).toThrow(SepaFout);
    expect(() => buildPain001(bad)).toThrow('Het rekeningnummer van Snelle Jongens (NL00ABNA0000000001) is geen geldig IBAN. Er is geen betaalbestand gemaakt.');
  });

  it('refuses an invalid gemeente IBAN, a BIC of another country, zero or fractional amounts and duplicates', () => {
    expect(() => buildPain001({ ...input, opdrachtgever: { naam: 'Gemeente Almere', iban: 'NL02ABNA0123456780' } })).toThrow(/gemeente .* geen geldig IBAN/);
    expect(() => buildPain001({ ...input, opdrachtgever: { ...input.opdrachtgever, bic: 'DEUTDEFF' } })).toThrow(/BIC/);
    expect(() => buildPain001({ ...input, overboekingen: [{ ...input.overboekingen[0]!, bedragCents: 0 }] })).toThrow(/groter zijn dan € 0,00/);
    expect(() => buildPain001({ ...input, overboekingen: [{ ...input.overboekingen[0]!, bedragCents: 12.5 }] })).toThrow(/hele centen/);
    expect(() => buildPain001({ ...input, overboekingen: [input.overboekingen[0]!, input.overboekingen[0]!] })).toThrow(/twee keer/);
    expect(() => buildPain001({ ...input, overboekingen: [] })).toThrow(/geen betalingen/);
  });

  it('keeps names and descriptions in the SEPA character set', () => {
    expect(sepaTekst('Zoë & Søren — “werk”', 70)).toBe('Zoe + Soren werk');
    expect(overboekingenVoor([{ id: 'x', zaakId: 'Z-1', payeeNaam: 'P', iban: 'NL20INGB0001234567', bedragCents: 5, referentie: 'D-1', soort: 'declaratie' }])[0]!.omschrijving).toBe(
      'Declaratie D-1 zaak Z-1',
    );
  });
});
