/**
 * Job handlers of workflows/pgb-bw/pgb-bw.bpmn (process.md §2): they bind the pgb bw budget
 * worker and the betaling rules to the server's ledger, documents and zaak events.
 */
import { betaling, type BetalingResultaat } from '../../workers/betaling/index.ts';
import {
  financieringsbronOp,
  hardheidsclausuleDekt,
  pgbBwWorker,
  redenBovenPlafond,
  werkgeverTermijn,
  type Aanvraag,
  type BudgetResultaat,
  type Financiering,
  type KlantFeiten,
  type Loonopgave,
  type Loonwaardebepaling,
  type RedenCode,
  type ToelatingResultaat,
} from '../../workers/pgb-bw-budget/index.ts';
import { formatEuro } from '../../workers/betaling/bedrag.ts';
import { addDuration, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { defaultPgbBwPolicies, regelsVan } from '../../workflows/pgb-bw/policy/load.ts';
import type { PgbBwProcesbeleid } from '../../workflows/pgb-bw/policy/snapshot.ts';
import { inTransaction } from '../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../zaken/events.ts';
import type { Heroverweging } from '../zaken/commands/heropenen-na-bezwaar.ts';
import { prbBeschikking } from './beschikking-job.ts';
import { header, variable, type JobHandler } from './job-handler.ts';

/** The day before an ISO date: a subsidy year runs up to and including the day before its anniversary. */
function dagErvoor(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const worker = pgbBwWorker({ regels: (policyId) => regelsVan(defaultPgbBwPolicies().policyById(policyId)) });

/** The aanvraag as form pgb-bw-aanvraag gives it: the werkplekaanpassing only when asked for. */
type AanvraagFormulier = Aanvraag & { werkplekaanpassingGevraagd?: boolean };

function aanvraagVan(job: { variables: Record<string, unknown> }): Aanvraag {
  const a = variable<AanvraagFormulier>(job as never, 'aanvraag');
  return { ...a, werkplekaanpassing: a.werkplekaanpassingGevraagd ? (a.werkplekaanpassing ?? null) : null };
}

export const pgbBwToelating: JobHandler = {
  type: 'pgb-bw-toelating',
  async handle(job) {
    const policy = variable<PgbBwProcesbeleid>(job, 'policy');
    const toelating = worker.toelating(policy.id, variable<KlantFeiten>(job, 'klantFeiten'));
    return { toelating, financiering: toelating.financiering };
  },
};

export const pgbBwAanvraagToets: JobHandler = {
  type: 'pgb-bw-aanvraag-toets',
  async handle(job) {
    const policy = variable<PgbBwProcesbeleid>(job, 'policy');
    return { aanvraagToets: worker.volledigheid(policy.id, aanvraagVan(job)) };
  },
};

export const pgbBwBudget: JobHandler = {
  type: 'pgb-bw-budget',
  async handle(job) {
    const policy = variable<PgbBwProcesbeleid>(job, 'policy');
    const budget = worker.budget(policy.id, {
      klant: variable<KlantFeiten>(job, 'klantFeiten'),
      aanvraag: aanvraagVan(job),
      loonwaardebepaling: (job.variables.loonwaardebepaling as Loonwaardebepaling | undefined) ?? null,
    });
    return { budget };
  },
};

interface Beoordeling {
  passend: 'ja' | 'nee';
  afwijzingsgronden?: RedenCode[] | null;
  advies: 'toekennen' | 'afwijzen';
  hardheidsclausule?: boolean;
  hardheidsclausuleMotivering?: string | null;
  motivering: string;
}

const TEKST: Partial<Record<RedenCode, string>> = {
  R04: 'De aanvraag is niet binnen de hersteltermijn aangevuld en ondertekend (artikel 4:5 Awb).',
  R05: 'De werkgever staat niet ingeschreven bij de Kamer van Koophandel.',
  R06: 'De functie is niet passend.',
  R07: 'De arbeidsovereenkomst is korter dan de verordening vraagt.',
  R08: 'De werkgever voldoet niet aan de eisen van de verordening (cao-loon, Arbo, dagdelen of kredietwaardigheid).',
  R09: 'De begeleidingsorganisatie voldoet niet aan de eisen van de verordening.',
  R10: 'Er is sprake van belangenverstrengeling.',
  R11: 'De begeleiding is meer dan de verordening toestaat.',
  R12: 'De jobfinding kan niet of niet volledig worden vergoed.',
  R13: 'De werkplekaanpassing staat niet in verhouding tot het werk; de werkplek is niet passend.',
};

/** The beschikking's conditions: components, subsidy period, review, payment and reporting duties, funding (seed-002 §10.4). */
function voorwaarden(b: BudgetResultaat, policy: PgbBwProcesbeleid, financiering: Financiering, van: string, tot: string, herziening: string, hardheid: string | null): string[] {
  const c = b.componenten;
  const lines = [
    `Subsidieperiode: ${van} tot en met ${tot}.`,
    `Vergoeding werkgever: ${formatEuro(c.werkgeverPerJaarCent)} per jaar${c.structureleKostenPerJaarCent ? `, waarvan ${formatEuro(c.structureleKostenPerJaarCent)} structurele kosten` : ''} (${b.loonwaarde.toelichting})`,
    `Begeleiding: ${c.begeleidingUrenPerWeek} uur per week, ${formatEuro(c.begeleidingPerJaarCent)} per jaar, op factuur van de begeleidingsorganisatie.`,
  ];
  if (c.jobfindingCent) lines.push(`Jobfinding: ten hoogste ${formatEuro(c.jobfindingCent)} (inclusief btw), alleen bij plaatsing (no cure no pay).`);
  if (c.werkplekaanpassingCent) lines.push(`Werkplekaanpassing: eenmalig ${formatEuro(c.werkplekaanpassingCent)} (${formatEuro(c.werkplekaanpassingPerJaarCent)} per jaar in de toets aan het budget).`);
  lines.push(`Uitvoeringskosten: ${formatEuro(b.uitvoeringskostenCent)}, eerst afgetrokken van het budget per Wsw-plaats van ${formatEuro(b.plafondCent)}.`);
  lines.push(
    policy.betaling.loonopgave === 'per-subsidieperiode'
      ? `De werkgever levert per subsidieperiode (${policy.betaling.subsidieperiodeMaanden} maanden) een opgave van het betaalde cao-loon; zonder opgave betalen wij niet.`
      : `De werkgever levert jaarlijks een opgave van het bruto cao-loon en de werkgeverslasten${policy.betaling.contracturenEnPeriode ? ', het aantal contracturen en de periode in dienst' : ''}; zonder opgave betalen wij niet.`,
  );
  if (policy.betaling.kwartaalmonitoring) lines.push('De werkgever levert elk kwartaal een opgave van het betaalde cao-loon (monitoring).');
  lines.push(`Wij herzien de loonwaarde en de vergoeding uiterlijk op ${herziening}, en eerder op verzoek van de werkgever of ambtshalve.`);
  lines.push('Wij betalen alleen aan de werkgever en de begeleidingsorganisatie, nooit aan u.');
  lines.push(
    financiering.bron === 'wsw-budget'
      ? 'Financiering: Wsw-budget.'
      : `Financiering: tot u aan de beurt bent op de wachtlijst${financiering.wisseldatum ? ` (${financiering.wisseldatum})` : ''} betaalt de gemeente uit het ${financiering.bron === 'participatiebudget' ? 'Participatiebudget' : 'W-deel WWB'}; daarna uit het Wsw-budget.`,
  );
  if (hardheid) lines.push(`Hardheidsclausule toegepast: ${hardheid}`);
  return lines;
}

async function recordBesluit(db: Parameters<typeof inTransaction>[0], job: { key: string; tenantId: string }, zaakId: string, data: Record<string, unknown>) {
  await inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, job.key)) return;
    await appendZaakEvent(tx, { zaakId, tenantId: job.tenantId, type: 'zaak.besluit-vastgelegd', data, actor: 'regie', occurredAt: new Date().toISOString(), idempotencyKey: job.key });
  });
}

