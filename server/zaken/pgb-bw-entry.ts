import path from 'node:path';
import type { KlantFeiten } from '../../workers/pgb-bw-budget/index.ts';
import { defaultPgbBwPolicies } from '../../workflows/pgb-bw/policy/load.ts';
import { pgbBwProcesbeleid } from '../../workflows/pgb-bw/policy/snapshot.ts';
import { ROOT } from '../ui-build.ts';
import type { RegelingEntry } from './catalog.ts';
import { pgbBwUitleg } from './pgb-bw-uitleg.ts';

// Awb 4:5 names no length; two weeks as in prb. Days, not weeks: FEEL durations have no W.
const AWB_HERSTELTERMIJN = 'P14D';
const prb = (f: string) => path.join(ROOT, 'workflows', 'prb', f);

/** The form `pgb-bw-aanmelding` as the klant submits it. */
interface Aanmelding {
  indicatieGeldig?: 'ja' | 'nee';
  indicatieNiveau?: 'basis' | 'verhoogd';
  status?: KlantFeiten['status'];
  beschikbaarVoorArbeid?: 'ja' | 'nee';
  aanDeBeurt?: 'ja' | 'nee';
  aanDeBeurtDatum?: string | null;
  werktAlBegeleid?: 'ja' | 'nee';
}

/** The facts the toelating of seed-002 §9.1 step 1 needs, from the aanmelding. */
export function pgbBwKlantFeiten(a: Aanmelding): KlantFeiten {
  const status = a.status ?? 'sw-werknemer';
  return {
    indicatie: { geldig: a.indicatieGeldig === 'ja', niveau: a.indicatieNiveau ?? 'basis' },
    status,
    wachtlijst: status === 'wachtlijst' ? { aanDeBeurt: a.aanDeBeurt === 'ja', beschikbaarVoorArbeid: a.beschikbaarVoorArbeid === 'ja', aanDeBeurtDatum: a.aanDeBeurtDatum || null } : null,
    werktAlBegeleid: a.werktAlBegeleid === 'ja',
  };
}

/** pgb bw: persoonsgebonden budget begeleid werken (workflows/pgb-bw, process.md). */
export function pgbBwEntry(): RegelingEntry {
  const policies = defaultPgbBwPolicies();
  return {
    regeling: 'pgb-bw',
    naam: 'Persoonsgebonden budget begeleid werken',
    bpmnProcessId: 'pgb-bw',
    resourceDir: path.join(ROOT, 'workflows', 'pgb-bw'),
    // Bezwaar runs on the shared bezwaar.bpmn of prb (job type "pgb-bw-beschikking"); finance approves
    // with the prb approval form, which carries the ledger's four-eyes completion rule.
    sharedResources: [prb('bezwaar.bpmn'), ...['bezwaar-indienen', 'bezwaar-ontvankelijkheid', 'bezwaar-hoorzitting', 'bezwaar-beslissing', 'prb-betaling-goedkeuren'].map((f) => prb(`forms/${f}.form`))],
    tenants: () => policies.tenants(),
    parameters(tenantId, startdatum) {
      if (!policies.tenants().includes(tenantId)) return undefined;
      const policy = policies.policyFor(tenantId, startdatum);
      const termijn = policy.besluittermijn.waarde;
      return {
        policyId: policy.id,
        doorlooptijd: termijn.doorlooptijd,
        servicenorm: termijn.servicenorm,
        variables: { policy: pgbBwProcesbeleid(policy), hersteltermijn: AWB_HERSTELTERMIJN },
      };
    },
    uitleg: (tenantId, datum) => pgbBwUitleg(policies.policyFor(tenantId, datum)),
    startFormId: 'pgb-bw-aanmelding',
    startVariables: ({ gegevens }) => ({ klantFeiten: pgbBwKlantFeiten((gegevens.aanmelding ?? {}) as Aanmelding) }),
  };
}
