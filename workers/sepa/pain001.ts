import { Document } from 'sepa';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { centsToDecimal, isPositiveCents, type Cents } from '../betaling/bedrag.ts';

/** The gemeente that pays: the debtor of every transfer. */
export interface Opdrachtgever {
  naam: string;
  iban: string;
  /** Optional in SEPA within the EEA; when given it must be valid and match the IBAN's country. */
  bic?: string | null;
}

export interface Overboeking {
  /** End-to-end reference, at most 35 characters (e.g. the betaling id). */
  id: string;
  naam: string;
  iban: string;
  bedragCents: Cents;
  /** Unstructured remittance information, shown on the payee's statement (max 140). */
  omschrijving: string;
}

export interface Pain001Input {
  /** GrpHdr/MsgId: unique per file, at most 35 characters. */
  messageId: string;
  /** Requested execution date, YYYY-MM-DD. */
  uitvoeringsdatum: string;
  aangemaaktOp?: Date;
  opdrachtgever: Opdrachtgever;
  overboekingen: readonly Overboeking[];
  /** pain.001.001.09 (SEPA 2019 rulebook, default) or the older pain.001.001.03. */
  versie?: 'pain.001.001.09' | 'pain.001.001.03';
}

export interface Pain001 {
  xml: string;
  aantal: number;
  totaalCents: Cents;
}

/** Refused before any XML is made; message in Dutch for the user. */
export class SepaFout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SepaFout';
  }
}

/**
 * The SEPA character set (EPC basic Latin): letters, digits, space and / - ? : ( ) . , ' +.
 * Accents are stripped (é → e), other characters become a space.
 */
const TRANSLIT: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ĳ: 'ij', Ĳ: 'IJ' };

export function sepaTekst(input: string, max: number): string {
  return input
    .replace(/[øØæÆœŒßłŁđĐĳĲ]/g, (c) => TRANSLIT[c] ?? ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, '+')
    .replace(/[^A-Za-z0-9 /\-?:().,'+]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

function iban(input: string, wie: string): string {
  const e = electronicFormatIBAN(input) ?? '';
  if (!e || !isValidIBAN(e)) throw new SepaFout(`Het rekeningnummer van ${wie} (${input}) is geen geldig IBAN. Er is geen betaalbestand gemaakt.`);
  return e;
}

const SEPA_ID = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;

/**
 * Builds a pain.001 credit transfer document: one payment information block from the
 * gemeente's account, one transaction per overboeking. Everything is checked first
 * (IBANs with ibantools, amounts in whole cents > 0, ids); a problem throws SepaFout
 * and no XML is produced. The control sum is computed in cents and checked against
 * what the library wrote.
 */
export function buildPain001(input: Pain001Input): Pain001 {
  const versie = input.versie ?? 'pain.001.001.09';
  if (!SEPA_ID.test(input.messageId)) throw new SepaFout('Het berichtkenmerk (MsgId) is leeg, te lang of bevat ongeldige tekens.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.uitvoeringsdatum)) throw new SepaFout('De uitvoeringsdatum moet als JJJJ-MM-DD worden opgegeven.');
  if (input.overboekingen.length === 0) throw new SepaFout('Er zijn geen betalingen om te versturen.');
  const debtorIban = iban(input.opdrachtgever.iban, `de gemeente (${input.opdrachtgever.naam})`);
  const bic = input.opdrachtgever.bic ? input.opdrachtgever.bic.replace(/\s/g, '').toUpperCase() : '';
  if (bic && (!isValidBIC(bic) || bic.slice(4, 6) !== debtorIban.slice(0, 2))) {
    throw new SepaFout(`De BIC ${input.opdrachtgever.bic} is ongeldig of hoort niet bij het IBAN van de gemeente.`);
  }
  let totaalCents = 0;
  const regels = input.overboekingen.map((o) => {
    if (!isPositiveCents(o.bedragCents)) throw new SepaFout(`Het bedrag van betaling ${o.id} moet groter zijn dan € 0,00 en in hele centen.`);
    if (!SEPA_ID.test(o.id)) throw new SepaFout(`Het kenmerk van betaling ${o.id} is te lang (max. 35 tekens) of bevat ongeldige tekens.`);
    totaalCents += o.bedragCents;
    return { ...o, iban: iban(o.iban, o.naam) };
  });
  if (new Set(regels.map((r) => r.id)).size !== regels.length) throw new SepaFout('Een betaling staat twee keer in het betaalbestand.');

  const [y, m, d] = input.uitvoeringsdatum.split('-').map(Number) as [number, number, number];
  const doc = new Document(versie);
  doc.grpHdr.id = input.messageId;
  doc.grpHdr.created = input.aangemaaktOp ?? new Date();
  doc.grpHdr.initiatorName = sepaTekst(input.opdrachtgever.naam, 70);
  const info = doc.createPaymentInfo();
  // The library writes the local calendar date of this Date: build it from local parts.
  info.requestedExecutionDate = new Date(y, m - 1, d);
  info.debtorName = sepaTekst(input.opdrachtgever.naam, 70);
  info.debtorIBAN = debtorIban;
  info.debtorBIC = bic;
  info.batchBooking = true;
  doc.addPaymentInfo(info);
  for (const r of regels) {
    const tx = info.createTransaction();
    tx.creditorName = sepaTekst(r.naam, 70);
    tx.creditorIBAN = r.iban;
    tx.amount = Number(centsToDecimal(r.bedragCents));
    tx.remittanceInfo = sepaTekst(r.omschrijving, 140);
    tx.end2endId = r.id;
    info.addTransaction(tx);
  }
  let xml: string;
  try {
    xml = doc.toString();
  } catch (e) {
    throw new SepaFout(`Het betaalbestand kon niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}`);
  }
  // The library sums floats; the cents are the truth. Refuse any difference.
  const ctrl = [...xml.matchAll(/<CtrlSum>([^<]+)<\/CtrlSum>/g)].map((x) => x[1]);
  if (ctrl.length === 0 || ctrl.some((c) => c !== centsToDecimal(totaalCents))) {
    throw new SepaFout('De controlesom van het betaalbestand klopt niet met de som van de betalingen.');
  }
  return { xml, aantal: regels.length, totaalCents };
}

/** Maps ledger betalingen (in a batch) to transfers; the betaling id is the end-to-end id. */
export function overboekingenVoor(
  betalingen: readonly { id: string; zaakId: string; payeeNaam: string; iban: string; bedragCents: Cents; referentie: string | null; soort: string }[],
): Overboeking[] {
  return betalingen.map((b) => ({
    id: b.id,
    naam: b.payeeNaam,
    iban: b.iban,
    bedragCents: b.bedragCents,
    omschrijving: [b.soort === 'declaratie' ? 'Declaratie' : 'Betaling', b.referentie, `zaak ${b.zaakId}`].filter(Boolean).join(' '),
  }));
}
