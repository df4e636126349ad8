import { verdaag } from '../../../workers/termijnen/case-clock.ts';
import { TermijnError } from '../../../workers/termijnen/index.ts';
import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendZaakEvent } from '../events.ts';
import { zaakFeiten } from '../clock.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface VerdagenInput {
  tenantId: string;
  zaakId: string;
  /** The day the aanvrager was told (before the termijn ends). */
  datum: string;
  termijn: string;
  reden: string;
  actor: string;
}

/** Command: the one verdaging of the beslistermijn (Awb 4:14); the rules live in workers/termijnen. */
export function verdagen(db: DbOrTx, input: VerdagenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'afgesloten' || zaak.status === 'besloten') throw refused('Op deze zaak is al besloten; verdagen is niet meer mogelijk.');
    const events = await tx.selectFrom('zaak_events').select(['type', 'data']).where('zaak_id', '=', zaak.id).orderBy('id').execute();
    try {
      verdaag({ doorlooptijd: zaak.doorlooptijd, servicenorm: zaak.servicenorm }, zaakFeiten(zaak, events), {
        datum: input.datum,
        termijn: input.termijn,
        reden: input.reden,
      });
    } catch (err) {
      if (err instanceof TermijnError) throw refused(err.message);
      throw err;
    }
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.verdaagd',
      data: { datum: input.datum, termijn: input.termijn, reden: input.reden },
      actor: input.actor,
      occurredAt: now,
    });
  });
}
