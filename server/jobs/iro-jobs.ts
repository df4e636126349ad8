/**
 * Job handlers of iro.bpmn (UWV) and rio.bpmn (Rotterdam): one factory, one set of handlers per
 * regeling (the job types carry the regeling, as the shared bezwaar.bpmn expects for
 * `<regeling>-beschikking`). Rules live in workers/iro; the provider catalogue behind its port.
 */
import { betaling, formatEuro, type BetalingResultaat } from '../../workers/betaling/index.ts';
import { iroPlanToets, iroResultaat, iroToelating, noCureLessPayTermijnen, type IroTrajectplan } from '../../workers/iro/index.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { iroPolicies, type IroProcesbeleid } from '../../workflows/iro/policy/schema.ts';
import { contracteerAanbieder, kiesAanbieder, registreerResultaat } from '../aanbieders/port.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendZaakEvent, alreadyApplied } from '../zaken/events.ts';
import { aanbiederNaam, poolOpties } from './aanbieder-adapter.ts';
import { prbBeschikking } from './beschikking-job.ts';
import { completedBy, header, variable, type JobHandler } from './job-handler.ts';
import type { Services } from '../services.ts';
import type { Job } from '../../engine/port.ts';

const SYSTEEM = 'regie';

interface Rib {
  id: string;
  naam: string;
  kvk: string;
}

const GRONDEN: Record<string, string> = {
  'plan-onvoldoende': 'Het trajectplan leidt naar ons oordeel niet tot werk.',
  'boven-plafond': 'De prijs ligt zonder goede reden boven het maximum.',
  'ander-lopend-traject': 'U volgt al een ander re-integratietraject.',
};

export async function recordBesluit(services: Services, job: Job, zaakId: string, data: Record<string, unknown>) {
  await inTransaction(services.database.db, async (tx) => {
    if (await alreadyApplied(tx, job.key)) return;
    await appendZaakEvent(tx, { zaakId, tenantId: job.tenantId, type: 'zaak.besluit-vastgelegd', data, actor: SYSTEEM, occurredAt: new Date().toISOString(), idempotencyKey: job.key });
  });
}

/** Refusal of admission: the coded reasons become the grounds of the beschikking. */
export function afwijzingToelating(job: Job) {
  const redenen = (job.variables.toelating as { redenen?: { code: string; omschrijving: string }[] } | undefined)?.redenen ?? [];
  return {
    id: job.key,
    soort: 'afwijzing-toelating',
    datum: todayInAmsterdam(new Date()),
    budgetCent: 0,
    uitvoeringTot: null,
    uitkomst: 'niet-toegelaten',
    gronden: redenen.map((r) => ({ code: r.code, tekst: r.omschrijving })),
    motivering: 'U voldoet niet aan de voorwaarden om tot de regeling te worden toegelaten.',
  };
}

/** Refusal after the beoordeling: each coded ground in words from the regeling's own list. */
export function afwijzingNaBeoordeling(beoordeling: { motivering: string; afwijzingsgronden?: string[] | null }, gronden: Record<string, string>) {
  return {
    uitkomst: 'afwijzing',
    budgetCent: 0,
    gronden: (beoordeling.afwijzingsgronden ?? []).map((code) => ({ code, tekst: gronden[code] ?? code })),
    motivering: beoordeling.motivering,
  };
}

