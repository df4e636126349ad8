import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DialectName, Tables } from '../db/database.ts';
import { inTransaction, type DbOrTx } from '../db/transaction.ts';
import { isCents, type Cents } from '../../workers/betaling/bedrag.ts';
import { weigeringen } from '../../workers/betaling/berichten.ts';
import {
  IdempotencyConflictError,
  type LedgerPort,
  type ReserveerBetalingArgs,
  type ReserveerBetalingResultaat,
} from '../../workers/betaling/port.ts';
import { controleerVerplichting, gereserveerd, isValidIban, normalizeIban, normalizeKvk } from '../../workers/betaling/regels.ts';
import {
  type Betaling,
  type LedgerSnapshot,
  type Toekenning,
  type Verplichting,
} from '../../workers/betaling/types.ts';
import type { BatchTable, BetalingTable, LedgerTables, ToekenningTable, VerplichtingTable } from './tables.ts';

type LedgerDb = Kysely<Tables & LedgerTables>;

export type LedgerFoutCode =
  | 'TOEKENNING_ONGELDIG'
  | 'TOEKENNING_ONDER_GERESERVEERD'
  | 'VERPLICHTING_GEWEIGERD'
  | 'BETALING_NIET_GEVONDEN'
  | 'BETALING_NIET_VOORGESTELD'
  | 'BETALING_NIET_AF_TE_WIJZEN'
  | 'VIER_OGEN'
  | 'BATCH_NIET_GEVONDEN'
  | 'BATCH_CONFLICT';

/** A refused ledger operation, with a Dutch message for the user. Nothing was written. */
export class LedgerFout extends Error {
  constructor(
    readonly code: LedgerFoutCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LedgerFout';
  }
}

export interface NieuweToekenning {
  tenantId: string;
  zaakId: string;
  bedragCents: Cents;
  /** Reference of the besluit; recording the same besluit twice returns the first toekenning. */
  besluitRef: string;
  klantNaam?: string | null;
  klantIban?: string | null;
}

export interface NieuweVerplichting {
  /** Optional stable id (e.g. the offerte's id); recording it twice returns the first row. */
  id?: string;
  tenantId: string;
  zaakId: string;
  soort: Verplichting['soort'];
  omschrijving: string;
  payeeNaam: string | null;
  iban: string | null;
  kvk: string | null;
  bedragCents: Cents;
  bekostiging: Verplichting['bekostiging'];
  startAandeelBp?: number | null;
  approvedBy: string;
}

export interface Batch {
  id: string;
  tenantId: string;
  messageId: string;
  aantal: number;
  totaalCents: Cents;
  uitvoeringsdatum: string;
  pain001: string | null;
  createdBy: string;
  createdAt: string;
  betaaldAt: string | null;
}

export interface BatchOpdracht {
  tenantId: string;
  createdBy: string;
  /** Requested execution date, YYYY-MM-DD. */
  uitvoeringsdatum: string;
  /** At most this many payments in one batch (oldest first). */
  maxAantal?: number;
  /**
   * Builds the pain.001 document inside the transaction (e.g. workers/sepa). If it throws
   * (an invalid IBAN), the batch is not created and no payment changes status.
   */
  pain001?: (batch: Batch, betalingen: readonly Betaling[]) => string;
}

export interface BudgetOverzicht {
  toegekendCents: Cents;
  /** voorgesteld + goedgekeurd + in-batch + betaald */
  gereserveerdCents: Cents;
  betaaldCents: Cents;
  beschikbaarCents: Cents;
}

const toToekenning = (r: Selectable<ToekenningTable>): Toekenning => ({
  id: r.id,
  tenantId: r.tenant_id,
  zaakId: r.zaak_id,
  bedragCents: Number(r.bedrag_cents),
  besluitRef: r.besluit_ref,
  klantNaam: r.klant_naam,
  klantIban: r.klant_iban,
  createdAt: r.created_at,
});

const toVerplichting = (r: Selectable<VerplichtingTable>): Verplichting => ({
  id: r.id,
  tenantId: r.tenant_id,
  zaakId: r.zaak_id,
  soort: r.soort,
  omschrijving: r.omschrijving,
  payeeNaam: r.payee_naam,
  iban: r.iban,
  kvk: r.kvk,
  bedragCents: Number(r.bedrag_cents),
  bekostiging: r.bekostiging,
  startAandeelBp: r.start_aandeel_bp,
  approvedBy: r.approved_by,
  createdAt: r.created_at,
});

