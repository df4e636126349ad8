/** Money is integer cents everywhere; people type euros with a decimal comma. */
export type MoneyParse =
  | { ok: true; cents: number }
  | { ok: false; reason: 'format' | 'negative' | 'too-large' };

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Accepts "1.234,56", "1234,56", "1234", "1234,5", "€ 1.234,56", "1234,-".
 * A number is taken as cents already (that is what the browser submits and what prefill holds).
 */
export function parseMoney(input: unknown): MoneyParse {
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) return { ok: false, reason: 'format' };
    if (input < 0) return { ok: false, reason: 'negative' };
    if (input > MAX_CENTS) return { ok: false, reason: 'too-large' };
    return { ok: true, cents: input };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  let text = input.replace(/\s/g, '').replace(/^(€|EUR)/i, '');
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).replace(/^(€|EUR)/i, '');
  }
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const euros = (match[1] ?? '').replace(/\./g, '');
  const fraction = match[2] === undefined || match[2].startsWith('-') ? '00' : match[2].padEnd(2, '0');
  const centsText = (euros.replace(/^0+(?=\d)/, '') + fraction).replace(/^0+(?=\d)/, '');
  if (centsText.length > 16) return { ok: false, reason: 'too-large' };
  const cents = Number(centsText);
  if (cents > MAX_CENTS) return { ok: false, reason: 'too-large' };
  if (negative && cents > 0) return { ok: false, reason: 'negative' };
  return { ok: true, cents };
}

/** 123456 → "1.234,56" (no currency sign: the field shows €). */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros},${rest}`;
}

/** 123456 → "€ 1.234,56" for display and messages. */
export function formatEuro(cents: number): string {
  return `€ ${formatCents(cents)}`;
}
