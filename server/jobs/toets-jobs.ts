import { createPlanToetsHandler } from '../../workers/plan-toets/index.ts';
import { createToelatingHandler } from '../../workers/toelating/index.ts';
import { defaultPolicies } from '../../workflows/prb/policy/load.ts';
import { variable, type JobHandler } from './job-handler.ts';
import { toTrajectplan, type TrajectplanFormulier } from './trajectplan-adapter.ts';

const policies = () => defaultPolicies();

export const prbToelating: JobHandler = {
  type: 'prb-toelating',
  async handle(job) {
    const toelating = createToelatingHandler({ policyById: (id) => policies().policyById(id) })({
      policyId: variable<string>(job, 'policyId'),
      klant: variable(job, 'klant'),
    });
    return { toelating };
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
