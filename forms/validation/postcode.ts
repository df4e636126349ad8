const POSTCODE = /^([1-9]\d{3})\s?([A-Za-z]{2})$/;
/** PostNL never issues these letter pairs. */
const UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

/** Dutch postcode stored as `1234 AB`. Returns undefined when it is not one. */
export function normalizePostcode(input: string): string | undefined {
  const match = POSTCODE.exec(input.trim());
  if (!match) return undefined;
  const letters = (match[2] ?? '').toUpperCase();
  if (UNUSED_LETTERS.has(letters)) return undefined;
  return `${match[1]} ${letters}`;
}
