import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { heropenenNaBezwaar, type Heroverweging } from '../zaken/commands/heropenen-na-bezwaar.ts';
import { variable, type JobHandler } from './job-handler.ts';

interface Beslissing {
  uitkomst: 'gegrond' | 'ongegrond' | 'niet-ontvankelijk';
  nieuwBudgetCent?: number | null;
  motivering?: string;
}

/** Refusals of an aanvraag: after herroeping there is nothing to carry out unless the zaak runs again. */
const VOOR_PLAN = new Set(['niet-toegelaten', 'buiten-behandeling']);

/**
 * Regelingen whose diagram starts with GwHeroverweging (docs/bezwaar.md). Another regeling would
 * start again from its first step, so it keeps the ledger-only behaviour until its diagram has it.
 */
const HEROPENBAAR = new Set(['prb', 'iro', 'rio', 'pib', 'pgb-bw']);

/**
 * bezwaar-besluit: the beslissing op bezwaar. Gegrond means full
 * reconsideration (Awb 7:11): the contested besluit is revoked and a new one
 * takes its place.
 *  - Against a toekenning (the amount): the new toekenning replaces the old one in the ledger; the traject runs on.
 *  - Against a refusal: the hoofdzaak had ended, so it is reopened (heropenen-na-bezwaar) and its regeling
 *    carries out the new besluit — the besluit step of the reopened instance books the toekenning, its
 *    verplichtingen and (iro/rio) the contract or (pgb bw) the werkgever and begeleidingsorganisatie, exactly as a
 *    toekenning on the aanvraag would.
 */
export const bezwaarBesluit: JobHandler = {
  type: 'bezwaar-besluit',
  async handle(job, services) {
    const { ledger } = services;
    const beslissing = variable<Beslissing>(job, 'beslissing');
    const hoofdzaakId = variable<string>(job, 'hoofdzaakId');
    const soort = (job.variables.oorspronkelijkBesluit as { soort?: string } | undefined)?.soort ?? null;
    const budgetCent = typeof beslissing.nieuwBudgetCent === 'number' ? beslissing.nieuwBudgetCent : null;
    let herzienBesluitId: string | null = null;
    let heropend = false;
    const regeling = job.variables.regeling as string | undefined;
    if (beslissing.uitkomst === 'gegrond' && soort !== null && soort !== 'toekenning' && regeling !== undefined && HEROPENBAAR.has(regeling)) {
      const heroverweging: Heroverweging = {
        stap: VOOR_PLAN.has(soort) ? 'toelating' : 'besluit',
        bezwaarZaakId: variable<string>(job, 'zaakId'),
        besluitOpBezwaarId: job.key,
        budgetCent,
        motivering: beslissing.motivering ?? 'Uw bezwaar is gegrond.',
      };
      await heropenenNaBezwaar(services.database.db, services.engine, {
        tenantId: job.tenantId,
        zaakId: hoofdzaakId,
        heroverweging,
        actor: 'regie',
        idempotencyKey: job.key,
      });
      const klant = job.variables.klant as string | undefined;
      if (klant) {
        await services.berichten.plaats({
          tenantId: job.tenantId,
          ontvanger: klant,
          zaakId: hoofdzaakId,
          onderwerp: 'Uw zaak loopt weer',
          tekst:
            heroverweging.stap === 'besluit'
              ? 'Uw bezwaar is gegrond. Wij trekken de afwijzing in en nemen een nieuw besluit (artikel 7:11 Awb). Uw traject kan nu beginnen. Uw klantmanager neemt contact met u op over de volgende stap.'
              : 'Uw bezwaar is gegrond. Wij trekken ons besluit in en behandelen uw aanvraag verder (artikel 7:11 Awb). U vindt de volgende stap bij uw zaak.',
          idempotencyKey: `${job.key}:heropend`,
        });
      }
      herzienBesluitId = job.key;
      heropend = true;
    } else if (beslissing.uitkomst === 'gegrond' && budgetCent !== null) {
      // The klant's name and own account belong to the zaak, not to one besluit: the new toekenning keeps them.
      const huidig = (await ledger.readZaak(job.tenantId, hoofdzaakId)).toekenning;
      await ledger.recordToekenning({
        tenantId: job.tenantId,
        zaakId: hoofdzaakId,
        bedragCents: budgetCent,
        besluitRef: job.key,
        klantNaam: huidig?.klantNaam ?? (job.variables.klantNaam as string | undefined) ?? null,
        klantIban: huidig?.klantIban ?? null,
      });
      herzienBesluitId = job.key;
    }
    return { besluitOpBezwaar: { id: job.key, uitkomst: beslissing.uitkomst, herzienBesluitId, heropend, datum: todayInAmsterdam(new Date()) } };
  },
};
