/**
 * Job handlers of pib.bpmn: admission, the choice list, the chosen providers, the programme check,
 * the besluit in which the gemeente contracts each chosen provider (seed-000 L574), and the result
 * per provider. Invoices of the providers run through prb-betaling (the ledger's generic rules).
 */
import { pibProgrammaToets, pibToelating, type ProgrammaOnderdeel, type ProgrammaToets } from '../../workers/pib/index.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { pibPolicies, type PibProcesbeleid } from '../../workflows/pib/policy/schema.ts';
import { aanbiedersVanZaak, contracteerAanbieder, kiesAanbieder, registreerResultaat } from '../aanbieders/port.ts';
import { poolOpties } from './aanbieder-adapter.ts';
import { prbBeschikking } from './beschikking-job.ts';
import { openBetalingen } from './betaling-jobs.ts';
import { afwijzingNaBeoordeling, afwijzingToelating, recordBesluit } from './iro-jobs.ts';
import { completedBy, header, variable, type JobHandler } from './job-handler.ts';

const SYSTEEM = 'regie';

const GRONDEN: Record<string, string> = {
  'geen-duaal-programma': 'U ontvangt bijstand; uw programma combineert inburgering niet met re-integratie.',
  'boven-plafond': 'Het programma kost meer dan het maximum.',
  'plan-onvoldoende': 'Het programma leidt naar ons oordeel niet tot inburgering.',
};

const SOORT: Record<string, string> = { taal: 'taal', inburgering: 'inburgering', reintegratie: 're-integratie' };

const onderdelen = (job: Parameters<JobHandler['handle']>[0]) => variable<{ onderdelen: ProgrammaOnderdeel[] }>(job, 'programma').onderdelen;

export const PIB_JOBS: JobHandler[] = [
  {
    type: 'pib-toelating',
    async handle(job, { database }) {
      const policy = pibPolicies().policyById(variable<string>(job, 'policyId'));
      const f = (job.variables.klantFeiten ?? {}) as { inburgeraar?: 'vrijwillig' | 'verplicht'; woontInGemeente?: boolean };
      const tenant = await database.db.selectFrom('tenants').select('naam').where('id', '=', job.tenantId).executeTakeFirst();
      const toelating = pibToelating(policy.waarden.toelating, { inburgeraar: f.inburgeraar ?? null, woontInGemeente: f.woontInGemeente ?? null }, tenant?.naam ?? policy.organisatie);
      return { toelating };
    },
  },
  {
    type: 'pib-aanbieder-pool',
    async handle(job, { database }) {
      const aanbiederOpties = await poolOpties(database.db, job.tenantId, 'pib');
      if (aanbiederOpties.length === 0) throw new Error(`Er staan geen aanbieders in de pib-pool van ${job.tenantId}.`);
      return { aanbiederOpties };
    },
  },
  {
    type: 'pib-aanbieders-kiezen',
    async handle(job, services) {
      const zaakId = variable<string>(job, 'zaakId');
      const actor = (await completedBy(services, job, 'Programma')) ?? SYSTEEM;
      // The inburgeraar chooses the providers (seed-000 L574); the catalogue records each choice once.
      for (const id of new Set(onderdelen(job).map((o) => o.aanbiederId))) {
        await kiesAanbieder(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: id, gekozenDoor: 'klant', actor });
      }
      return {};
    },
  },
  {
    type: 'pib-programma-toets',
    async handle(job) {
      const policy = variable<PibProcesbeleid>(job, 'policy');
      const uitkering = (job.variables.klantFeiten as { uitkering?: string } | undefined)?.uitkering ?? null;
      return { programmaToets: pibProgrammaToets(policy, uitkering, onderdelen(job)) };
    },
  },
  {
    type: 'pib-besluit',
    async handle(job, services) {
      const zaakId = variable<string>(job, 'zaakId');
      if (header(job, 'soort') === 'afwijzing-toelating') {
        const besluit = afwijzingToelating(job);
        await recordBesluit(services, job, zaakId, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: 0 });
        return { besluit };
      }
      const beoordeling = variable<{ advies: 'toekennen' | 'afwijzen'; motivering: string; afwijzingsgronden?: string[] | null }>(job, 'beoordeling');
      const toets = variable<ProgrammaToets>(job, 'programmaToets');
      const base = { id: job.key, soort: 'aanvraag', datum: todayInAmsterdam(new Date()), uitvoeringTot: null };
      let besluit: Record<string, unknown>;
      if (beoordeling.advies === 'toekennen') {
        const actor = (await completedBy(services, job, 'Beoordeling')) ?? SYSTEEM;
        await services.ledger.recordToekenning({ tenantId: job.tenantId, zaakId, bedragCents: toets.totaalCent, besluitRef: job.key, klantNaam: (job.variables.klantNaam as string) ?? null });
        const voorwaarden: string[] = [];
        for (const [i, p] of toets.perAanbieder.entries()) {
          // Unlike prb, the gemeente is the opdrachtgever: it signs with every provider the inburgeraar chose.
          const betaal = await contracteerAanbieder(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: p.aanbiederId, bedragCent: p.bedragCent, actor });
          await services.ledger.addVerplichting({
            id: `${zaakId}:a${i + 1}`,
            tenantId: job.tenantId,
            zaakId,
            soort: 'contract',
            omschrijving: `${p.soorten.map((s) => SOORT[s] ?? s).join(' en ')} bij ${betaal.naam}`,
            payeeNaam: betaal.naam,
            iban: betaal.iban,
            kvk: betaal.kvk,
            bedragCents: p.bedragCent,
            bekostiging: 'vast',
            approvedBy: actor,
          });
          voorwaarden.push(`De gemeente sluit een contract met ${betaal.naam} voor ${p.soorten.map((s) => SOORT[s] ?? s).join(' en ')}.`);
        }
        besluit = { ...base, uitkomst: 'toekenning', budgetCent: toets.totaalCent, duaal: toets.duaal, motivering: beoordeling.motivering, voorwaarden };
      } else {
        besluit = { ...base, ...afwijzingNaBeoordeling(beoordeling, GRONDEN) };
      }
      await recordBesluit(services, job, zaakId, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: besluit.budgetCent });
      return { besluit };
    },
  },
  { type: 'pib-beschikking', handle: prbBeschikking.handle },
  // Same count as prb's OpenBetalingenTellen, under pib's own job type.
  { type: 'pib-open-betalingen', handle: openBetalingen.handle },
  {
    type: 'pib-resultaat',
    async handle(job, services) {
      const zaakId = variable<string>(job, 'zaakId');
      const programma = (job.variables.verantwoording as { programma?: string } | undefined)?.programma;
      const resultaat = programma === 'voortijdig-gestopt' ? 'voortijdig-gestopt' : 'afgerond';
      for (const a of await aanbiedersVanZaak(services.database.db, { tenantId: job.tenantId, zaakId })) {
        if (a.status !== 'gecontracteerd' || a.resultaat) continue;
        await registreerResultaat(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: a.aanbieder_id, resultaat, actor: SYSTEEM });
      }
      return { resultaat };
    },
  },
];
