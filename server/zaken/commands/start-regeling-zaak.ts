import type { Variables } from '../../../engine/port.ts';
import type { Services } from '../../services.ts';
import type { RegelingEntry, ZaakParameters } from '../catalog.ts';
import { startZaak, type StartedZaak } from './start-zaak.ts';

export interface StartRegelingZaakInput {
  tenantId: string;
  entry: RegelingEntry;
  params: ZaakParameters;
  klant: { id: string; naam: string; username: string | null };
  /** The validated start-form data (the aanmelding). */
  gegevens: Variables;
  startdatum: string;
  actor: string;
  aangemeldDoor: 'klant' | 'klantmanager';
  /** When the aanvraag came in; only the demo sets it, to show a zaak past its term. */
  now?: Date;
}

/** Command: a zaak of a regeling from the catalog, with the start variables its diagram expects (process.md §1). */
export function startRegelingZaak(services: Pick<Services, 'database' | 'engine'>, input: StartRegelingZaakInput): Promise<StartedZaak> {
  const { entry, params, klant, gegevens } = input;
  return startZaak(services.database.db, services.engine, {
    tenantId: input.tenantId,
    regeling: entry.regeling,
    klantId: klant.id,
    actor: input.actor,
    bpmnProcessId: entry.bpmnProcessId,
    policyId: params.policyId,
    doorlooptijd: params.doorlooptijd,
    servicenorm: params.servicenorm,
    ...(input.now ? { now: input.now } : {}),
    variables: {
      ...params.variables,
      ...gegevens,
      ...(entry.startVariables?.({ gegevens, klant, startdatum: input.startdatum }) ?? {}),
      klantId: klant.id,
      klantNaam: klant.naam,
      klant: klant.username,
      aangemeldDoor: input.aangemeldDoor,
    },
  });
}
