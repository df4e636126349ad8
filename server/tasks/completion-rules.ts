import type { UserTask, Variables } from '../../engine/port.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpProblem } from '../http/problem.ts';
import { LedgerFout } from '../ledger/kysely-ledger.ts';
import type { Services } from '../services.ts';
import { elementProperties } from './element-properties.ts';

/**
 * Four eyes: a task marked zeebe:property `regie.vierOgenMet=<elementId>` may
 * not be completed by whoever completed that element in the same instance
 * (e.g. the klantmanager who proposed may not also decide).
 */
export async function checkFourEyes(services: Services, task: UserTask, p: Principal): Promise<void> {
  const props = await elementProperties(services.engine, task.processDefinitionKey, task.elementId);
  const other = props['regie.vierOgenMet'];
  if (!other) return;
  const earlier = await services.engine.queryUserTasks({
    tenantId: task.tenantId,
    processInstanceKey: task.processInstanceKey,
    elementId: other,
    state: 'completed',
    limit: 100,
  });
  if (earlier.some((t) => t.completedBy === p.username)) {
    throw new HttpProblem(
      403,
      'Vier-ogenprincipe',
      'U heeft het voorstel in deze zaak zelf gedaan. Een andere beslisser moet dit besluit nemen.',
    );
  }
}

/**
 * Finance's decision on a payment is booked in the ledger by the person who
 * decides, before the task completes: the ledger refuses approval by the
 * submitter, and a repeated approval by the same person is a no-op.
 */
export async function applyPaymentDecision(services: Services, task: UserTask, value: Variables, p: Principal): Promise<void> {
  if (task.formId !== 'prb-betaling-goedkeuren') return;
  const g = value.goedkeuring as { betalingId?: string; besluit?: string; toelichting?: string } | undefined;
  if (!g?.betalingId) throw new HttpProblem(422, 'Gegevens afgekeurd', 'Bij deze taak hoort geen betaling.');
  try {
    if (g.besluit === 'goedgekeurd') await services.ledger.approveBetaling(task.tenantId, g.betalingId, p.username);
    else await services.ledger.rejectBetaling(task.tenantId, g.betalingId, p.username, g.toelichting ?? '');
  } catch (err) {
    if (err instanceof LedgerFout) throw new HttpProblem(err.code === 'VIER_OGEN' ? 403 : 409, 'Betaling niet verwerkt', err.message);
    throw err;
  }
}
