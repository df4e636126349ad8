import type { Variables, WorkflowEngine } from '../../../engine/port.ts';
import { computeCaseClock, todayInAmsterdam } from '../../../workers/termijnen/index.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { diagramTermijnen } from '../clock.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';
import { linkProcessInstance } from './start-zaak.ts';

/**
 * What the reopened process needs to skip the steps already done: `stap` picks the
 * start gateway's branch (process.md §1, "heroverweging").
 *  - `besluit`: the refusal came after the plan was judged; the new besluit is carried out at once.
 *  - `toelating`: the klant was refused before a plan existed; the aanvraag is handled further.
 */
export interface Heroverweging {
  stap: 'besluit' | 'toelating';
  bezwaarZaakId: string;
  besluitOpBezwaarId: string;
  budgetCent: number | null;
  motivering: string;
}

export interface HeropenenNaBezwaarInput {
  tenantId: string;
  zaakId: string;
  heroverweging: Heroverweging;
  actor: string;
  /** The bezwaar-besluit job key: a job that runs twice reopens the zaak once. */
  idempotencyKey: string;
}

/**
 * Command: a gegrond bezwaar against a refusal revokes it (Awb 7:11); the zaak is
 * reopened and a new instance of its regeling carries out the new besluit. The
 * zaak keeps its identificatie, history and clock; the previous instance key stays
 * in the event. Like start-zaak the row commits first with the start variables
 * and the engine start follows, so a crash in between is finished by a retry of
 * the job or by linkUnstartedZaken at start-up.
 */
export async function heropenenNaBezwaar(db: Db, engine: WorkflowEngine, input: HeropenenNaBezwaarInput): Promise<{ processInstanceKey: string | null }> {
  // Read before the transaction: the embedded engine shares the database, and a read inside it would wait on our own lock.
  const current = await db.selectFrom('zaken').select(['process_instance_key', 'bpmn_process_id']).where('id', '=', input.zaakId).where('tenant_id', '=', input.tenantId).executeTakeFirst();
  const oud = current?.process_instance_key ? await engine.getProcessInstance(current.process_instance_key) : null;
  const prepared = await inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (await alreadyApplied(tx, input.idempotencyKey)) {
      if (zaak.process_instance_key !== null) return null;
      // Reopened, but the engine start did not happen: start it now from the recorded variables.
      const ev = await tx.selectFrom('zaak_events').select('data').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
      return (JSON.parse(ev.data) as { startVariabelen: Variables }).startVariabelen;
    }
    if (zaak.status !== 'afgesloten') throw refused('Deze zaak loopt nog; heropenen kan alleen na afsluiten.');
    const vorige = zaak.process_instance_key;
    if (oud && oud.processInstanceKey !== vorige) throw refused('De zaak is intussen gewijzigd; probeer het opnieuw.');
    // Everything the klant and the professionals already supplied (plan, choice of rib, policy, clock) carries over.
    const startVariabelen: Variables = { ...(oud?.variables ?? {}), heroverweging: input.heroverweging };
    const now = new Date().toISOString();
    if (input.heroverweging.stap === 'toelating') {
      // The aanvraag is decided anew: a reasonable term (Awb 4:13) of the regeling's own doorlooptijd from today, not the old, passed dates.
      const vandaag = todayInAmsterdam(new Date(now));
      const klok = computeCaseClock({ doorlooptijd: zaak.doorlooptijd, servicenorm: zaak.servicenorm }, { startdatum: vandaag, opschortingen: [] }, vandaag);
      startVariabelen.termijnen = { ...diagramTermijnen(klok), startdatum: zaak.startdatum };
    }
    await tx
      .updateTable('zaken')
      .set({ status: 'in-behandeling', resultaat: null, einddatum: null, process_instance_key: null, updated_at: now })
      .where('id', '=', zaak.id)
      .execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.heropend',
      data: {
        reden: 'bezwaar-gegrond',
        grondslag: 'Awb 7:11',
        bezwaarZaakId: input.heroverweging.bezwaarZaakId,
        stap: input.heroverweging.stap,
        vorigeProcessInstanceKey: vorige,
        vorigResultaat: zaak.resultaat,
        startVariabelen,
      },
      actor: input.actor,
      occurredAt: now,
      idempotencyKey: input.idempotencyKey,
    });
    return startVariabelen;
  });
  // prepared is only set when loadZaak found the zaak, so `current` was read; a zaak keeps its regeling's process.
  if (!prepared || !current) return { processInstanceKey: null };
  const { processInstanceKey } = await engine.createProcessInstance({ tenantId: input.tenantId, bpmnProcessId: current.bpmn_process_id, variables: prepared, actor: input.actor });
  await linkProcessInstance(db, input.tenantId, input.zaakId, processInstanceKey, input.actor);
  return { processInstanceKey };
}
