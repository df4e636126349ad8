import { datumLang } from '../../../workers/beschikking/index.ts';
import { berichtAanKlant } from '../../dossier/berichten.ts';
import type { DbOrTx } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendZaakEvent, zaakEventsInOrder } from '../events.ts';
import { dwangsomVaststelling, dwangsomVan, klokUitFeiten, zaakFeiten } from '../clock.ts';
import { formatEuro } from '../../../forms/index.ts';
import { refused } from './errors.ts';
import { loadZaak } from './load-zaak.ts';

export interface DwangsomVaststellenInput {
  tenantId: string;
  zaakId: string;
  /** Today in Amsterdam: the day of the vaststelling. */
  vandaag: string;
  actor: string;
}

/**
 * Command: the vaststelling of the dwangsom owed (Awb 4:18), once it no longer accrues: after
 * the besluit, or on reaching the maximum. The amount is what the law gives (4:17 lid 2), not a
 * choice, so it is computed here and recorded with the day; the klant is told in the same
 * transaction. Paying it is the gemeente's own financial administration: it is no re-integratie
 * budget and does not go through Regie's ledger.
 */
export function dwangsomVaststellen(db: DbOrTx, input: DwangsomVaststellenInput): Promise<{ bedragCent: number }> {
  return inTransaction(db, async (tx) => {
    const zaak = await loadZaak(tx, input.tenantId, input.zaakId);
    const events = await zaakEventsInOrder(tx, zaak.id);
    const feiten = zaakFeiten(zaak, events);
    const eerder = dwangsomVaststelling(events);
    if (eerder) throw refused(`De dwangsom is al vastgesteld op ${datumLang(eerder.datum)} (${formatEuro(eerder.bedragCent)}).`);
    const d = dwangsomVan(klokUitFeiten(zaak, feiten, input.vandaag), feiten, null);
    if (!d || d.bedragCent === 0) throw refused('Op deze zaak is geen dwangsom verschuldigd.');
    if (d.vaststellenUiterlijk === null) {
      throw refused('De dwangsom loopt nog. U stelt hem vast na het besluit, of als het maximum van 42 dagen is bereikt.');
    }
    const now = new Date().toISOString();
    await tx.updateTable('zaken').set({ updated_at: now }).where('id', '=', zaak.id).execute();
    await appendZaakEvent(tx, {
      zaakId: zaak.id,
      tenantId: zaak.tenant_id,
      type: 'zaak.dwangsom-vastgesteld',
      data: { datum: input.vandaag, bedragCent: d.bedragCent },
      actor: input.actor,
      occurredAt: now,
    });
    await berichtAanKlant(tx, zaak, {
      onderwerp: 'De dwangsom is vastgesteld',
      tekst:
        `Wij hebben niet op tijd over uw aanvraag (${zaak.identificatie}) beslist. Daarom hebben wij de dwangsom vastgesteld op ` +
        `${formatEuro(d.bedragCent)} (artikel 4:18 Awb). Wij betalen dit bedrag aan u uit.`,
      idempotencyKey: `dwangsom-vastgesteld:${zaak.id}`,
    });
    return { bedragCent: d.bedragCent };
  });
}