/**
 * pgb-bw-besluit: records the besluit. A refusal always carries coded gronden (R01–R15);
 * a toekenning books the budget and the four verplichtingen, each payable only to the
 * werkgever or the begeleidingsorganisatie. Within the plafond the grant is mandatory once
 * every condition is met (L286); a refusal the verordening requires stands unless its
 * hardheidsclausule covers every ground and the beoordelaar motivates it (L567).
 */
export const pgbBwBesluit: JobHandler = {
  type: 'pgb-bw-besluit',
  async handle(job, { database, ledger }) {
    const soort = header(job, 'soort');
    const zaakId = variable<string>(job, 'zaakId');
    const datum = todayInAmsterdam(new Date());
    const base = { id: job.key, soort, datum, budgetCent: 0, uitvoeringTot: null, voortgangCyclus: null, herzieningCyclus: null, voorwaarden: [] as string[] };
    let besluit: Record<string, unknown>;
    if (soort === 'afwijzing-toelating') {
      const t = variable<ToelatingResultaat>(job, 'toelating');
      besluit = { ...base, uitkomst: 'niet-toegelaten', gronden: t.redenen.map((r) => ({ code: r.code, tekst: r.omschrijving })), motivering: 'U heeft geen recht op een pgb begeleid werken.' };
    } else if (soort === 'buiten-behandeling') {
      besluit = { ...base, uitkomst: 'buiten-behandeling', gronden: [{ code: 'R04', tekst: TEKST.R04! }], motivering: 'Wij hebben u gevraagd de aanvraag aan te vullen en te laten ondertekenen. Dat is niet binnen de termijn gebeurd. Daarom nemen wij de aanvraag niet in behandeling.' };
    } else {
      const policy = variable<PgbBwProcesbeleid>(job, 'policy');
      const budget = variable<BudgetResultaat>(job, 'budget');
      const gronden = new Map<RedenCode, string>();
      let motivering: string;
      let hardheid: string | null = null;
      let toekennen: boolean;
      let doorBeslisser: boolean;
      const heroverweging = soort === 'heroverweging' ? variable<Heroverweging>(job, 'heroverweging') : null;
      if (heroverweging) {
        // Reopened after a gegrond bezwaar (Awb 7:11): the beslissing op bezwaar revoked the refusal, so its
        // gronden do not hold and the new besluit grants the budget the aanvraag's components give.
        motivering = heroverweging.motivering;
        toekennen = true;
        doorBeslisser = true;
      } else {
        const beoordeling = variable<Beoordeling>(job, 'beoordeling');
        const beslissing = budget.discretionair ? variable<{ uitkomst: 'toekennen' | 'afwijzen'; motivering: string }>(job, 'beslissing') : null;
        for (const r of budget.redenen) if (!gronden.has(r.code)) gronden.set(r.code, r.omschrijving);
        if (beoordeling.passend === 'nee') gronden.set('R06', TEKST.R06!);
        if (beoordeling.advies === 'afwijzen') for (const c of beoordeling.afwijzingsgronden ?? []) if (!gronden.has(c)) gronden.set(c, TEKST[c] ?? c);
        if (beslissing?.uitkomst === 'afwijzen') { const r = redenBovenPlafond(budget); gronden.set(r.code, r.omschrijving); }
        const codes = [...gronden.keys()];
        motivering = beslissing?.motivering ?? beoordeling.motivering;
        hardheid = codes.length && beoordeling.hardheidsclausule && beoordeling.hardheidsclausuleMotivering?.trim() && hardheidsclausuleDekt(policy.hardheidsclausule, codes) ? beoordeling.hardheidsclausuleMotivering.trim() : null;
        toekennen = (beslissing ? beslissing.uitkomst === 'toekennen' : beoordeling.advies === 'toekennen') && (codes.length === 0 || hardheid !== null);
        doorBeslisser = beslissing !== null;
      }
      const codes = [...gronden.keys()];
      if (toekennen) {
        const aanvraag = aanvraagVan(job);
        const financiering = (job.variables.financiering as Financiering | undefined) ?? { bron: 'wsw-budget', wisseldatum: null };
        const van = aanvraag.plan.startdatum > datum ? aanvraag.plan.startdatum : datum;
        const tot = dagErvoor(addDuration(van, 'P1Y'));
        const herziening = addDuration(van, policy.herziening.cyclus);
        const c = budget.componenten;
        await ledger.recordToekenning({ tenantId: job.tenantId, zaakId, bedragCents: budget.toekenningCent, besluitRef: job.key, klantNaam: (job.variables.klantNaam as string) ?? null });
        const w = aanvraag.werkgever;
        const b = aanvraag.begeleidingsorganisatie;
        const verplichtingen = [
          { id: 'werkgever', omschrijving: `Vergoeding werkgever ${w.naam}`, payee: w, bedrag: c.werkgeverPerJaarCent, ncnp: false },
          { id: 'begeleiding', omschrijving: `Begeleiding ${b.naam}`, payee: b, bedrag: c.begeleidingPerJaarCent, ncnp: false },
          { id: 'jobfinding', omschrijving: `Jobfinding ${b.naam} (no cure no pay)`, payee: b, bedrag: c.jobfindingCent, ncnp: true },
          { id: 'werkplekaanpassing', omschrijving: `Werkplekaanpassing ${aanvraag.werkplekaanpassing?.omschrijving ?? ''}`.trim(), payee: w, bedrag: c.werkplekaanpassingCent, ncnp: false },
        ];
        for (const v of verplichtingen.filter((x) => x.bedrag > 0)) {
          await ledger.addVerplichting({
            id: `${zaakId}:${v.id}`,
            tenantId: job.tenantId,
            zaakId,
            soort: 'contract',
            omschrijving: v.omschrijving,
            payeeNaam: v.payee.naam,
            iban: v.payee.iban,
            kvk: v.payee.kvk || null,
            bedragCents: v.bedrag,
            // No cure no pay = no cure less pay with a start share of 0: only the result part, on placement.
            bekostiging: v.ncnp ? 'no-cure-less-pay' : 'vast',
            startAandeelBp: v.ncnp ? 0 : null,
            approvedBy: doorBeslisser ? 'beslisser' : 'klantmanager',
          });
        }
        besluit = {
          ...base,
          uitkomst: 'toekenning',
          budgetCent: budget.toekenningCent,
          discretionair: budget.discretionair,
          componenten: c,
          uitvoeringskostenCent: budget.uitvoeringskostenCent,
          subsidieperiode: { van, tot },
          herzieningsdatum: herziening,
          financiering,
          motivering,
          hardheidsclausule: hardheid,
          voorwaarden: voorwaarden(budget, policy, financiering, van, tot, herziening, hardheid),
          voortgangCyclus: `R/${policy.voortgang.cyclus}`,
          herzieningCyclus: `R/${policy.herziening.cyclus}`,
          // The amount in the beslissing op bezwaar; the ledger books the components (docs/bezwaar.md, limits).
          ...(heroverweging ? { bezwaar: { bezwaarZaakId: heroverweging.bezwaarZaakId, besluitOpBezwaarId: heroverweging.besluitOpBezwaarId, budgetCent: heroverweging.budgetCent } } : {}),
        };
      } else {
        if (codes.length === 0) throw new Error('Een afwijzing zonder gecodeerde grond (R01–R15) is niet mogelijk; kies in de beoordeling de afwijzingsgronden.');
        besluit = { ...base, uitkomst: 'afwijzing', gronden: [...gronden].map(([code, tekst]) => ({ code, tekst })), motivering };
      }
    }
    await recordBesluit(database.db, job, zaakId, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: besluit.budgetCent, gronden: (besluit.gronden as { code: string }[] | undefined)?.map((g) => g.code) ?? [] });
    return { besluit };
  },
};

