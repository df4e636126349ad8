import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicies } from '../../workflows/prb/policy/load.ts';
import { ROOT } from '../ui-build.ts';
import { RegelingCatalog, type RegelingEntry } from './catalog.ts';

/** Policy files wrap each value as { waarde, bron }; the diagram reads plain values. */
export function processView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(processView);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('waarde' in o && 'bron' in o) return processView(o.waarde);
    return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'bestand' && k !== 'hash').map(([k, v]) => [k, processView(v)]));
  }
  return value;
}

const AWB_BESLISTERMIJN = 'P8W';
const AWB_HERSTELTERMIJN = 'P2W';

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
      const termijn = processView(policy.besluittermijn) as { servicenorm: string; doorlooptijd: string };
      return {
        policyId: policy.id,
        doorlooptijd: termijn.doorlooptijd ?? AWB_BESLISTERMIJN,
        servicenorm: termijn.servicenorm,
        variables: { policy: processView(policy), hersteltermijn: AWB_HERSTELTERMIJN },
      };
    },
  };
}

/** The regelingen Regie ships; a regeling is offered where its files and policies exist. */
export function defaultCatalog(): RegelingCatalog {
  const entries = [prbEntry()].filter((e) => !e.resourceDir || existsSync(path.join(e.resourceDir, `${e.bpmnProcessId}.bpmn`)));
  return new RegelingCatalog(entries);
}
