import { parseDuration } from '../../workers/termijnen/index.ts';

/** A period split into n equal reporting intervals: P15M / 3 → P5M; otherwise in whole days. */
export function divideDuration(periode: string, n: number): string {
  const d = parseDuration(periode);
  const months = d.jaren * 12 + d.maanden;
  const days = d.weken * 7 + d.dagen;
  if (days === 0 && months % n === 0) return `P${months / n}M`;
  return `P${Math.max(1, Math.round((months * 30 + days) / n))}D`;
}
