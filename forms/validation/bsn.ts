/** BSN: 9 digits passing the elfproef (weights 9..2 and -1). An 8-digit BSN has a leading 0 dropped. */
export function normalizeBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? '0' + digits : digits;
}

export function isValidBsn(input: string): boolean {
  const bsn = normalizeBsn(input);
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}
