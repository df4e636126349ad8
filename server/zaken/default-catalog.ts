import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicies } from '../../workflows/prb/policy/load.ts';
import { procesbeleid } from '../../workflows/prb/policy/snapshot.ts';
import { prbKlantFeiten } from './prb-klantfeiten.ts';
import { ROOT } from '../ui-build.ts';
import { RegelingCatalog, type RegelingEntry } from './catalog.ts';
import { pgbBwEntry } from './pgb-bw-entry.ts';
import { iroEntry, rioEntry } from './iro-catalog.ts';
import { pibEntry } from './pib-catalog.ts';

const AWB_BESLISTERMIJN = 'P8W';
// Awb 4:5 names no length; two weeks is usual practice. Days, not weeks: FEEL durations have no W.
const AWB_HERSTELTERMIJN = 'P14D';

function prbEntry(): RegelingEntry {
  const policies = defaultPolicies();
  return {
    regeling: 'prb',
    naam: 'Persoonsgebonden re-integratiebudget',
    bpmnProcessId: 'prb',
    resourceDir: path.join(ROOT, 'workflows', 'prb'),
    tenants: () => policies.tenants('prb'),
    parameters(tenantId, startdatum) {
      if (!policies.tenants('prb').includes(tenantId)) return undefined;
      const policy = policies.policyFor(tenantId, 'prb', startdatum);
      const termijn = policy.besluittermijn.waarde;
      return {
        policyId: policy.id,
        doorlooptijd: termijn.doorlooptijd ?? AWB_BESLISTERMIJN,
        servicenorm: termijn.servicenorm,
        variables: { policy: procesbeleid(policy), hersteltermijn: AWB_HERSTELTERMIJN },
      };
    },
    startFormId: 'prb-aanmelding',
    startVariables: ({ gegevens, startdatum }) => {
      const aanmelding = (gegevens.aanmelding ?? {}) as Parameters<typeof prbKlantFeiten>[0];
      return { klantFeiten: prbKlantFeiten(aanmelding, startdatum) };
    },
  };
}

/** The regelingen Regie ships; a regeling is offered where its files and policies exist. */
export function defaultCatalog(): RegelingCatalog {
  const entries = [prbEntry(), pgbBwEntry(), iroEntry(), rioEntry(), pibEntry()].filter((e) => !e.resourceDir || existsSync(path.join(e.resourceDir, `${e.bpmnProcessId}.bpmn`)));
  return new RegelingCatalog(entries);
}
