import path from 'node:path';
import { iroPolicies } from '../../workflows/iro/policy/schema.ts';
import { procesbeleid } from '../../workflows/shared/sourced-policy.ts';
import { ROOT } from '../ui-build.ts';
import type { RegelingEntry } from './catalog.ts';
import { iroUitleg } from './iro-pib-uitleg.ts';

const prb = (f: string) => path.join(ROOT, 'workflows', 'prb', f);
const iro = (f: string) => path.join(ROOT, 'workflows', 'iro', 'forms', f);

/** Bezwaar runs on the shared bezwaar.bpmn; finance approves with the prb approval form (its completion rule). */
export const GEDEELDE_BEZWAAR_RESOURCES = [
  prb('bezwaar.bpmn'),
  ...['bezwaar-indienen', 'bezwaar-ontvankelijkheid', 'bezwaar-hoorzitting', 'bezwaar-beslissing', 'prb-betaling-goedkeuren'].map((f) => prb(`forms/${f}.form`)),
];

function entry(r: 'iro' | 'rio', naam: string, sharedForms: string[]): RegelingEntry {
  const policies = () => iroPolicies(r);
  return {
    regeling: r,
    naam,
    bpmnProcessId: r,
    resourceDir: path.join(ROOT, 'workflows', r),
    sharedResources: [...GEDEELDE_BEZWAAR_RESOURCES, ...sharedForms],
    tenants: () => policies().tenants(),
    parameters(tenantId, startdatum) {
      const policy = policies().policyFor(tenantId, startdatum);
      if (!policy) return undefined;
      const termijn = policy.waarden.besluittermijn;
      return {
        policyId: policy.id,
        doorlooptijd: termijn.doorlooptijd,
        servicenorm: termijn.servicenorm,
        variables: { policy: procesbeleid(policy), plaatsingsduur: policy.waarden.plaatsingsduur },
      };
    },
    uitleg(tenantId, datum) {
      const policy = policies().policyFor(tenantId, datum);
      return policy && iroUitleg(r, policy.waarden);
    },
    startFormId: `${r}-aanmelding`,
    startVariables: ({ gegevens }) => {
      const a = (gegevens.aanmelding ?? {}) as { uitkering?: string; werkloosSinds?: string };
      return { klantFeiten: { uitkering: a.uitkering ?? null, werkloosSinds: a.werkloosSinds ?? null } };
    },
  };
}

/** iro: UWV (workflows/iro). */
export const iroEntry = () => entry('iro', 'Individuele re-integratieovereenkomst', []);

/** rio: Rotterdam (workflows/rio); it shares the iro's plan, beoordeling, uitvoering and plaatsing forms. */
export const rioEntry = () =>
  entry('rio', 'Rotterdamse Integratie Overeenkomst', ['iro-trajectplan', 'iro-beoordeling', 'iro-traject-volgen', 'iro-plaatsing'].map((f) => iro(`${f}.form`)));
