import { inTransaction, type DbOrTx, type Tx } from '../db/transaction.ts';
import { appendZaakEvent } from '../zaken/events.ts';
import { loadZaak } from '../zaken/commands/load-zaak.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { AanbiederFout } from './fout.ts';
import type { ContractStatus, ZaakAanbiederTable } from './tables.ts';
import type { Selectable } from 'kysely';

export type ZaakAanbieder = Selectable<ZaakAanbiederTable>;

/** Statuses that let a tenant's klanten choose the aanbieder. */
export const POOL_STATUSES: readonly ContractStatus[] = ['gecontracteerd', 'in-pool'];

export function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Is the contract row usable on `today` for `regeling`? */
export function contractGeldig(
  c: { status: string; regelingen: string; sinds: string; tot: string | null },
  regeling: string,
  today: string,
): boolean {
  return (
    (POOL_STATUSES as readonly string[]).includes(c.status) &&
    parseList(c.regelingen).includes(regeling) &&
    c.sinds <= today &&
    (c.tot === null || c.tot >= today)
  );
}

async function loadAanbieder(tx: DbOrTx, aanbiederId: string) {
  const a = await tx.selectFrom('aanbieders').selectAll().where('id', '=', aanbiederId).executeTakeFirst();
  if (!a) throw new AanbiederFout('onbekend', 'Deze aanbieder staat niet in de catalogus.');
  return a;
}

export async function aanbiederInPool(db: DbOrTx, input: { tenantId: string; aanbiederId: string; regeling: string }): Promise<boolean> {
  const c = await db
    .selectFrom('aanbieder_contracten')
    .select(['status', 'regelingen', 'sinds', 'tot'])
    .where('tenant_id', '=', input.tenantId)
    .where('aanbieder_id', '=', input.aanbiederId)
    .executeTakeFirst();
  return c !== undefined && contractGeldig(c, input.regeling, todayInAmsterdam(new Date()));
}

/** The providers the tenant's klanten may choose for the regeling today: one query for a whole choice list. */
export async function aanbiedersInPool(db: DbOrTx, input: { tenantId: string; regeling: string }): Promise<Set<string>> {
  const contracten = await db
    .selectFrom('aanbieder_contracten')
    .select(['aanbieder_id', 'status', 'regelingen', 'sinds', 'tot'])
    .where('tenant_id', '=', input.tenantId)
    .execute();
  const vandaag = todayInAmsterdam(new Date());
  return new Set(contracten.filter((c) => contractGeldig(c, input.regeling, vandaag)).map((c) => c.aanbieder_id));
}

async function eisInPool(tx: Tx, tenantId: string, aanbiederId: string, regeling: string, naam: string): Promise<void> {
  if (!(await aanbiederInPool(tx, { tenantId, aanbiederId, regeling }))) {
    throw new AanbiederFout(
      'niet-in-pool',
      `${naam} hoort (nog) niet bij de aanbieders waaruit u voor deze regeling kunt kiezen. Een aanbieder die u zelf voorstelt, kunt u kiezen zodra de klantmanager hem heeft goedgekeurd.`,
    );
  }
}

async function loadKeuze(tx: Tx, zaakId: string, aanbiederId: string) {
  return tx
    .selectFrom('zaak_aanbieders')
    .selectAll()
    .where('zaak_id', '=', zaakId)
    .where('aanbieder_id', '=', aanbiederId)
    .executeTakeFirst();
}

export function kiesAanbieder(
  db: DbOrTx,
  input: { tenantId: string; zaakId: string; aanbiederId: string; gekozenDoor: 'klant' | 'klantmanager' | 'rib-samen'; actor: string },
): Promise<void> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'afgesloten') throw new AanbiederFout('zaak-afgesloten', 'Deze zaak is afgesloten; u kunt geen aanbieder meer kiezen.');
    const aanbieder = await loadAanbieder(tx, input.aanbiederId);
    const bestaand = await loadKeuze(tx, zaak.id, aanbieder.id);
    if (bestaand) return; // chosen before (a retried job or a double click): nothing changes
    await eisInPool(tx, zaak.tenant_id, aanbieder.id, zaak.regeling, aanbieder.naam);
    const now = new Date().toISOString();
    const ingevoegd = await tx
      .insertInto('zaak_aanbieders')
      .values({
        zaak_id: zaak.id,
        tenant_id: zaak.tenant_id,
        aanbieder_id: aanbieder.id,
        gekozen_door: input.gekozenDoor,
        status: 'gekozen',
        bedrag_cents: null,
        resultaat: null,
        gekozen_at: now,
        gecontracteerd_at: null,
        resultaat_at: null,
        updated_at: now,
      })
      // The same choice arriving twice at once (double click, retried job): one row, one event.
      .onConflict((oc) => oc.columns(['zaak_id', 'aanbieder_id']).doNothing())
      .executeTakeFirst();
    if (Number(ingevoegd.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.aanbieder-gekozen',
      data: { aanbiederId: aanbieder.id, naam: aanbieder.naam, kvk: aanbieder.kvk, gekozenDoor: input.gekozenDoor },
      actor: input.actor,
      occurredAt: now,
    });
  });
}

