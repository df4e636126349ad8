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
