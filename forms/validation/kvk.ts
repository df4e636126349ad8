/** KvK-nummer: exactly 8 digits (no check digit since 2016, so format only). */
export function normalizeKvk(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function isValidKvk(input: string): boolean {
  return /^\d{8}$/.test(normalizeKvk(input));
}