const toBetaling = (r: Selectable<BetalingTable>): Betaling => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  tenantId: r.tenant_id,
  zaakId: r.zaak_id,
  verplichtingId: r.verplichting_id,
  soort: r.soort,
  termijn: r.termijn,
  referentie: r.referentie,
  omschrijving: r.omschrijving,
  payeeNaam: r.payee_naam,
  iban: r.iban,
  kvk: r.kvk,
  bedragCents: Number(r.bedrag_cents),
  status: r.status,
  redenCode: r.reden_code,
  reden: r.reden,
  ingediendDoor: r.ingediend_door,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  batchId: r.batch_id,
  financieringsbron: r.financieringsbron ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toBatch = (r: Selectable<BatchTable>): Batch => ({
  id: r.id,
  tenantId: r.tenant_id,
  messageId: r.message_id,
  aantal: r.aantal,
  totaalCents: Number(r.totaal_cents),
  uitvoeringsdatum: r.uitvoeringsdatum,
  pain001: r.pain001,
  createdBy: r.created_by,
  createdAt: r.created_at,
  betaaldAt: r.betaald_at,
});

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** 32 hex characters: fits pain.001's 35-character EndToEndId. */
function newBetalingId(): string {
  return randomBytes(16).toString('hex');
}

/** "RG" + date + 16 hex = 26 characters, so "<MsgId>.0.<n>" stays within 35 (InstrId). */
function newMessageId(now: string): string {
  return `RG${now.slice(0, 10).replace(/-/g, '')}${randomBytes(8).toString('hex').toUpperCase()}`;
}

/**
 * The ledger on Kysely (SQLite or PostgreSQL). Every method takes tenant_id and
 * filters on it. Every check-and-write runs in one transaction that first takes the
 * zaak's lock: on PostgreSQL `select … for update` on the current toekenning row, on
 * SQLite a write to that row, which takes SQLite's single writer lock before anything
 * is read (so a second process waits on busy_timeout instead of reading stale data).
 */
export class KyselyLedger implements LedgerPort {
  constructor(
    private readonly db: DbOrTx,
    private readonly dialect: DialectName,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private static l(db: DbOrTx): LedgerDb {
    return db.withTables<LedgerTables>() as unknown as LedgerDb;
  }

  /** Takes the zaak's lock and returns its current toekenning (if any). Call inside a transaction. */
  private async lockZaak(db: DbOrTx, tenantId: string, zaakId: string): Promise<Selectable<ToekenningTable> | undefined> {
    const l = KyselyLedger.l(db);
    const current = () =>
      l
        .selectFrom('toekenningen')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('zaak_id', '=', zaakId)
        .where('vervangen_door', 'is', null);
    if (this.dialect === 'sqlite') {
      // A no-op write: SQLite takes its RESERVED (writer) lock now, before the reads below.
      await l
        .updateTable('toekenningen')
        .set({ zaak_id: sql<string>`zaak_id` })
        .where('tenant_id', '=', tenantId)
        .where('zaak_id', '=', zaakId)
        .where('vervangen_door', 'is', null)
        .execute();
      return current().executeTakeFirst();
    }
    // PostgreSQL: lock the current toekenning row. If a concurrent besluit replaced it while
    // we waited, the locked row no longer matches; look again and lock the new one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await current().forUpdate().executeTakeFirst();
      if (row) return row;
      if (!(await current().executeTakeFirst())) return undefined;
    }
    throw new Error(`Kon de toekenning van zaak ${zaakId} niet vergrendelen.`);
  }

