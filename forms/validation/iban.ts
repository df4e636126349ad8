import { electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';

/** Stored without spaces in capitals, as banks and payment files expect. */
export function normalizeIban(input: string): string {
  return electronicFormatIBAN(input) ?? '';
}

export function isValidIban(input: string): boolean {
  const iban = normalizeIban(input);
  return iban !== '' && isValidIBAN(iban);
}

export function formatIban(input: string): string {
  return friendlyFormatIBAN(input) ?? input;
}
