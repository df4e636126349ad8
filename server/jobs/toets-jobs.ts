import { createPlanToetsHandler } from '../../workers/plan-toets/index.ts';
import { createToelatingHandler, type KlantFeiten } from '../../workers/toelating/index.ts';
import { metToelatingsbeoordeling, type Toelatingsbeoordeling } from '../zaken/prb-klantfeiten.ts';
import { defaultPolicies } from '../../workflows/prb/policy/load.ts';
import { variable, type JobHandler } from './job-handler.ts';
import { toTrajectplan, type TrajectplanFormulier } from './trajectplan-adapter.ts';

const policies = () => defaultPolicies();

export const prbToelating: JobHandler = {
  type: 'prb-toelating',
  async handle(job) {
    // After ToelatingBeoordelen the klantmanager's facts complete the aanmelding's; the completed
    // facts become the zaak's klantFeiten, so the beschikking and the dossier show what was assessed.
    const klantFeiten = metToelatingsbeoordeling(variable<KlantFeiten>(job, 'klant'), (job.variables.beoordeling ?? null) as Toelatingsbeoordeling | null);
    const toelating = createToelatingHandler({ policyById: (id) => policies().policyById(id) })({
      policyId: variable<string>(job, 'policyId'),
      klant: klantFeiten,
    });
    return { toelating, klantFeiten };
  },
};

export const prbPlanToets: JobHandler = {
  type: 'prb-plan-toets',
  async handle(job) {
    const policy = variable<{ id: string }>(job, 'policy');
    const planToets = createPlanToetsHandler({ policyById: (id) => policies().policyById(id) })({
      policyId: policy.id,
      trajectplan: toTrajectplan(variable<TrajectplanFormulier>(job, 'trajectplan')),
    });
    return { planToets };
  },
};
