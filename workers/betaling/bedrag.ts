/**
 * Money is integer cents everywhere. These helpers never touch floating-point
 * arithmetic on amounts: formatting and splitting work on integers only.
 */

export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A payable amount: a whole number of cents, greater than zero. */
export function isPositiveCents(value: unknown): value is Cents {
  return isCents(value) && value > 0;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 425000 → "€ 4.250,00" (Dutch notation, plain space after the euro sign). */
export function formatEuro(cents: Cents): string {
  if (!isCents(cents)) throw new RangeError(`Geen bedrag in hele centen: ${String(cents)}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}€ ${groupThousands(String(euros), '.')},${String(rest).padStart(2, '0')}`;
}

/** 12345 → "123.45": the decimal notation of SEPA XML amounts. */
export function centsToDecimal(cents: Cents): string {
  if (!isCents(cents) || cents < 0) throw new RangeError(`Geen bedrag in hele centen: ${String(cents)}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Splits a total over weights (largest-remainder method): every part is a whole
 * number of cents and the parts always add up to exactly the total.
 */
export function verdeel(totalCents: Cents, weights: readonly number[]): Cents[] {
  if (!isCents(totalCents) || totalCents < 0) throw new RangeError('Het totaal moet een niet-negatief bedrag in centen zijn.');
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('De verdeling moet uit niet-negatieve hele getallen bestaan.');
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0) throw new RangeError('De verdeling telt op tot nul.');
  // BigInt: total × weight may exceed 2^53 for large weights.
  const total = BigInt(totalCents);
  const sum = BigInt(weightSum);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1;
  }
  return parts.map(Number);
}
