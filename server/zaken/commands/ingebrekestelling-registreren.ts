import { datumLang } from '../../../workers/beschikking/index.ts';
import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendZaakEvent, zaakEventsInOrder } from '../events.ts';
import { klokUitFeiten, zaakFeiten } from '../clock.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface IngebrekestellingInput {
  tenantId: string;
  zaakId: string;
  /** The day the gemeente received the written ingebrekestelling. */
  ontvangen: string;
  toelichting: string | null;
  /** Today in Amsterdam: a letter cannot have been received later. */
  vandaag: string;
  actor: string;
}

/**
 * Command: a written ingebrekestelling received on an aanvraag not decided in time (Awb 4:17).
 * The zaak clock then says when the dwangsom starts and what it amounts to (workers/termijnen/dwangsom.ts).
 * One received on or before the last day of the beslistermijn has no effect (voorbarig); it is
 * registered all the same, because the letter is part of the dossier, and a later one may follow.
 * Once an effective one is registered, a second changes nothing in law and is refused.
 */
export function ingebrekestellingRegistreren(db: DbOrTx, input: IngebrekestellingInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'afgesloten' || zaak.status === 'besloten') {
      throw refused('Op deze zaak is al besloten; een ingebrekestelling heeft dan geen gevolg meer.');
    }
    if (input.ontvangen > input.vandaag) throw refused('De ontvangstdatum ligt in de toekomst. Vul de dag in waarop de brief binnenkwam.');
    if (input.ontvangen < zaak.startdatum) {
      throw refused(`De ontvangstdatum ligt vóór de ontvangst van de aanvraag (${datumLang(zaak.startdatum)}).`);
    }
    const events = await zaakEventsInOrder(tx, zaak.id);
    const feiten = zaakFeiten(zaak, events);
    if (feiten.ingebrekestelling) {
      const eerder = klokUitFeiten(zaak, feiten, input.vandaag).dwangsom;
      if (eerder && eerder.status !== 'voorbarig') {
        throw refused(`Er is al een ingebrekestelling ontvangen op ${datumLang(feiten.ingebrekestelling.ontvangen)}; de dwangsom loopt op basis daarvan.`);
      }
    }
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.ingebrekestelling-ontvangen',
      data: { ontvangen: input.ontvangen, ...(input.toelichting ? { toelichting: input.toelichting } : {}) },
      actor: input.actor,
      occurredAt: now,
    });
  });
}
