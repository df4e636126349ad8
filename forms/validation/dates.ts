import { isIsoDate, todayInAmsterdam as amsterdamDay } from '../../workers/termijnen/iso-date.ts';

/** Calendar rules run on Europe/Amsterdam dates (DESIGN §3); one implementation, in workers/termijnen. */
export const todayInAmsterdam = (now: Date = new Date()): string => amsterdamDay(now);
export { isIsoDate };

/** "2025-03-01" → "1 maart 2025" for messages. */
export function formatDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/**
 * Calendar months a period touches (2026-01-01 … 2026-03-31: 3; 2026-01-15 … 2026-04-14: 4): a
 * loonopgave may claim no more months than this, in the browser and on the server alike.
 */
export function maandenGeraakt(van: string, tot: string): number {
  const [y1, m1] = van.split('-').map(Number) as [number, number];
  const [y2, m2] = tot.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}
