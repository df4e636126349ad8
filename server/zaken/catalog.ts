import type { Variables } from '../../engine/port.ts';
import type { Regeling } from './tables.ts';
import type { Uitleg } from './regeling-uitleg.ts';

/** What the server needs to know to run one regeling for a tenant. */
export interface ZaakParameters {
  policyId: string | null;
  doorlooptijd: string;
  servicenorm: string;
  /** Extra start variables (e.g. the policy snapshot the diagram reads). */
  variables: Variables;
}

export interface RegelingEntry {
  regeling: Regeling;
  naam: string;
  bpmnProcessId: string;
  /** Folder with the .bpmn files and a forms/ folder, deployed for every tenant that runs it. */
  resourceDir: string | null;
  /** Files deployed with this regeling from elsewhere (the shared bezwaar.bpmn and its forms, shared forms). */
  sharedResources?: readonly string[];
  /** Tenants that run this regeling. */
  tenants(): readonly string[];
  /** Norms and policy for a new zaak of this tenant on this date; undefined: not offered there. */
  parameters(tenantId: string, startdatum: string): ZaakParameters | undefined;
  /** formId of the start event's form (the aanmelding); its data is validated before the zaak starts. */
  startFormId?: string;
  /** The regeling in plain Dutch for this tenant (GET /api/regelingen); prb builds it from its own policy. */
  uitleg?(tenantId: string, datum: string): Uitleg | undefined;
  /** Start variables derived from the validated start form and the klant record. */
  startVariables?(input: { gegevens: Variables; klant: { id: string; naam: string }; startdatum: string }): Variables;
}

export class RegelingCatalog {
  private readonly entries = new Map<Regeling, RegelingEntry>();

  constructor(entries: readonly RegelingEntry[]) {
    for (const e of entries) this.entries.set(e.regeling, e);
  }

  get(regeling: Regeling): RegelingEntry | undefined {
    return this.entries.get(regeling);
  }

  all(): RegelingEntry[] {
    return [...this.entries.values()];
  }
}
