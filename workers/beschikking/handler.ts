import { maakBeschikking } from './pdf.ts';
import type { BeschikkingInput } from './types.ts';

/** Where the letter goes: the zaak's documents, visible to the klant. Implemented by the server. */
export interface DocumentPort {
  /** Stores once per idempotency key; a second call with the same key returns the first document. */
  opslaan(doc: {
    tenantId: string;
    zaakId: string;
    idempotencyKey: string;
    soort: 'beschikking';
    bestandsnaam: string;
    mediaType: 'application/pdf';
    inhoud: Buffer;
    zichtbaarVoorKlant: boolean;
  }): Promise<{ documentId: string }>;
}

export interface BeschikkingJob extends BeschikkingInput {
  jobKey: string;
  tenantId: string;
  zaakId: string;
}

/** Job handler for task type `beschikking`: makes the PDF and stores it with the zaak. */
export async function beschikking(job: BeschikkingJob, deps: { documenten: DocumentPort }): Promise<{ documentId: string; bytes: number }> {
  const pdf = await maakBeschikking(job);
  const safe = job.zaakReferentie.replace(/[^A-Za-z0-9-]/g, '_');
  const { documentId } = await deps.documenten.opslaan({
    tenantId: job.tenantId,
    zaakId: job.zaakId,
    idempotencyKey: job.jobKey,
    soort: 'beschikking',
    bestandsnaam: `beschikking-${safe}-${job.verzenddatum}.pdf`,
    mediaType: 'application/pdf',
    inhoud: pdf,
    zichtbaarVoorKlant: true,
  });
  return { documentId, bytes: pdf.length };
}
