import type { Selectable } from 'kysely';
import type { ZaakKlok } from '../../workers/termijnen/case-clock.ts';
import { klokUitFeiten, zaakFeiten } from './clock.ts';
import type { ZaakEventTable, ZaakTable } from './tables.ts';

/**
 * Where a zaak stands in the manager's doorlooptijden. A running zaak by its clock today; a
 * decided zaak by whether its besluit was bekendgemaakt on or before the uiterlijke einddatum
 * (Awb 3:40 and 4:13, with opschorting, verdaging and the Algemene termijnenwet — the zaak
 * clock's rules). A zaak closed without a besluit (ingetrokken) is in none of them.
 */
export const DOORLOOPTIJD_CATEGORIEEN = ['in-termijn', 'risico', 'over-termijn', 'besloten-binnen-termijn', 'besloten-buiten-termijn'] as const;
export type DoorlooptijdCategorie = (typeof DOORLOOPTIJD_CATEGORIEEN)[number];

/** Only the zaak events that move the clock. */
export const CLOCK_EVENTS = ['zaak.beslistermijn-bepaald', 'zaak.opgeschort', 'zaak.hervat', 'zaak.verdaagd', 'zaak.ingebrekestelling-ontvangen', 'zaak.besluit-bekendgemaakt'] as const;

type ZaakRow = Selectable<ZaakTable>;
type EventRow = Pick<Selectable<ZaakEventTable>, 'type' | 'data'>;

/** Decided zaken count when their besluit was bekendgemaakt within the period (both ends included). */
export interface Periode {
  van?: string | undefined;
  tot?: string | undefined;
}

export interface Indeling {
  categorie: DoorlooptijdCategorie;
  /** Bekendmaking of the besluit (decided zaken only). */
  besluit: string | null;
  /** Calendar days from receipt to bekendmaking (decided zaken only). */
  dagen: number | null;
  /** Dwangsom accrued (Awb 4:17) after an effective ingebrekestelling; null without one. */
  dwangsomCent: number | null;
  klok: ZaakKlok;
}

const dwangsomCent = (klok: ZaakKlok) => (klok.dwangsom && klok.dwangsom.status !== 'voorbarig' ? klok.dwangsom.bedragCenten : null);

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const inPeriode = (dag: string, p: Periode) => (!p.van || dag >= p.van) && (!p.tot || dag <= p.tot);

/** The zaak's category, or null when it counts nowhere (closed without besluit, or decided outside the period). */
export function deelIn(zaak: ZaakRow, events: readonly EventRow[], peildatum: string, periode: Periode = {}): Indeling | null {
  const feiten = zaakFeiten(zaak, events);
  const klok = klokUitFeiten(zaak, feiten, peildatum);
  const einddatum = feiten.einddatum;
  if (klok.afgehandeld && einddatum) {
    if (!inPeriode(einddatum, periode)) return null;
    // For a decided zaak the clock's status is that on its einddatum.
    const categorie = klok.status === 'termijn-verlopen' ? 'besloten-buiten-termijn' : 'besloten-binnen-termijn';
    return { categorie, besluit: einddatum, dagen: daysBetween(zaak.startdatum, einddatum), dwangsomCent: dwangsomCent(klok), klok };
  }
  if (zaak.status === 'afgesloten') return null;
  const categorie = klok.status === 'op-tijd' ? 'in-termijn' : klok.status === 'servicenorm-overschreden' ? 'risico' : 'over-termijn';
  return { categorie, besluit: null, dagen: null, dwangsomCent: dwangsomCent(klok), klok };
}

/** Events per zaak id, in the order given. */
export function perZaak<E extends { zaak_id: string }>(events: readonly E[]): Map<string, E[]> {
  const byZaak = new Map<string, E[]>();
  for (const e of events) {
    const list = byZaak.get(e.zaak_id);
    if (list) list.push(e);
    else byZaak.set(e.zaak_id, [e]);
  }
  return byZaak;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
