/**
 * Dutch numbers (06 12345678, 020-1234567) or international (+31 6 12345678, 0044…).
 * Lenient on separators because people type them every way.
 */
export function isValidPhone(input: string): boolean {
  const compact = input.replace(/[\s().-]/g, '');
  return /^0[1-9]\d{8}$/.test(compact) || /^(\+|00)[1-9]\d{7,14}$/.test(compact);
}
