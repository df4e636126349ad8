import path from 'node:path';
import { pibPolicies } from '../../workflows/pib/policy/schema.ts';
import { procesbeleid } from '../../workflows/shared/sourced-policy.ts';
import { ROOT } from '../ui-build.ts';
import type { RegelingEntry } from './catalog.ts';
import { pibUitleg } from './iro-pib-uitleg.ts';
import { GEDEELDE_BEZWAAR_RESOURCES } from './iro-catalog.ts';

/** pib: persoonlijk inburgeringsbudget (workflows/pib). */
export function pibEntry(): RegelingEntry {
  return {
    regeling: 'pib',
    naam: 'Persoonlijk inburgeringsbudget',
    bpmnProcessId: 'pib',
    resourceDir: path.join(ROOT, 'workflows', 'pib'),
    sharedResources: GEDEELDE_BEZWAAR_RESOURCES,
    tenants: () => pibPolicies().tenants(),
    parameters(tenantId, startdatum) {
      const policy = pibPolicies().policyFor(tenantId, startdatum);
      if (!policy) return undefined;
      const termijn = policy.waarden.besluittermijn;
      return { policyId: policy.id, doorlooptijd: termijn.doorlooptijd, servicenorm: termijn.servicenorm, variables: { policy: procesbeleid(policy) } };
    },
    uitleg(tenantId, datum) {
      const policy = pibPolicies().policyFor(tenantId, datum);
      return policy && pibUitleg(policy.organisatie, policy.waarden);
    },
    startFormId: 'pib-verzoek',
    startVariables: ({ gegevens }) => {
      const v = (gegevens.verzoek ?? {}) as { inburgeraar?: string; uitkering?: string; woontInGemeente?: string };
      return {
        klantFeiten: {
          inburgeraar: v.inburgeraar ?? null,
          uitkering: v.uitkering ?? null,
          woontInGemeente: v.woontInGemeente === 'ja' ? true : v.woontInGemeente === 'nee' ? false : null,
        },
      };
    },
  };
}