export function iroJobs(r: 'iro' | 'rio'): JobHandler[] {
  const policies = () => iroPolicies(r);
  return [
    {
      type: `${r}-toelating`,
      async handle(job) {
        const beleid = policies().policyById(variable<string>(job, 'policyId')).waarden;
        const feiten = (job.variables.klantFeiten ?? {}) as { uitkering?: string; werkloosSinds?: string };
        const afstand = (job.variables.afstand ?? {}) as { uitkering?: string; trajectindicatie?: never; werkloosSinds?: string; regulierTrajectKansrijk?: string; lopendTraject?: string };
        const jaNee = (v: string | undefined) => (v === 'ja' ? true : v === 'nee' ? false : null);
        const toelating = iroToelating(
          beleid.toelating,
          {
            // The professional's finding overrides what the klant wrote on the aanmelding.
            uitkering: afstand.uitkering ?? feiten.uitkering ?? null,
            trajectindicatie: afstand.trajectindicatie ?? null,
            werkloosSinds: afstand.werkloosSinds ?? feiten.werkloosSinds ?? null,
            regulierTrajectKansrijk: jaNee(afstand.regulierTrajectKansrijk),
            lopendTraject: jaNee(afstand.lopendTraject),
            peildatum: todayInAmsterdam(new Date()),
          },
          r,
        );
        return { toelating };
      },
    },
    {
      type: `${r}-rib-pool`,
      async handle(job, services) {
        const policy = variable<IroProcesbeleid>(job, 'policy');
        const ribOpties = await poolOpties(services.database.db, job.tenantId, policy.aanbiederPool);
        // An empty list would leave the klant a form that cannot be sent: an incident tells the beheerder instead.
        if (ribOpties.length === 0) throw new Error(`Er staan geen re-integratiebedrijven in de pool "${policy.aanbiederPool}" van ${job.tenantId}.`);
        return { ribOpties };
      },
    },
    {
      type: `${r}-aanbieder-kiezen`,
      async handle(job, services) {
        const zaakId = variable<string>(job, 'zaakId');
        const keuze = variable<{ aanbiederId: string; gekozenDoor?: 'klant' | 'klantmanager' }>(job, 'ribKeuze');
        const actor = (await completedBy(services, job, 'RibKiezen')) ?? SYSTEEM;
        await kiesAanbieder(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: keuze.aanbiederId, gekozenDoor: keuze.gekozenDoor ?? 'klant', actor });
        const rib: Rib = await aanbiederNaam(services.database.db, keuze.aanbiederId);
        return { rib };
      },
    },
    {
      type: `${r}-plan-toets`,
      async handle(job) {
        const policy = variable<IroProcesbeleid>(job, 'policy');
        return { planToets: iroPlanToets(policy, variable<IroTrajectplan>(job, 'trajectplan')) };
      },
    },
    {
      type: `${r}-besluit`,
      async handle(job, services) {
        const zaakId = variable<string>(job, 'zaakId');
        const soort = header(job, 'soort');
        if (soort === 'afwijzing-toelating') {
          const besluit = afwijzingToelating(job);
          await recordBesluit(services, job, zaakId, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: 0 });
          return { besluit };
        }
        const policy = variable<IroProcesbeleid>(job, 'policy');
        const beoordeling = variable<{ advies: 'toekennen' | 'afwijzen'; bedragCent?: number | null; motivering: string; afwijzingsgronden?: string[] | null }>(job, 'beoordeling');
        const rib = variable<Rib>(job, 'rib');
        const base = { id: job.key, soort, datum: todayInAmsterdam(new Date()), uitvoeringTot: null, voorwaarden: [] as string[] };
        let besluit: Record<string, unknown>;
        if (beoordeling.advies === 'toekennen') {
          const bedragCent = beoordeling.bedragCent ?? 0;
          const actor = (await completedBy(services, job, 'Beoordeling')) ?? SYSTEEM;
          // UWV (iro) or the gemeente (rio, its own agreement) contracts the rib the klant proposed.
          const betaal = await contracteerAanbieder(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: rib.id, bedragCent, actor });
          const { startAandeelBp, startCent, resultaatCent } = noCureLessPayTermijnen(bedragCent, policy.noCureLessPay.startdeelProcent);
          await services.ledger.recordToekenning({ tenantId: job.tenantId, zaakId, bedragCents: bedragCent, besluitRef: job.key, klantNaam: (job.variables.klantNaam as string) ?? null });
          await services.ledger.addVerplichting({
            id: `${zaakId}:rib`,
            tenantId: job.tenantId,
            zaakId,
            soort: 'contract',
            omschrijving: `Trajectcontract ${betaal.naam}`,
            payeeNaam: betaal.naam,
            iban: betaal.iban,
            kvk: betaal.kvk,
            bedragCents: bedragCent,
            bekostiging: 'no-cure-less-pay',
            startAandeelBp,
            approvedBy: actor,
          });
          besluit = {
            ...base,
            uitkomst: 'toekenning',
            budgetCent: bedragCent,
            motivering: beoordeling.motivering,
            voorwaarden: [
              `${r === 'iro' ? 'UWV' : 'De gemeente'} contracteert ${betaal.naam} voor uw traject.`,
              `Het bedrijf krijgt ${formatEuro(startCent)} (${policy.noCureLessPay.startdeelProcent}%) bij de start en de rest (${formatEuro(resultaatCent)}) alleen als u daarna minstens zes maanden werkt.`,
            ],
          };
        } else {
          besluit = { ...base, ...afwijzingNaBeoordeling(beoordeling, GRONDEN) };
        }
        await recordBesluit(services, job, zaakId, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: besluit.budgetCent });
        return { besluit };
      },
    },
    { type: `${r}-beschikking`, handle: prbBeschikking.handle },
    {
      type: `${r}-betaling`,
      async handle(job, { ledger }) {
        const zaakId = variable<string>(job, 'zaakId');
        const policy = variable<IroProcesbeleid>(job, 'policy');
        const termijn = header(job, 'termijn') as 'start' | 'resultaat';
        const v = (await ledger.readZaak(job.tenantId, zaakId)).verplichtingen.find((x) => x.id === `${zaakId}:rib`);
        if (!v || !v.iban || v.startAandeelBp === null) throw new Error(`Zaak ${zaakId} heeft geen trajectcontract met no cure less pay.`);
        const { startCent, resultaatCent } = noCureLessPayTermijnen(v.bedragCents, v.startAandeelBp / 100);
        const bedragCents = termijn === 'start' ? startCent : resultaatCent;
        const begunstigde = { naam: v.payeeNaam ?? v.omschrijving, iban: v.iban, kvk: v.kvk };
        const referentie = `${termijn === 'start' ? 'Startdeel' : 'Resultaatdeel'} ${v.omschrijving}`;
        const controle = job.variables.plaatsingControle as { nogInDienst?: string } | undefined;
        const result: BetalingResultaat = await betaling(
          {
            tenantId: job.tenantId,
            zaakId,
            jobKey: job.key,
            soort: 'termijn',
            termijn,
            // The ledger's rules refuse a result part without the result: the placement that lasted.
            werkGevonden: termijn === 'resultaat' ? controle?.nogInDienst === 'ja' : undefined,
            verplichtingId: v.id,
            bedragCents,
            begunstigde,
            omschrijving: referentie,
            betaalroute: policy.betaalroute,
            financieGrensCents: policy.financieGrensCent,
          },
          { ledger },
        );
        return { betaling: result, betalingVerzoek: { bedragCents, begunstigde, referentie } };
      },
    },
    {
      type: `${r}-resultaat`,
      async handle(job, services) {
        const zaakId = variable<string>(job, 'zaakId');
        const rib = variable<Rib>(job, 'rib');
        const soort = header(job, 'resultaat');
        const uitkomst = (job.variables.uitvoering as { uitkomst?: 'geplaatst' | 'niet-geplaatst' | 'voortijdig-gestopt' } | undefined)?.uitkomst ?? 'niet-geplaatst';
        const nogInDienst = (job.variables.plaatsingControle as { nogInDienst?: string } | undefined)?.nogInDienst;
        const resultaat = soort === 'uit-uitvoering' ? iroResultaat(uitkomst, null) : iroResultaat('geplaatst', nogInDienst === 'ja' && soort === 'geplaatst');
        await registreerResultaat(services.database.db, { tenantId: job.tenantId, zaakId, aanbiederId: rib.id, resultaat, actor: SYSTEEM });
        return { resultaat };
      },
    },
  ];
}