/** The letter of prb (Awb 3:45–3:47), named for the pgb bw; also the bezwaar's `=regeling + "-beschikking"`. */
export const pgbBwBeschikking: JobHandler = {
  type: 'pgb-bw-beschikking',
  handle(job, services) {
    return prbBeschikking.handle({ ...job, variables: { ...job.variables, regeling: 'persoonsgebonden budget begeleid werken (pgb bw)' } }, services);
  },
};

function geweigerd(reden: string, redenCode: string): BetalingResultaat {
  return { uitkomst: 'geweigerd', betalingId: null, status: null, financieGoedkeuringNodig: false, redenCode: redenCode as never, reden, herhaald: false };
}

/**
 * pgb-bw-betaling: werkgever (a loonopgave per subsidy period), factuur (begeleiding or
 * werkplekaanpassing) or jobfinding (on placement only). Payees come from the verplichtingen
 * of the besluit, so the klant can never be paid; the ledger refuses anything over the
 * toekenning or a verplichting, and the job key makes a retry book nothing twice.
 */
export const pgbBwBetaling: JobHandler = {
  type: 'pgb-bw-betaling',
  async handle(job, services) {
    const { ledger } = services;
    const soort = header(job, 'soort');
    const zaakId = variable<string>(job, 'zaakId');
    const policy = variable<PgbBwProcesbeleid>(job, 'policy');
    const besluit = variable<{ componenten: BudgetResultaat['componenten'] }>(job, 'besluit');
    const financiering = (job.variables.financiering as Financiering | undefined) ?? { bron: 'wsw-budget', wisseldatum: null };
    const verzoek = variable<Record<string, unknown>>(job, 'verzoek');
    const snapshot = await ledger.readZaak(job.tenantId, zaakId);
    const common = { tenantId: job.tenantId, zaakId, betaalroute: 'aanbieder-factureert-gemeente' as const, // Above the gemeente's threshold finance approves (four eyes against the submitter); null: the rules approve.
      financieGrensCents: policy.financieGrensCent ?? Number.MAX_SAFE_INTEGER, ingediendDoor: (verzoek.ingediendDoor as string | undefined) ?? null };
    const payee = (id: string) => {
      const v = snapshot.verplichtingen.find((x) => x.id === `${zaakId}:${id}`);
      return v ? { verplichtingId: v.id, begunstigde: { naam: v.payeeNaam ?? v.omschrijving, iban: v.iban ?? '', kvk: v.kvk }, bedrag: v.bedragCents } : null;
    };
    const vandaag = todayInAmsterdam(new Date());
    let result: BetalingResultaat;
    let financieringsbron: string | null = null;
    // What the approval task shows (form prb-betaling-goedkeuren): amount, payee and reference.
    let betalingVerzoek: { bedragCents: number; begunstigde: { naam: string; iban: string }; referentie: string } | null = null;
    if (soort === 'werkgever') {
      const opgave = verzoek as unknown as Loonopgave;
      const p = payee('werkgever');
      const aanvraag = aanvraagVan(job);
      const termijn = werkgeverTermijn(besluit.componenten.werkgeverPerJaarCent, aanvraag.werkgever.urenPerWeek, opgave, policy.betaling);
      if (!p) result = geweigerd('Er is geen vergoeding voor de werkgever toegekend.', 'ONBEKENDE_VERPLICHTING');
      else if (termijn.weigering) result = geweigerd(termijn.weigering, 'LOONOPGAVE_ONVOLLEDIG');
      else {
        financieringsbron = financieringsbronOp(opgave.periodeVan, financiering);
        betalingVerzoek = { bedragCents: termijn.bedragCent, begunstigde: p.begunstigde, referentie: `Loonopgave ${opgave.periodeVan} t/m ${opgave.periodeTot}` };
        result = await betaling(
          { ...common, jobKey: job.key, soort: 'factuur', verplichtingId: p.verplichtingId, begunstigde: p.begunstigde, bedragCents: termijn.bedragCent, referentie: `Loonopgave ${opgave.periodeVan} t/m ${opgave.periodeTot}`, omschrijving: `Vergoeding werkgever ${opgave.periodeVan} t/m ${opgave.periodeTot}`, financieringsbron: financieringsbron as never },
          { ledger },
        );
      }
    } else if (soort === 'factuur') {
      const f = verzoek as { onderdeel: 'begeleiding' | 'werkplekaanpassing'; bedragCents: number; referentie: string; factuurdatum?: string; uren?: number | null; weken?: number | null };
      const p = payee(f.onderdeel);
      if (!p) result = geweigerd(`Er is geen vergoeding voor ${f.onderdeel} toegekend.`, 'ONBEKENDE_VERPLICHTING');
      else if (f.onderdeel === 'begeleiding' && f.uren != null && f.weken != null && f.uren > f.weken * besluit.componenten.begeleidingUrenPerWeek + 1e-9) {
        result = geweigerd(`De factuur noemt ${f.uren} uur begeleiding in ${f.weken} weken; toegekend is ${besluit.componenten.begeleidingUrenPerWeek} uur per week.`, 'BOVEN_UREN');
      } else {
        financieringsbron = financieringsbronOp(f.factuurdatum ?? vandaag, financiering);
        betalingVerzoek = { bedragCents: f.bedragCents, begunstigde: p.begunstigde, referentie: f.referentie };
        result = await betaling(
          { ...common, jobKey: job.key, soort: 'factuur', verplichtingId: p.verplichtingId, begunstigde: p.begunstigde, bedragCents: f.bedragCents, referentie: f.referentie, omschrijving: `Factuur ${f.onderdeel} ${f.referentie}`, financieringsbron: financieringsbron as never },
          { ledger },
        );
      }
    } else {
      const plaatsing = verzoek as { datum: string; contractGetekend: boolean };
      const p = payee('jobfinding');
      if (!p) result = geweigerd('Er is geen vergoeding voor jobfinding toegekend.', 'ONBEKENDE_VERPLICHTING');
      else {
        financieringsbron = financieringsbronOp(plaatsing.datum, financiering);
        // No cure no pay (L321, L561): the whole amount, and only when the contract is signed and work has started.
        const cure = plaatsing.contractGetekend === true && plaatsing.datum <= vandaag;
        betalingVerzoek = { bedragCents: p.bedrag, begunstigde: p.begunstigde, referentie: `Plaatsing ${plaatsing.datum}` };
        result = await betaling(
          { ...common, jobKey: job.key, soort: 'termijn', termijn: 'resultaat', werkGevonden: cure, verplichtingId: p.verplichtingId, begunstigde: p.begunstigde, bedragCents: p.bedrag, referentie: `Plaatsing ${plaatsing.datum}`, omschrijving: 'Jobfinding bij plaatsing', financieringsbron: financieringsbron as never },
          { ledger },
        );
      }
    }
    // The registration form only said "ontvangen": whoever registered it hears why nothing is paid.
    if (result.uitkomst === 'geweigerd' && common.ingediendDoor) {
      const wat =
        soort === 'werkgever'
          ? `de loonopgave over ${String(verzoek.periodeVan)} t/m ${String(verzoek.periodeTot)}`
          : soort === 'factuur'
            ? `factuur ${String(verzoek.referentie)}`
            : `de jobfinding voor de plaatsing van ${String(verzoek.datum)}`;
      await services.berichten.plaats({
        tenantId: job.tenantId,
        ontvanger: common.ingediendDoor,
        zaakId,
        onderwerp: 'Betaling niet gedaan',
        tekst: `Wij hebben ${wat} niet betaald: ${result.reden ?? 'zie de zaak'}`,
        idempotencyKey: `${job.key}:geweigerd`,
      });
    }
    return { betaling: { ...result, financieringsbron }, betalingVerzoek };
  },
};

