import { formatEuro } from './money.ts';
import { formatDutchDate } from './dates.ts';

/**
 * All user-facing validation text, in Dutch, addressing the user with "u".
 * Labels are folded into the sentence: "Uw naam" → "Vul uw naam in.".
 */
function inSentence(label: string | undefined, fallback: string): string {
  const text = (label ?? '').trim().replace(/[:*]+$/, '').trim();
  if (text === '') return fallback;
  // Keep acronyms (BSN, IBAN, KvK-nummer) as written; lower-case an ordinary first word.
  return /^[A-Z][a-zà-ÿ]*(?=\s|$)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A label that is a question ("Welke uitkering heeft u?") cannot be folded into a sentence. */
const isQuestion = (label: string | undefined): label is string => (label ?? '').trim().endsWith('?');

export const messages = {
  required: (label?: string) =>
    isQuestion(label) ? `Geef antwoord op de vraag: ${label.trim()}` : `Vul ${inSentence(label, 'dit veld')} in.`,
  choose: (label?: string) =>
    isQuestion(label) ? `Kies een antwoord op de vraag: ${label.trim()}` : `Kies ${inSentence(label, 'een antwoord')}.`,
  chooseAtLeastOne: (label?: string) =>
    isQuestion(label)
      ? `Kies minstens één antwoord op de vraag: ${label.trim()}`
      : `Kies bij ${inSentence(label, 'deze vraag')} minstens één antwoord.`,
  mustCheck: (label?: string) => `Vink ${label ? `"${label.trim()}"` : 'dit vakje'} aan om verder te gaan.`,
  fileRequired: (label?: string) => `Voeg ${inSentence(label, 'een bestand')} toe.`,
  notText: 'Vul hier tekst in.',
  tooShort: (n: number) => `Vul minstens ${n} ${n === 1 ? 'teken' : 'tekens'} in.`,
  tooLong: (n: number) => `Vul maximaal ${n} ${n === 1 ? 'teken' : 'tekens'} in.`,
  pattern: 'De invoer heeft niet de goede vorm.',
  email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  phone: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
  bsn: 'Het BSN klopt niet. Controleer de 9 cijfers.',
  iban: 'Het IBAN klopt niet. Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00.',
  kvk: 'Het KvK-nummer bestaat uit 8 cijfers.',
  postcode: 'Vul de postcode in als 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.',
  moneyFormat: "Vul het bedrag in euro's in, bijvoorbeeld 1.234,56.",
  moneyNegative: 'Het bedrag mag niet negatief zijn.',
  moneyTooLarge: 'Het bedrag is te groot.',
  moneyMin: (cents: number) => `Het bedrag moet minimaal ${formatEuro(cents)} zijn.`,
  moneyMax: (cents: number) => `Het bedrag mag niet hoger zijn dan ${formatEuro(cents)}.`,
  number: 'Vul een getal in, bijvoorbeeld 12 of 12,5.',
  numberMin: (n: number) => `Vul een getal in van minimaal ${String(n).replace('.', ',')}.`,
  numberMax: (n: number) => `Vul een getal in van maximaal ${String(n).replace('.', ',')}.`,
  decimals: (n: number) =>
    n === 0 ? 'Vul een heel getal in, zonder komma.' : `Gebruik maximaal ${n} ${n === 1 ? 'cijfer' : 'cijfers'} achter de komma.`,
  date: 'Vul een geldige datum in, bijvoorbeeld 31-12-2025.',
  dateNotPast: (today: string) => `Kies een datum vanaf vandaag (${formatDutchDate(today)}).`,
  dateNotFuture: (today: string) => `Kies een datum tot en met vandaag (${formatDutchDate(today)}).`,
  option: 'Kies een van de aangeboden antwoorden.',
  checkbox: 'Ongeldige waarde: dit vakje is aan of uit.',
  file: 'Het bestand is niet goed opgeslagen. Voeg het opnieuw toe.',
  list: 'Deze lijst heeft niet de goede vorm.',
  row: 'Deze regel heeft niet de goede vorm.',
  minRows: (n: number, label?: string) => `Voeg bij ${inSentence(label, 'deze lijst')} minstens ${n} ${n === 1 ? 'regel' : 'regels'} toe.`,
  maxRows: (n: number, label?: string) => `Bij ${inSentence(label, 'deze lijst')} kunnen maximaal ${n} regels.`,
  unknownField: 'Dit veld hoort niet bij dit formulier.',
  notAnObject: 'Het formulier is leeg of heeft niet de goede vorm.',
};
