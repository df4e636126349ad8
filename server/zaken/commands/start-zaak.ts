import { randomUUID } from 'node:crypto';
import type { Variables, WorkflowEngine } from '../../../engine/port.ts';
import { computeCaseClock, todayInAmsterdam } from '../../../workers/termijnen/index.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import { appendZaakEvent } from '../events.ts';
import { diagramTermijnen } from '../clock.ts';
import type { Regeling } from '../tables.ts';
import { zaakNotFound } from './errors.ts';

export interface StartZaakInput {
  tenantId: string;
  regeling: Regeling;
  klantId: string;
  actor: string;
  bpmnProcessId: string;
  policyId: string | null;
  doorlooptijd: string;
  servicenorm: string;
  hoofdzaakId?: string | null;
  /**
   * When the law counts the beslistermijn from a later day than the receipt (a bezwaar: the last
   * day of the bezwaartermijn, Awb 7:10 lid 1): day 0 of the term and why. Recorded as the event
   * `zaak.beslistermijn-bepaald`, which the zaak clock reads.
   */
  beslistermijn?: { vanaf: string; grondslag: string; toelichting: string };
  /** Start variables for the process; zaakId and zaakIdentificatie are added. */
  variables: Variables;
  now?: Date;
}

export interface StartedZaak {
  zaakId: string;
  identificatie: string;
  processInstanceKey: string;
}

async function nextIdentificatie(tx: Tx, tenantId: string, regeling: string, jaar: number): Promise<string> {
  await tx
    .insertInto('zaak_volgnummers')
    .values({ tenant_id: tenantId, regeling, jaar, laatste: 0 })
    .onConflict((oc) => oc.columns(['tenant_id', 'regeling', 'jaar']).doNothing())
    .execute();
  const { laatste } = await tx
    .updateTable('zaak_volgnummers')
    .set((eb) => ({ laatste: eb('laatste', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('regeling', '=', regeling)
    .where('jaar', '=', jaar)
    .returning('laatste')
    .executeTakeFirstOrThrow();
  const tenant = await tx.selectFrom('tenants').select(['id', 'cbs_code']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  const prefix = tenant.cbs_code ?? tenant.id.toUpperCase();
  return `${prefix}-${regeling.toUpperCase()}-${jaar}-${String(laatste).padStart(6, '0')}`;
}

/**
 * Command: a new zaak for a klant of the tenant, and its process instance.
 * The zaak row (with its start variables) commits first; the engine start and
 * the link follow. If the process dies in between, `linkUnstartedZaken`
 * finishes the job at start-up.
 */
export async function startZaak(db: Db, engine: WorkflowEngine, input: StartZaakInput): Promise<StartedZaak> {
  const now = input.now ?? new Date();
  const zaakId = randomUUID();
  const startdatum = todayInAmsterdam(now);
  const klok = computeCaseClock(
    { doorlooptijd: input.doorlooptijd, servicenorm: input.servicenorm },
    { startdatum, beslistermijnVanaf: input.beslistermijn?.vanaf, opschortingen: [] },
    startdatum,
  );
  const variablesFor = (identificatie: string): Variables => ({
    ...input.variables,
    zaakId,
    zaakIdentificatie: identificatie,
    // A bezwaar names the regeling of the contested besluit; every other zaak its own.
    regeling: input.variables.regeling ?? input.regeling,
    // The diagram sets due dates from the clock (process.md §1); zaak-hervatten replaces it.
    termijnen: diagramTermijnen(klok),
  });
  const identificatie = await inTransaction(db, async (tx) => {
    const klant = await tx
      .selectFrom('klanten')
      .select(['id', 'naam'])
      .where('id', '=', input.klantId)
      .where('tenant_id', '=', input.tenantId)
      .executeTakeFirst();
    if (!klant) throw zaakNotFound();
    const identificatie = await nextIdentificatie(tx, input.tenantId, input.regeling, Number(startdatum.slice(0, 4)));
    await tx
      .insertInto('zaken')
      .values({
        id: zaakId,
        identificatie,
        tenant_id: input.tenantId,
        regeling: input.regeling,
        klant_id: input.klantId,
        hoofdzaak_id: input.hoofdzaakId ?? null,
        bpmn_process_id: input.bpmnProcessId,
        process_instance_key: null,
        policy_id: input.policyId,
        status: 'aangemeld',
        doorlooptijd: input.doorlooptijd,
        servicenorm: input.servicenorm,
        startdatum,
        einddatum: null,
        resultaat: null,
        created_by: input.actor,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await appendZaakEvent(tx, {
      zaakId,
      tenantId: input.tenantId,
      type: 'zaak.aangemaakt',
      // The start variables are kept with the event, so a start interrupted by a crash can be finished (link-unstarted-zaken).
      data: { regeling: input.regeling, identificatie, policyId: input.policyId, startdatum, startVariabelen: variablesFor(identificatie) },
      actor: input.actor,
      occurredAt: now.toISOString(),
    });
    if (input.beslistermijn) {
      // The law sets this day, not the person who filed: the event is Regie's own.
      await appendZaakEvent(tx, { zaakId, tenantId: input.tenantId, type: 'zaak.beslistermijn-bepaald', data: { ...input.beslistermijn }, actor: 'regie', occurredAt: now.toISOString() });
    }
    return identificatie;
  });

  const { processInstanceKey } = await engine.createProcessInstance({
    tenantId: input.tenantId,
    bpmnProcessId: input.bpmnProcessId,
    variables: variablesFor(identificatie),
    actor: input.actor,
  });
  await linkProcessInstance(db, input.tenantId, zaakId, processInstanceKey, input.actor);
  return { zaakId, identificatie, processInstanceKey };
}

export async function linkProcessInstance(db: Db, tenantId: string, zaakId: string, processInstanceKey: string, actor: string) {
  await inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    await tx
      .updateTable('zaken')
      .set({ process_instance_key: processInstanceKey, status: 'in-behandeling', updated_at: now })
      .where('id', '=', zaakId)
      .where('tenant_id', '=', tenantId)
      .execute();
    await appendZaakEvent(tx, { zaakId, tenantId, type: 'zaak.proces-gestart', data: { processInstanceKey }, actor, occurredAt: now });
  });
}