/** pgb-bw-aan-de-beurt: from this date the Wsw budget pays instead of the pre-financing (L215). */
export const pgbBwAanDeBeurt: JobHandler = {
  type: 'pgb-bw-aan-de-beurt',
  async handle(job) {
    const financiering = (job.variables.financiering as Financiering | undefined) ?? { bron: 'wsw-budget', wisseldatum: null };
    const datum = (job.variables.aanDeBeurt as { datum?: string } | undefined)?.datum ?? todayInAmsterdam(new Date());
    return { financiering: { ...financiering, wisseldatum: datum } };
  },
};

/**
 * pgb-bw-einde: the uitvoering has ended (its catch events are gone, so no further loonopgave
 * or factuur is taken in); payments still waiting for finance are refused, and the hand-over
 * task to the sw-bedrijf follows.
 */
export const pgbBwEinde: JobHandler = {
  type: 'pgb-bw-einde',
  async handle(job, { ledger }) {
    const zaakId = variable<string>(job, 'zaakId');
    const einde = (job.variables.einde as { reden?: string; einddatum?: string } | undefined) ?? {};
    const snapshot = await ledger.readZaak(job.tenantId, zaakId);
    let gestopt = 0;
    for (const b of snapshot.betalingen.filter((x) => x.status === 'voorgesteld')) {
      await ledger.rejectBetaling(job.tenantId, b.id, 'regie', 'Het pgb begeleid werken is beëindigd.');
      gestopt++;
    }
    return { einde: { reden: einde.reden ?? 'einde-dienstverband', einddatum: einde.einddatum ?? todayInAmsterdam(new Date()), betalingenGestopt: gestopt } };
  },
};

export const PGB_BW_JOBS: readonly JobHandler[] = [pgbBwToelating, pgbBwAanvraagToets, pgbBwBudget, pgbBwBesluit, pgbBwBeschikking, pgbBwBetaling, pgbBwAanDeBeurt, pgbBwEinde];
