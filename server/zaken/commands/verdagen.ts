import { verdaag, type ZaakFeiten } from '../../../workers/termijnen/case-clock.ts';
import { duurInWoorden } from '../../../workers/termijnen/duration.ts';
import { datumLang } from '../../../workers/beschikking/index.ts';
import { berichtAanKlant } from '../../dossier/berichten.ts';
import { TermijnError } from '../../../workers/termijnen/index.ts';
import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendZaakEvent, zaakEventsInOrder } from '../events.ts';
import { klokUitFeiten, zaakFeiten } from '../clock.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface VerdagenInput {
  tenantId: string;
  zaakId: string;
  /** The day the aanvrager was told (before the termijn ends). */
  datum: string;
  termijn: string;
  reden: string;
  actor: string;
  /**
   * Tell the klant in a bericht, in the same transaction (Awb 4:14 lid 3). A process that
   * verdaagt (bezwaar, Awb 7:10) sends its own notification step and leaves this off.
   */
  klantBericht?: boolean;
}

/** Command: the one verdaging of the beslistermijn (Awb 4:14); the rules live in workers/termijnen. */
export function verdagen(db: DbOrTx, input: VerdagenInput): Promise<void> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    if (zaak.status === 'afgesloten' || zaak.status === 'besloten') throw refused('Op deze zaak is al besloten; verdagen is niet meer mogelijk.');
    const events = await zaakEventsInOrder(tx, zaak.id);
    const normen = { doorlooptijd: zaak.doorlooptijd, servicenorm: zaak.servicenorm };
    let verdaagd: ZaakFeiten;
    try {
      verdaagd = verdaag(normen, zaakFeiten(zaak, events), {
        datum: input.datum,
        termijn: input.termijn,
        reden: input.reden,
      });
    } catch (err) {
      if (err instanceof TermijnError) throw refused(err.message);
      throw err;
    }
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.verdaagd',
      data: { datum: input.datum, termijn: input.termijn, reden: input.reden },
      actor: input.actor,
      occurredAt: now,
    });
    if (!input.klantBericht) return;
    const uiterlijk = klokUitFeiten(zaak, verdaagd, input.datum).uiterlijkeEinddatumAfdoening;
    await berichtAanKlant(tx, zaak, {
      onderwerp: 'Het besluit over uw aanvraag duurt langer',
      tekst:
        `Wij hebben meer tijd nodig om over uw aanvraag (${zaak.identificatie}) te beslissen en hebben de beslistermijn verdaagd ` +
        `met ${duurInWoorden(input.termijn)} (artikel 4:14 Awb). U krijgt uiterlijk ${datumLang(uiterlijk)} een besluit. De reden: ${input.reden}`,
      idempotencyKey: `zaak-verdaagd:${zaak.id}`,
    });
  });
}
