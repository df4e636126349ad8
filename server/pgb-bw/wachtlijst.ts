import type { WorkflowEngine } from '../../engine/port.ts';

/**
 * Where a pgb bw zaak stands on the wachtlijst, read from its process: whether the gemeente
 * pre-finances (financiering.bron is not wsw-budget) and whether "klant aan de beurt" was already
 * received (the catch event AanDeBeurtOntvangen correlated; its date is aanDeBeurt.datum). The
 * aan-de-beurt route decides its refusals on this, and the zaakdossier on whether to show the form.
 */
export interface PgbBwWachtlijst {
  /** The process variables, for the route's further checks (the start of the subsidieperiode). */
  variabelen: Record<string, unknown>;
  /** The gemeente pays ahead until the klant is aan de beurt; false when the Wsw budget already pays. */
  voorgefinancierd: boolean;
  /** Set once the process took "aan de beurt" in: its date (null if the process did not keep one) and the correlated message's key. */
  aanDeBeurt: { datum: string | null; messageKey: string } | null;
}

export async function pgbBwWachtlijst(
  engine: Pick<WorkflowEngine, 'getProcessInstance' | 'queryEvents'>,
  zaak: { tenant_id: string; process_instance_key: string | null },
): Promise<PgbBwWachtlijst> {
  const key = zaak.process_instance_key;
  const instance = key ? await engine.getProcessInstance(key) : null;
  const variabelen = (instance?.variables ?? {}) as Record<string, unknown>;
  // AanDeBeurtOntvangen takes one message: once it correlated, the klant is aan de beurt.
  const eerder = key ? await engine.queryEvents({ tenantId: zaak.tenant_id, processInstanceKey: key, elementId: 'AanDeBeurtOntvangen', types: ['message.correlated'] }) : [];
  const financiering = variabelen.financiering as { bron?: string } | undefined;
  const gemeld = (variabelen.aanDeBeurt as { datum?: unknown } | undefined)?.datum;
  return {
    variabelen,
    voorgefinancierd: financiering?.bron !== 'wsw-budget',
    aanDeBeurt: eerder.length > 0 ? { datum: typeof gemeld === 'string' ? gemeld : null, messageKey: eerder[0]!.subjectKey ?? '' } : null,
  };
}
