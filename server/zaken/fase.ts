import type { WorkflowEngine } from '../../engine/port.ts';

/** The zaak's fase: the phase of the last element its process entered that has one (from the engine's event log). */
export async function zaakFase(engine: Pick<WorkflowEngine, 'queryEvents'>, tenantId: string, processInstanceKey: string | null): Promise<string | null> {
  if (!processInstanceKey) return null;
  const events = await engine.queryEvents({ tenantId, processInstanceKey, types: ['element.entered'] });
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.phase) return events[i]!.phase;
  return null;
}
