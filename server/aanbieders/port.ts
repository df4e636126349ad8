/**
 * Port of the shared provider catalogue (aanbieders) for the regelingen (pib, iro, rio, …).
 * Process code (job handlers, commands) uses only these names; the tables behind them are the
 * catalogue's own. Every function joins the caller's transaction when given one (DbOrTx),
 * and writes its zaak event in that same transaction.
 */
import type { DbOrTx } from '../db/transaction.ts';
import * as impl from './commands.ts';

export type { DbOrTx } from '../db/transaction.ts';
export { AanbiederFout, type AanbiederFoutCode } from './fout.ts';

export type AanbiederRol = 'reintegratiebedrijf' | 'taalaanbieder' | 'opleider' | 'jobcoach' | 'overig';
export type ZaakAanbiederStatus = 'gekozen' | 'gecontracteerd' | 'beeindigd';
export type Resultaat = 'geplaatst' | 'niet-geplaatst' | 'afgerond' | 'voortijdig-gestopt';

export interface KiesAanbiederInput {
  tenantId: string;
  zaakId: string;
  aanbiederId: string;
  gekozenDoor: 'klant' | 'klantmanager' | 'rib-samen';
  actor: string;
}

export interface ContracteerAanbiederInput {
  tenantId: string;
  zaakId: string;
  aanbiederId: string;
  bedragCent: number;
  actor: string;
}

export interface RegistreerResultaatInput {
  tenantId: string;
  zaakId: string;
  aanbiederId: string;
  resultaat: Resultaat;
  actor: string;
}

/** The payee data a verplichting/betaling in the ledger needs. */
export interface AanbiederBetaalgegevens {
  iban: string;
  naam: string;
  kvk: string;
}

/**
 * Client (or klantmanager) records the chosen provider for a zaak; refuses a provider that is not
 * in the tenant's pool for that regeling (a provider a klant proposed counts once a klantmanager
 * approved it: status 'in-pool'). Choosing the same provider again changes nothing.
 * Event: zaak.aanbieder-gekozen. Errors: onbekend, niet-in-pool, zaak-afgesloten (+ 404 problem for an unknown zaak).
 */
export function kiesAanbieder(db: DbOrTx, input: KiesAanbiederInput): Promise<void> {
  return impl.kiesAanbieder(db, input);
}

/**
 * The gemeente/UWV contracts the chosen provider for this zaak (pib: gemeente; iro: UWV; rio:
 * Rotterdam's own agreement). Idempotent per (zaak, aanbieder): a second call with the same amount
 * returns the same payee data and writes nothing; another amount is refused (al-gecontracteerd).
 * Event: zaak.aanbieder-gecontracteerd. Errors: onbekend, niet-gekozen, niet-in-pool, ongeldig-bedrag, al-gecontracteerd.
 */
export function contracteerAanbieder(db: DbOrTx, input: ContracteerAanbiederInput): Promise<AanbiederBetaalgegevens> {
  return impl.contracteerAanbieder(db, input);
}

/**
 * Records the outcome used by the catalogue's figures (the figures count it once the zaak is
 * afgesloten). Only for a contracted provider; the same outcome twice changes nothing, another is
 * refused. Event: zaak.aanbieder-resultaat. Errors: onbekend, niet-gecontracteerd, resultaat-al-vastgelegd.
 */
export function registreerResultaat(db: DbOrTx, input: RegistreerResultaatInput): Promise<void> {
  return impl.registreerResultaat(db, input);
}

/** True when the tenant's klanten may choose this provider for the regeling today. */
export function aanbiederInPool(db: DbOrTx, input: { tenantId: string; aanbiederId: string; regeling: string }): Promise<boolean> {
  return impl.aanbiederInPool(db, input);
}

/** Ids of all providers in the tenant's pool for the regeling today (for a choice list; aanbiederInPool for one). */
export function aanbiedersInPool(db: DbOrTx, input: { tenantId: string; regeling: string }): Promise<Set<string>> {
  return impl.aanbiedersInPool(db, input);
}

/** The aanbieders recorded for a zaak (chosen, contracted, ended), for process code that needs them. */
export function aanbiedersVanZaak(db: DbOrTx, input: { tenantId: string; zaakId: string }): Promise<impl.ZaakAanbieder[]> {
  return impl.aanbiedersVanZaak(db, input);
}
