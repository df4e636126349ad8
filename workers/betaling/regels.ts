import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { isCents, isPositiveCents, type Cents } from './bedrag.ts';
import { weigeringen } from './berichten.ts';
import {
  BETAALROUTES,
  RESERVERENDE_STATUSSEN,
  type BetaalBeslissing,
  type BetaalVerzoek,
  type Betaling,
  type LedgerSnapshot,
  type NieuweBetaling,
  type Termijn,
  type Verplichting,
  type Weigering,
} from './types.ts';

/** Electronic format: capitals, no spaces. Empty string when it cannot be an IBAN. */
export function normalizeIban(input: string): string {
  return electronicFormatIBAN(input) ?? '';
}

export function isValidIban(input: string): boolean {
  const iban = normalizeIban(input);
  return iban !== '' && isValidIBAN(iban);
}

export function normalizeKvk(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function isValidKvk(input: string): boolean {
  return /^\d{8}$/.test(normalizeKvk(input));
}

function reserves(b: Betaling): boolean {
  return RESERVERENDE_STATUSSEN.includes(b.status);
}

/** Paid plus approved-unpaid plus proposed: what the zaak's budget already carries. */
export function gereserveerd(betalingen: readonly Betaling[], verplichtingId?: string): Cents {
  return betalingen
    .filter((b) => reserves(b) && (verplichtingId === undefined || b.verplichtingId === verplichtingId))
    .reduce((sum, b) => sum + b.bedragCents, 0);
}

/** What can still be spent on the zaak (never negative). */
export function beschikbaar(snapshot: LedgerSnapshot): Cents {
  if (!snapshot.toekenning) return 0;
  return Math.max(0, snapshot.toekenning.bedragCents - gereserveerd(snapshot.betalingen));
}

/**
 * No cure less pay: the start share (basis points, 6000 = 60%) rounded down to the cent,
 * the rest on the result. start + resultaat === total, always.
 */
export function splitNoCureLessPay(totalCents: Cents, startAandeelBp: number): Record<Termijn, Cents> {
  if (!isCents(totalCents) || totalCents < 0) throw new RangeError('Het totaal moet een niet-negatief bedrag in centen zijn.');
  if (!Number.isSafeInteger(startAandeelBp) || startAandeelBp < 0 || startAandeelBp > 10_000) {
    throw new RangeError('Het startdeel is een percentage tussen 0 en 100 (in basispunten 0–10000).');
  }
  const start = Number((BigInt(totalCents) * BigInt(startAandeelBp)) / 10_000n);
  return { start, resultaat: totalCents - start };
}

/** 60 → 6000, 33.33 → 3333; refuses more than two decimals so nothing is silently rounded. */
export function procentNaarBasispunten(procent: number): number {
  const bp = Math.round(procent * 100);
  if (!Number.isFinite(procent) || Math.abs(bp - procent * 100) > 1e-6 || bp < 0 || bp > 10_000) {
    throw new RangeError('Het percentage moet tussen 0 en 100 liggen, met hoogstens twee decimalen.');
  }
  return bp;
}

/**
 * Checks that need no ledger: run before touching the database. Returns the first
 * problem, or null when the request is well-formed.
 */
export function controleerVerzoek(v: BetaalVerzoek): Weigering | null {
  if (!isPositiveCents(v.bedragCents)) return weigeringen.bedragOngeldig();
  if (!isValidIban(v.begunstigde.iban)) return weigeringen.ibanOngeldig(v.begunstigde.iban);
  if (v.begunstigde.kvk != null && v.begunstigde.kvk !== '' && !isValidKvk(v.begunstigde.kvk)) {
    return weigeringen.kvkOngeldig(v.begunstigde.kvk);
  }
  if (v.soort === 'termijn' && v.termijn !== 'start' && v.termijn !== 'resultaat') {
    return weigeringen.termijnOngeldig('Geef bij een termijnbetaling aan of het om het startdeel of het resultaatdeel gaat.');
  }
  if (v.soort !== 'termijn' && v.termijn != null) {
    return weigeringen.termijnOngeldig('Alleen een termijnbetaling (no cure less pay) heeft een termijn.');
  }
  if (!BETAALROUTES.includes(v.betaalroute)) throw new TypeError(`Onbekende betaalroute: ${String(v.betaalroute)}`);
  if (!isCents(v.financieGrensCents) || v.financieGrensCents < 0) throw new TypeError('De grens voor goedkeuring door financiën ontbreekt.');
  return null;
}

function zelfdePartij(v: Verplichting, iban: string, kvk: string | null): boolean {
  if (v.iban === null || normalizeIban(v.iban) !== iban) return false;
  if (kvk !== null && (v.kvk === null || normalizeKvk(v.kvk) !== kvk)) return false;
  return true;
}

/**
 * The payment rules, evaluated on a snapshot taken under the zaak's lock.
 * Pure: same request and snapshot, same decision.
 */
export function beslisBetaling(v: BetaalVerzoek, s: LedgerSnapshot): BetaalBeslissing {
  const vorm = controleerVerzoek(v);
  if (vorm) return { uitkomst: 'geweigerd', weigering: vorm };
  const iban = normalizeIban(v.begunstigde.iban);
  const kvk = v.begunstigde.kvk ? normalizeKvk(v.begunstigde.kvk) : null;
  const weiger = (weigering: Weigering): BetaalBeslissing => ({ uitkomst: 'geweigerd', weigering });

  const t = s.toekenning;
  if (!t) return weiger(weigeringen.geenToekenning());
  const verplichting = s.verplichtingen.find((x) => x.id === v.verplichtingId);
  if (!verplichting) return weiger(weigeringen.onbekendeVerplichting(v.verplichtingId));
  const klantIban = t.klantIban ? normalizeIban(t.klantIban) : null;

  if (v.soort === 'declaratie') {
    if (v.betaalroute !== 'klant-declareert') return weiger(weigeringen.declaratieNietToegestaan());
    if (!klantIban) return weiger(weigeringen.geenKlantrekening());
    if (iban !== klantIban) return weiger(weigeringen.declaratieNietAanKlant());
    if (verplichting.bekostiging !== 'vast') return weiger(weigeringen.termijnVereist());
  } else {
    if (klantIban && iban === klantIban) return weiger(weigeringen.klantAlleenDeclaratie());
    if (!zelfdePartij(verplichting, iban, kvk)) return weiger(weigeringen.begunstigdeNietInPlan(v.begunstigde.naam));
    if (v.soort === 'factuur' && verplichting.bekostiging === 'no-cure-less-pay') return weiger(weigeringen.termijnVereist());
  }

  const actief = s.betalingen.filter(reserves);
  if (v.soort === 'termijn') {
    const termijn = v.termijn as Termijn;
    if (verplichting.bekostiging !== 'no-cure-less-pay' || verplichting.startAandeelBp === null) {
      return weiger(weigeringen.termijnOngeldig('Deze overeenkomst kent geen termijnen: u betaalt op factuur.'));
    }
    if (actief.some((b) => b.verplichtingId === verplichting.id && b.soort === 'termijn' && b.termijn === termijn)) {
      return weiger(weigeringen.termijnAlBetaald(termijn));
    }
    if (termijn === 'resultaat' && v.werkGevonden !== true) return weiger(weigeringen.resultaatNietBehaald());
    const split = splitNoCureLessPay(verplichting.bedragCents, verplichting.startAandeelBp);
    if (v.bedragCents !== split[termijn]) {
      return weiger(
        weigeringen.termijnOngeldig(
          `Het ${termijn === 'start' ? 'startdeel' : 'resultaatdeel'} is volgens de afspraak ${split[termijn]} cent, niet ${v.bedragCents} cent.`,
        ),
      );
    }
  }

  const referentie = v.referentie?.trim() || null;
  if (
    referentie &&
    actief.some((b) => b.verplichtingId === verplichting.id && b.soort === v.soort && b.referentie === referentie)
  ) {
    return weiger(weigeringen.dubbeleFactuur(referentie));
  }

  const vrij = t.bedragCents - gereserveerd(s.betalingen);
  if (v.bedragCents > vrij) return weiger(weigeringen.bovenBudget(v.bedragCents, Math.max(0, vrij), t.bedragCents));
  const open = verplichting.bedragCents - gereserveerd(s.betalingen, verplichting.id);
  if (v.bedragCents > open) return weiger(weigeringen.bovenVerplichting(v.bedragCents, Math.max(0, open), verplichting.omschrijving));

  return { uitkomst: 'gereserveerd', status: v.bedragCents > v.financieGrensCents ? 'voorgesteld' : 'goedgekeurd' };
}

/** The row to store for a decision: accepted rows reserve budget, refused rows only remember the answer. */
export function teBoekenBetaling(v: BetaalVerzoek, beslissing: BetaalBeslissing, s: LedgerSnapshot): NieuweBetaling {
  const known = s.verplichtingen.some((x) => x.id === v.verplichtingId);
  const kvk = v.begunstigde.kvk ? normalizeKvk(v.begunstigde.kvk) : null;
  const base = {
    verplichtingId: known ? v.verplichtingId : null,
    soort: v.soort,
    termijn: v.soort === 'termijn' ? (v.termijn ?? null) : null,
    referentie: v.referentie?.trim() || null,
    omschrijving: v.omschrijving?.trim() || null,
    payeeNaam: v.begunstigde.naam,
    iban: normalizeIban(v.begunstigde.iban) || v.begunstigde.iban,
    kvk,
    bedragCents: v.bedragCents,
    ingediendDoor: v.ingediendDoor ?? null,
    financieringsbron: v.financieringsbron ?? null,
  };
  if (beslissing.uitkomst === 'geweigerd') {
    return { ...base, status: 'afgewezen', redenCode: beslissing.weigering.code, reden: beslissing.weigering.bericht, approvedBy: null };
  }
  return {
    ...base,
    status: beslissing.status,
    redenCode: null,
    reden: null,
    // Below the finance threshold the rules themselves approve.
    approvedBy: beslissing.status === 'goedgekeurd' ? 'systeem' : null,
  };
}

/** A new verplichting must be payable, within the toekenning, and never the klant as provider. */
export function controleerVerplichting(
  nieuw: Pick<Verplichting, 'iban' | 'kvk' | 'bedragCents' | 'bekostiging' | 'startAandeelBp'>,
  s: LedgerSnapshot,
): Weigering | null {
  if (!isPositiveCents(nieuw.bedragCents)) return weigeringen.bedragOngeldig();
  if (nieuw.iban !== null && !isValidIban(nieuw.iban)) return weigeringen.ibanOngeldig(nieuw.iban);
  if (nieuw.kvk !== null && !isValidKvk(nieuw.kvk)) return weigeringen.kvkOngeldig(nieuw.kvk);
  if (nieuw.bekostiging === 'no-cure-less-pay') {
    if (nieuw.iban === null) return weigeringen.termijnOngeldig('Bij no cure less pay hoort één hoofdaannemer met een rekeningnummer.');
    if (nieuw.startAandeelBp === null || !Number.isSafeInteger(nieuw.startAandeelBp) || nieuw.startAandeelBp < 0 || nieuw.startAandeelBp > 10_000) {
      return weigeringen.termijnOngeldig('Geef bij no cure less pay het startdeel op als percentage tussen 0 en 100.');
    }
  }
  const t = s.toekenning;
  if (!t) return weigeringen.geenToekenning();
  if (nieuw.iban !== null && t.klantIban && normalizeIban(nieuw.iban) === normalizeIban(t.klantIban)) {
    return weigeringen.klantAlleenDeclaratie();
  }
  const vastgelegd = s.verplichtingen.reduce((sum, x) => sum + x.bedragCents, 0);
  if (vastgelegd + nieuw.bedragCents > t.bedragCents) {
    return weigeringen.bovenBudget(nieuw.bedragCents, Math.max(0, t.bedragCents - vastgelegd), t.bedragCents);
  }
  return null;
}
