import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineTables } from './store/tables.ts';

/**
 * Group commit. State-changing work still runs one item at a time (one engine
 * process per database, no lock-ordering questions), but the items that queued
 * up while a transaction was running share the next transaction: one commit,
 * one fsync, for all of them. Each item runs inside its own savepoint, so a
 * refused or failed item rolls back only its own writes. No item's promise
 * resolves — and no worker or scheduler is woken for it — before the shared
 * commit returned; if the commit fails, every item in it fails.
 */

export type Work<C, T> = (tx: Transaction<EngineTables>, context: C) => Promise<T>;

interface Item<C> {
  work: Work<C, unknown>;
  context: C;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome<C> = { item: Item<C>; ok: true; value: unknown } | { item: Item<C>; ok: false; error: unknown };

export interface CommitQueueOptions<C> {
  /** Most items per transaction. */
  maxBatch?: number;
  /** A fresh per-item context (what to do after commit). */
  context: () => C;
  /** Called in submission order once the item's writes are durable, before its promise resolves. */
  committed: (context: C) => void;
  /** Called for each item whose writes were rolled back (its own savepoint or the whole transaction). */
  rolledBack: (context: C) => void;
  /**
   * Per transaction: `mark()` before each item returns an undo for what the
   * item buffered (called if it rolls back to its savepoint); `flush()` writes
   * the buffered rows just before the commit.
   */
  buffer?: (tx: Transaction<EngineTables>) => { mark(): () => void; flush(): Promise<void> };
}

export class CommitQueue<C> {
  private queue: Item<C>[] = [];
  private flushing: Promise<void> | null = null;
  private readonly maxBatch: number;
  /** Transactions committed and items they carried (for the benchmark). */
  readonly stats = { transactions: 0, items: 0 };

  constructor(
    private readonly db: Kysely<EngineTables>,
    private readonly options: CommitQueueOptions<C>,
  ) {
    this.maxBatch = options.maxBatch ?? 64;
  }

  run<T>(work: Work<C, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<C, unknown>, context: this.options.context(), resolve: resolve as (v: unknown) => void, reject });
      // Start on the next microtask turn, so calls made in the same turn share the first transaction.
      if (!this.flushing) this.flushing = Promise.resolve().then(() => this.flush());
    });
  }

  get size(): number {
    return this.queue.length + (this.flushing ? 1 : 0);
  }

  /** Resolves when everything queued so far has committed or failed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private async commit(batch: Item<C>[]): Promise<void> {
    const outcomes: Outcome<C>[] = [];
    this.stats.transactions++;
    this.stats.items += batch.length;
    try {
      await this.db.transaction().execute(async (tx) => {
        const buffer = this.options.buffer?.(tx);
        if (batch.length === 1) {
          // Alone: no savepoint needed, a failure rolls back the whole (own) transaction.
          const item = batch[0]!;
          outcomes.push({ item, ok: true, value: await item.work(tx, item.context) });
        } else {
          // A savepoint is not released after a good item: the next item's savepoint of the same
          // name nests inside it and `rollback to` finds the newest (SQLite and PostgreSQL alike).
          // One statement less per item; the commit ends them all.
          for (const item of batch) {
            const undo = buffer?.mark();
            await sql`savepoint regie_item`.execute(tx);
            try {
              const value = await item.work(tx, item.context);
              outcomes.push({ item, ok: true, value });
            } catch (error) {
              await sql`rollback to savepoint regie_item`.execute(tx);
              await sql`release savepoint regie_item`.execute(tx);
              undo?.();
              this.options.rolledBack(item.context);
              outcomes.push({ item, ok: false, error });
            }
          }
        }
        await buffer?.flush();
      });
    } catch (error) {
      // Commit (or a single item) failed: nothing of this batch is durable.
      for (const item of batch) {
        this.options.rolledBack(item.context);
        item.reject(error);
      }
      return;
    }
    for (const o of outcomes) {
      if (!o.ok) {
        o.item.reject(o.error);
        continue;
      }
      try {
        this.options.committed(o.item.context);
      } catch (err) {
        o.item.reject(err);
        continue;
      }
      o.item.resolve(o.value);
    }
  }
}