export function contracteerAanbieder(
  db: DbOrTx,
  input: { tenantId: string; zaakId: string; aanbiederId: string; bedragCent: number; actor: string },
): Promise<{ iban: string; naam: string; kvk: string }> {
  return inTransaction(db, async (tx) => {
    if (!Number.isSafeInteger(input.bedragCent) || input.bedragCent <= 0) {
      throw new AanbiederFout('ongeldig-bedrag', 'Het bedrag van het contract moet een positief bedrag in hele centen zijn.');
    }
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    const aanbieder = await loadAanbieder(tx, input.aanbiederId);
    const gegevens = { iban: aanbieder.iban, naam: aanbieder.naam, kvk: aanbieder.kvk };
    const keuze = await loadKeuze(tx, zaak.id, aanbieder.id);
    if (!keuze) throw new AanbiederFout('niet-gekozen', `${aanbieder.naam} is voor deze zaak niet gekozen; eerst kiest de klant een aanbieder.`);
    if (keuze.status !== 'gekozen') {
      if (Number(keuze.bedrag_cents) === input.bedragCent) return gegevens;
      throw new AanbiederFout('al-gecontracteerd', `${aanbieder.naam} is voor deze zaak al gecontracteerd voor een ander bedrag.`);
    }
    if (zaak.status === 'afgesloten') throw new AanbiederFout('zaak-afgesloten', 'Deze zaak is afgesloten; er kan geen aanbieder meer worden gecontracteerd.');
    // The pool may have changed since the choice (contract ended): the contract needs it today.
    await eisInPool(tx, zaak.tenant_id, aanbieder.id, zaak.regeling, aanbieder.naam);
    const now = new Date().toISOString();
    const bijgewerkt = await tx
      .updateTable('zaak_aanbieders')
      .set({ status: 'gecontracteerd', bedrag_cents: input.bedragCent, gecontracteerd_at: now, updated_at: now })
      .where('id', '=', keuze.id)
      .where('status', '=', 'gekozen')
      .executeTakeFirst();
    // A concurrent call contracted it first (PostgreSQL re-checks the row after the lock): judge against that one.
    if (Number(bijgewerkt.numUpdatedRows) === 0) {
      const nu = await loadKeuze(tx, zaak.id, aanbieder.id);
      if (Number(nu?.bedrag_cents) === input.bedragCent) return gegevens;
      throw new AanbiederFout('al-gecontracteerd', `${aanbieder.naam} is voor deze zaak al gecontracteerd voor een ander bedrag.`);
    }
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.aanbieder-gecontracteerd',
      data: { aanbiederId: aanbieder.id, naam: aanbieder.naam, kvk: aanbieder.kvk, bedragCent: input.bedragCent },
      actor: input.actor,
      occurredAt: now,
    });
    return gegevens;
  });
}

export function registreerResultaat(
  db: DbOrTx,
  input: { tenantId: string; zaakId: string; aanbiederId: string; resultaat: 'geplaatst' | 'niet-geplaatst' | 'afgerond' | 'voortijdig-gestopt'; actor: string },
): Promise<void> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    const aanbieder = await loadAanbieder(tx, input.aanbiederId);
    const keuze = await loadKeuze(tx, zaak.id, aanbieder.id);
    if (!keuze || keuze.status === 'gekozen') {
      throw new AanbiederFout('niet-gecontracteerd', `${aanbieder.naam} is voor deze zaak niet gecontracteerd; er is geen resultaat vast te leggen.`);
    }
    if (keuze.resultaat !== null) {
      if (keuze.resultaat === input.resultaat) return;
      throw new AanbiederFout('resultaat-al-vastgelegd', `Voor ${aanbieder.naam} is in deze zaak al een ander resultaat vastgelegd.`);
    }
    const now = new Date().toISOString();
    const bijgewerkt = await tx
      .updateTable('zaak_aanbieders')
      .set({ status: 'beeindigd', resultaat: input.resultaat, resultaat_at: now, updated_at: now })
      .where('id', '=', keuze.id)
      .where('resultaat', 'is', null)
      .executeTakeFirst();
    if (Number(bijgewerkt.numUpdatedRows) === 0) {
      const nu = await loadKeuze(tx, zaak.id, aanbieder.id);
      if (nu?.resultaat === input.resultaat) return;
      throw new AanbiederFout('resultaat-al-vastgelegd', `Voor ${aanbieder.naam} is in deze zaak al een ander resultaat vastgelegd.`);
    }
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.aanbieder-resultaat',
      data: { aanbiederId: aanbieder.id, naam: aanbieder.naam, resultaat: input.resultaat },
      actor: input.actor,
      occurredAt: now,
    });
  });
}

export async function aanbiedersVanZaak(db: DbOrTx, input: { tenantId: string; zaakId: string }): Promise<ZaakAanbieder[]> {
  return db
    .selectFrom('zaak_aanbieders')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('zaak_id', '=', input.zaakId)
    .orderBy('id')
    .execute();
}
