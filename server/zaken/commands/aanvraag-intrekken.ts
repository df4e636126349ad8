import type { WorkflowEngine } from '../../../engine/port.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../events.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface AanvraagIntrekkenInput {
  tenantId: string;
  zaakId: string;
  actor: string;
  reden?: string | null;
}

export const NIET_MEER_INTREKBAAR = 'De aanvraag kan niet meer worden ingetrokken: er is al een besluit genomen of de zaak is afgesloten.';

/**
 * Command: the aanvrager withdraws the aanvraag (Awb: possible until the besluit). The
 * diagram decides whether it still can: its `<bpmnProcessId>-ingetrokken` boundary message
 * waits only while the aanvraag is handled; the process then closes the zaak itself
 * (zaak-afsluiten, afsluitreden ingetrokken).
 *
 * Order: publish first, then the zaak event. The event may only say "ingetrokken" when the
 * message correlated, and only the publish can tell; the embedded engine shares the database
 * and commits in its own queue, so both cannot be one transaction, and an event written first
 * would have to be deleted from an append-only log when the process no longer waits. The
 * message has timeToLive 0 (a withdrawal must never wait in a buffer for a later aanvraag) and
 * a messageId per process instance. A crash between publish and event leaves the zaak closed
 * by the process with resultaat ingetrokken and only the actor and reden missing; the same
 * request again, even after the zaak closed, is a duplicate publish (the engine keeps
 * correlated messages) and writes the missing event, keyed by the messageId, once.
 */
export async function aanvraagIntrekken(db: Db, engine: WorkflowEngine, input: AanvraagIntrekkenInput): Promise<void> {
  // Read before publishing, outside a transaction: the engine writes to the same database.
  const zaak = await inTransaction(db, (tx) => loadZaak(tx, input.tenantId, input.zaakId));
  if (zaak.status === 'besloten' || !zaak.process_instance_key) throw refused(NIET_MEER_INTREKBAAR);
  const messageId = `aanvraag-intrekken:${zaak.id}:${zaak.process_instance_key}`;
  if (zaak.status === 'afgesloten') {
    // A closed zaak is refused without publishing, unless it closed as ingetrokken and this withdrawal's event
    // is missing (the crash above): then the duplicate publish below confirms it was ours and the event is written.
    if (zaak.resultaat !== 'ingetrokken' || (await alreadyApplied(db, messageId))) throw refused(NIET_MEER_INTREKBAAR);
  }
  const r = await engine.publishMessage({
    tenantId: zaak.tenant_id,
    name: `${zaak.bpmn_process_id}-ingetrokken`,
    // start-zaak passes the zaak's id as the process variable zaakId, the diagram's correlationKey.
    correlationKey: zaak.id,
    messageId,
    timeToLive: 0,
  });
  // A duplicate is an earlier publish with this id that correlated (a dropped one has expired): the withdrawal stands.
  if (r.correlatedProcessInstanceKeys.length === 0 && !r.duplicate) throw refused(NIET_MEER_INTREKBAAR);
  try {
    await inTransaction(db, async (tx) => {
      if (await alreadyApplied(tx, messageId)) return;
      await appendZaakEvent(tx, {
        zaakId: zaak.id,
        tenantId: zaak.tenant_id,
        type: 'zaak.aanvraag-ingetrokken',
        data: { reden: input.reden ?? null, processInstanceKey: zaak.process_instance_key },
        actor: input.actor,
        occurredAt: new Date().toISOString(),
        idempotencyKey: messageId,
      });
    });
  } catch (err) {
    // A double click: the other request wrote the event between our check and our insert (unique idempotency key).
    if (!(await alreadyApplied(db, messageId))) throw err;
  }
}
