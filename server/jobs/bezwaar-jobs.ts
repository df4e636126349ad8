import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { variable, type JobHandler } from './job-handler.ts';

interface Beslissing {
  uitkomst: 'gegrond' | 'ongegrond' | 'niet-ontvankelijk';
  nieuwBudgetCent?: number | null;
  motivering?: string;
}

/**
 * bezwaar-besluit: the beslissing op bezwaar. Gegrond means full
 * reconsideration (Awb 7:11): a new besluit replaces the contested one, and the
 * ledger's toekenning of the hoofdzaak follows it.
 */
export const bezwaarBesluit: JobHandler = {
  type: 'bezwaar-besluit',
  async handle(job, { ledger }) {
    const beslissing = variable<Beslissing>(job, 'beslissing');
    const hoofdzaakId = variable<string>(job, 'hoofdzaakId');
    let herzienBesluitId: string | null = null;
    if (beslissing.uitkomst === 'gegrond' && typeof beslissing.nieuwBudgetCent === 'number') {
      // The klant's name and own account belong to the zaak, not to one besluit: the new toekenning keeps them.
      const huidig = (await ledger.readZaak(job.tenantId, hoofdzaakId)).toekenning;
      await ledger.recordToekenning({
        tenantId: job.tenantId,
        zaakId: hoofdzaakId,
        bedragCents: beslissing.nieuwBudgetCent,
        besluitRef: job.key,
        klantNaam: huidig?.klantNaam ?? (job.variables.klantNaam as string | undefined) ?? null,
        klantIban: huidig?.klantIban ?? null,
      });
      herzienBesluitId = job.key;
    }
    return { besluitOpBezwaar: { id: job.key, uitkomst: beslissing.uitkomst, herzienBesluitId, datum: todayInAmsterdam(new Date()) } };
  },
};