  private async snapshot(
    db: DbOrTx,
    tenantId: string,
    zaakId: string,
    toekenning: Selectable<ToekenningTable> | undefined,
  ): Promise<LedgerSnapshot> {
    const l = KyselyLedger.l(db);
    const [verplichtingen, betalingen] = await Promise.all([
      l.selectFrom('verplichtingen').selectAll().where('tenant_id', '=', tenantId).where('zaak_id', '=', zaakId).orderBy('created_at').orderBy('id').execute(),
      l.selectFrom('betalingen').selectAll().where('tenant_id', '=', tenantId).where('zaak_id', '=', zaakId).orderBy('created_at').orderBy('id').execute(),
    ]);
    return {
      toekenning: toekenning ? toToekenning(toekenning) : null,
      verplichtingen: verplichtingen.map(toVerplichting),
      betalingen: betalingen.map(toBetaling),
    };
  }

  async readZaak(tenantId: string, zaakId: string): Promise<LedgerSnapshot> {
    const toekenning = await KyselyLedger.l(this.db)
      .selectFrom('toekenningen')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('zaak_id', '=', zaakId)
      .where('vervangen_door', 'is', null)
      .executeTakeFirst();
    return this.snapshot(this.db, tenantId, zaakId, toekenning);
  }

  private async findByKey(db: DbOrTx, key: string): Promise<Selectable<BetalingTable> | undefined> {
    return KyselyLedger.l(db).selectFrom('betalingen').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  private replay(row: Selectable<BetalingTable>, args: ReserveerBetalingArgs): ReserveerBetalingResultaat {
    if (row.tenant_id !== args.tenantId || row.zaak_id !== args.zaakId || row.verzoek_hash !== args.verzoekHash) {
      throw new IdempotencyConflictError(args.idempotencyKey);
    }
    return { betaling: toBetaling(row), herhaald: true };
  }

  async reserveerBetaling(args: ReserveerBetalingArgs): Promise<ReserveerBetalingResultaat> {
    try {
      return await inTransaction(this.db, async (tx) => {
        const toekenning = await this.lockZaak(tx, args.tenantId, args.zaakId);
        // Under the lock: a concurrent call with the same key has committed or not started.
        const existing = await this.findByKey(tx, args.idempotencyKey);
        if (existing) return this.replay(existing, args);
        const snapshot = await this.snapshot(tx, args.tenantId, args.zaakId, toekenning);
        const nieuw = args.decide(snapshot);
        const now = this.now();
        const row: Selectable<BetalingTable> = {
          id: newBetalingId(),
          idempotency_key: args.idempotencyKey,
          verzoek_hash: args.verzoekHash,
          tenant_id: args.tenantId,
          zaak_id: args.zaakId,
          verplichting_id: nieuw.verplichtingId,
          soort: nieuw.soort,
          termijn: nieuw.termijn,
          referentie: nieuw.referentie,
          omschrijving: nieuw.omschrijving,
          payee_naam: nieuw.payeeNaam,
          iban: nieuw.iban,
          kvk: nieuw.kvk,
          bedrag_cents: nieuw.bedragCents,
          status: nieuw.status,
          reden_code: nieuw.redenCode,
          reden: nieuw.reden,
          ingediend_door: nieuw.ingediendDoor,
          approved_by: nieuw.approvedBy,
          approved_at: nieuw.approvedBy ? now : null,
          batch_id: null,
          financieringsbron: nieuw.financieringsbron ?? null,
          created_at: now,
          updated_at: now,
        };
        await KyselyLedger.l(tx).insertInto('betalingen').values(row).execute();
        return { betaling: toBetaling(row), herhaald: false };
      });
    } catch (e) {
      // Same key raced in without a toekenning to lock on: the first insert won; return it.
      if (isUniqueViolation(e)) {
        const existing = await this.findByKey(this.db, args.idempotencyKey);
        if (existing) return this.replay(existing, args);
      }
      throw e;
    }
  }

  /**
   * Records the toekenning of a besluit. A later besluit replaces the current one (the old
   * row stays, marked vervangen_door); the same besluitRef twice returns the first row.
   * Refused when the new amount is below what is already reserved or paid.
   */
  async recordToekenning(input: NieuweToekenning): Promise<Toekenning> {
    if (!isCents(input.bedragCents) || input.bedragCents < 0) {
      throw new LedgerFout('TOEKENNING_ONGELDIG', 'Het toegekende bedrag moet een bedrag in hele centen van € 0,00 of meer zijn.');
    }
    if (input.klantIban && !isValidIban(input.klantIban)) {
      throw new LedgerFout('TOEKENNING_ONGELDIG', weigeringen.ibanOngeldig(input.klantIban).bericht);
    }
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const current = await this.lockZaak(tx, input.tenantId, input.zaakId);
      const same = await l
        .selectFrom('toekenningen')
        .selectAll()
        .where('tenant_id', '=', input.tenantId)
        .where('zaak_id', '=', input.zaakId)
        .where('besluit_ref', '=', input.besluitRef)
        .executeTakeFirst();
      if (same) return toToekenning(same);
      const snapshot = await this.snapshot(tx, input.tenantId, input.zaakId, current);
      const reserved = gereserveerd(snapshot.betalingen);
      if (input.bedragCents < reserved) {
        throw new LedgerFout(
          'TOEKENNING_ONDER_GERESERVEERD',
          `Het nieuwe budget is lager dan wat al is betaald of klaarstaat voor betaling (${reserved} cent). ` +
            'Wijst u eerst de openstaande betalingen af of start u een terugvordering.',
        );
      }
      const now = this.now();
      const id = randomUUID();
      if (current) {
        await l
          .updateTable('toekenningen')
          .set({ vervangen_door: id, vervangen_at: now })
          .where('id', '=', current.id)
          .where('tenant_id', '=', input.tenantId)
          .execute();
      }
      const row: Selectable<ToekenningTable> = {
        id,
        tenant_id: input.tenantId,
        zaak_id: input.zaakId,
        bedrag_cents: input.bedragCents,
        besluit_ref: input.besluitRef,
        klant_naam: input.klantNaam ?? null,
        klant_iban: input.klantIban ? normalizeIban(input.klantIban) : null,
        vervangt_id: current?.id ?? null,
        vervangen_door: null,
        vervangen_at: null,
        created_at: now,
      };
      await l.insertInto('toekenningen').values(row).execute();
      return toToekenning(row);
    });
  }

  /** All toekenningen of a zaak, oldest first (history of besluiten). */
  async toekenningHistorie(tenantId: string, zaakId: string): Promise<Toekenning[]> {
    const rows = await KyselyLedger.l(this.db)
      .selectFrom('toekenningen')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('zaak_id', '=', zaakId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toToekenning);
  }

  /** Records an approved offerte/contract/begrotingsregel; the sum stays within the toekenning. */
  async addVerplichting(input: NieuweVerplichting): Promise<Verplichting> {
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const current = await this.lockZaak(tx, input.tenantId, input.zaakId);
      if (input.id) {
        const same = await l.selectFrom('verplichtingen').selectAll().where('id', '=', input.id).where('tenant_id', '=', input.tenantId).executeTakeFirst();
        if (same) return toVerplichting(same);
      }
      const snapshot = await this.snapshot(tx, input.tenantId, input.zaakId, current);
      const nieuw = {
        iban: input.iban ? normalizeIban(input.iban) || input.iban : null,
        kvk: input.kvk ? normalizeKvk(input.kvk) : null,
        bedragCents: input.bedragCents,
        bekostiging: input.bekostiging,
        startAandeelBp: input.bekostiging === 'no-cure-less-pay' ? (input.startAandeelBp ?? null) : null,
      };
      const weigering = controleerVerplichting(nieuw, snapshot);
      if (weigering) throw new LedgerFout('VERPLICHTING_GEWEIGERD', weigering.bericht, weigering.code);
      const row: Selectable<VerplichtingTable> = {
        id: input.id ?? randomUUID(),
        tenant_id: input.tenantId,
        zaak_id: input.zaakId,
        soort: input.soort,
        omschrijving: input.omschrijving,
        payee_naam: input.payeeNaam,
        iban: nieuw.iban,
        kvk: nieuw.kvk,
        bedrag_cents: nieuw.bedragCents,
        bekostiging: nieuw.bekostiging,
        start_aandeel_bp: nieuw.startAandeelBp,
        approved_by: input.approvedBy,
        created_at: this.now(),
      };
      await l.insertInto('verplichtingen').values(row).execute();
      return toVerplichting(row);
    });
  }

  async getBetaling(tenantId: string, betalingId: string): Promise<Betaling | undefined> {
    const row = await KyselyLedger.l(this.db)
      .selectFrom('betalingen')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', betalingId)
      .executeTakeFirst();
    return row ? toBetaling(row) : undefined;
  }

  /**
   * Finance approves a proposed payment (above the threshold). Four eyes: the approver may
   * not be who submitted it. Role checks (financieel) belong to the HTTP layer.
   */
  async approveBetaling(tenantId: string, betalingId: string, approvedBy: string): Promise<Betaling> {
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const row = await l.selectFrom('betalingen').selectAll().where('tenant_id', '=', tenantId).where('id', '=', betalingId).executeTakeFirst();
      if (!row) throw new LedgerFout('BETALING_NIET_GEVONDEN', 'Deze betaling bestaat niet (of hoort niet bij uw organisatie).');
      if (row.status === 'goedgekeurd' && row.approved_by === approvedBy) return toBetaling(row);
      if (row.status !== 'voorgesteld') {
        throw new LedgerFout('BETALING_NIET_VOORGESTELD', `Deze betaling wacht niet op goedkeuring (status: ${row.status}).`);
      }
      if (row.ingediend_door && row.ingediend_door === approvedBy) {
        throw new LedgerFout('VIER_OGEN', 'U heeft deze betaling zelf ingediend; een collega moet haar goedkeuren.');
      }
      const now = this.now();
      const res = await l
        .updateTable('betalingen')
        .set({ status: 'goedgekeurd', approved_by: approvedBy, approved_at: now, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', betalingId)
        .where('status', '=', 'voorgesteld')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        throw new LedgerFout('BETALING_NIET_VOORGESTELD', 'Deze betaling is intussen door iemand anders behandeld.');
      }
      return toBetaling({ ...row, status: 'goedgekeurd', approved_by: approvedBy, approved_at: now, updated_at: now });
    });
  }

  /** Finance refuses a payment that is not yet in a batch; its reservation is released. */
  async rejectBetaling(tenantId: string, betalingId: string, door: string, toelichting: string): Promise<Betaling> {
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const row = await l.selectFrom('betalingen').selectAll().where('tenant_id', '=', tenantId).where('id', '=', betalingId).executeTakeFirst();
      if (!row) throw new LedgerFout('BETALING_NIET_GEVONDEN', 'Deze betaling bestaat niet (of hoort niet bij uw organisatie).');
      if (row.status !== 'voorgesteld' && row.status !== 'goedgekeurd') {
        throw new LedgerFout('BETALING_NIET_AF_TE_WIJZEN', `Een betaling met status ${row.status} kunt u niet meer afwijzen.`);
      }
      const w = weigeringen.geweigerdDoorFinancien(toelichting);
      const now = this.now();
      const patch = { status: 'afgewezen' as const, reden_code: w.code, reden: w.bericht, approved_by: door, approved_at: now, updated_at: now };
      const res = await l
        .updateTable('betalingen')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', betalingId)
        .where('status', 'in', ['voorgesteld', 'goedgekeurd'])
        .where('batch_id', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        throw new LedgerFout('BETALING_NIET_AF_TE_WIJZEN', 'Deze betaling is intussen in een batch opgenomen.');
      }
      return toBetaling({ ...row, ...patch });
    });
  }

  /**
   * Collects the tenant's approved payments that are in no batch yet into a new batch
   * (status in-batch). A payment can be in one batch only: the rows are locked (PostgreSQL)
   * or the writer lock is held (SQLite), and the update is conditional on status and
   * batch_id; if any row was taken meanwhile, the whole batch is rolled back.
   * Returns null when nothing is approved.
   */
  async createBatch(opdracht: BatchOpdracht): Promise<{ batch: Batch; betalingen: Betaling[] } | null> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opdracht.uitvoeringsdatum)) {
      throw new TypeError('De uitvoeringsdatum moet als JJJJ-MM-DD worden opgegeven.');
    }
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const { tenantId } = opdracht;
      if (this.dialect === 'sqlite') {
        await l.updateTable('batches').set({ tenant_id: sql<string>`tenant_id` }).where('id', '=', '').execute();
      }
      let q = l
        .selectFrom('betalingen')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'goedgekeurd')
        .where('batch_id', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .limit(opdracht.maxAantal ?? 1000);
      if (this.dialect === 'postgres') q = q.forUpdate();
      const rows = await q.execute();
      if (rows.length === 0) return null;
      const now = this.now();
      const batchRow: Selectable<BatchTable> = {
        id: randomUUID(),
        tenant_id: tenantId,
        message_id: newMessageId(now),
        aantal: rows.length,
        totaal_cents: rows.reduce((s, r) => s + Number(r.bedrag_cents), 0),
        uitvoeringsdatum: opdracht.uitvoeringsdatum,
        pain001: null,
        created_by: opdracht.createdBy,
        created_at: now,
        betaald_at: null,
      };
      const betalingen = rows.map((r) => toBetaling({ ...r, status: 'in-batch', batch_id: batchRow.id, updated_at: now }));
      if (opdracht.pain001) batchRow.pain001 = opdracht.pain001(toBatch(batchRow), betalingen);
      await l.insertInto('batches').values(batchRow).execute();
      const ids = rows.map((r) => r.id);
      let updated = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const res = await l
          .updateTable('betalingen')
          .set({ status: 'in-batch', batch_id: batchRow.id, updated_at: now })
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', ids.slice(i, i + 500))
          .where('status', '=', 'goedgekeurd')
          .where('batch_id', 'is', null)
          .executeTakeFirst();
        updated += Number(res.numUpdatedRows);
      }
      if (updated !== ids.length) {
        throw new LedgerFout('BATCH_CONFLICT', 'Een of meer betalingen zijn intussen in een andere batch opgenomen; probeert u het opnieuw.');
      }
      return { batch: toBatch(batchRow), betalingen };
    });
  }

  async getBatch(tenantId: string, batchId: string): Promise<{ batch: Batch; betalingen: Betaling[] } | undefined> {
    const l = KyselyLedger.l(this.db);
    const row = await l.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', batchId).executeTakeFirst();
    if (!row) return undefined;
    const rows = await l.selectFrom('betalingen').selectAll().where('tenant_id', '=', tenantId).where('batch_id', '=', batchId).orderBy('created_at').orderBy('id').execute();
    return { batch: toBatch(row), betalingen: rows.map(toBetaling) };
  }

  /** The bank executed the batch: its payments become betaald. Idempotent. */
  async markBatchBetaald(tenantId: string, batchId: string): Promise<Batch> {
    return inTransaction(this.db, async (tx) => {
      const l = KyselyLedger.l(tx);
      const row = await l.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', batchId).executeTakeFirst();
      if (!row) throw new LedgerFout('BATCH_NIET_GEVONDEN', 'Deze batch bestaat niet (of hoort niet bij uw organisatie).');
      if (row.betaald_at) return toBatch(row);
      const now = this.now();
      await l
        .updateTable('betalingen')
        .set({ status: 'betaald', updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .where('status', '=', 'in-batch')
        .execute();
      await l.updateTable('batches').set({ betaald_at: now }).where('tenant_id', '=', tenantId).where('id', '=', batchId).execute();
      return toBatch({ ...row, betaald_at: now });
    });
  }

  /** Read model for the zaakdossier: what was granted, reserved, paid and is left. */
  /** Payments of a tenant, newest first (finance's overview). */
  async listBetalingen(tenantId: string, status?: Betaling['status']): Promise<Betaling[]> {
    let q = KyselyLedger.l(this.db).selectFrom('betalingen').selectAll().where('tenant_id', '=', tenantId);
    if (status) q = q.where('status', '=', status);
    return (await q.orderBy('created_at', 'desc').limit(1000).execute()).map(toBetaling);
  }

  async budgetOverzicht(tenantId: string, zaakId: string): Promise<BudgetOverzicht> {
    const s = await this.readZaak(tenantId, zaakId);
    const toegekendCents = s.toekenning?.bedragCents ?? 0;
    const gereserveerdCents = gereserveerd(s.betalingen);
    const betaaldCents = s.betalingen.filter((b) => b.status === 'betaald').reduce((sum, b) => sum + b.bedragCents, 0);
    return { toegekendCents, gereserveerdCents, betaaldCents, beschikbaarCents: Math.max(0, toegekendCents - gereserveerdCents) };
  }
}

