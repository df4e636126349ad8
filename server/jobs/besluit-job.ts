import { Temporal } from 'temporal-polyfill';
import { addDuration, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import type { Procesbeleid } from '../../workflows/prb/policy/snapshot.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendZaakEvent, alreadyApplied } from '../zaken/events.ts';
import { divideDuration } from './durations.ts';
import { header, variable, type JobHandler } from './job-handler.ts';
import type { TrajectplanFormulier } from './trajectplan-adapter.ts';

interface Voorstel {
  uitkomst: 'toekennen' | 'afwijzen';
  budgetCent?: number | null;
  motivering: string;
  voorwaarden?: string | null;
  afwijzingsgronden?: string[] | null;
  doorBeslisser?: boolean;
}

const GRONDEN: Record<string, string> = {
  'contra-indicatie': 'Er is een contra-indicatie voor een persoonsgebonden budget.',
  'plan-onvoldoende': 'Het trajectplan is onvoldoende om tot werk te leiden.',
  'buiten-budget': 'De begroting past niet binnen het budget.',
  'niet-toegestane-besteding': 'Het plan bevat bestedingen die niet uit het budget mogen worden betaald.',
  'ander-lopend-traject': 'U volgt al een ander re-integratietraject.',
  'geen-route-naar-werk': 'Het plan laat geen redelijke route naar betaald werk zien.',
};

/** ISO repeating interval of the voortgang reminders, from the policy's cadans (process.md §2). */
export function voortgangCyclus(policy: Procesbeleid, plan: { voortgangsafspraak?: string } | undefined): string {
  const c = policy.monitoring.cadans as { soort: string; aantal?: number; periode?: string; interval?: string };
  if (c.soort === 'aantal-in-periode' && c.aantal && c.periode) return `R${c.aantal}/${divideDuration(c.periode, c.aantal)}`;
  if (c.soort === 'interval' && c.interval) return `R/${c.interval}`;
  if (c.soort === 'vastgelegd-in-plan' && plan?.voortgangsafspraak) return `R/${plan.voortgangsafspraak}`;
  // "In overleg": a quarterly reminder unless klant and klantmanager agree otherwise (stated in the beschikking).
  return 'R/P3M';
}

function uitvoeringTot(policy: Procesbeleid, plan: TrajectplanFormulier | undefined): string | null {
  const t = policy.uitvoeringstermijn as { soort: string; duur?: string; einddatum?: string };
  const start = (plan?.activiteiten ?? []).map((a) => a.startdatum).sort()[0] ?? todayInAmsterdam(new Date());
  const dag = t.soort === 'duur' && t.duur ? addDuration(start, t.duur) : t.soort === 'vaste-einddatum' ? (t.einddatum ?? null) : null;
  // 17:00 in Amsterdam on that day, with the offset of that day (+02:00 in summer, not always +01:00).
  return dag ? Temporal.PlainDateTime.from(`${dag}T17:00:00`).toZonedDateTime('Europe/Amsterdam').toString({ timeZoneName: 'never' }) : null;
}

async function recordBesluitEvent(db: Db, tenantId: string, zaakId: string, jobKey: string, data: Record<string, unknown>, actor: string) {
  await inTransaction(db, async (tx) => {
    if (await alreadyApplied(tx, jobKey)) return;
    await appendZaakEvent(tx, { zaakId, tenantId, type: 'zaak.besluit-vastgelegd', data, actor, occurredAt: new Date().toISOString(), idempotencyKey: jobKey });
  });
}

/**
 * prb-besluit: records the besluit. A toekenning books the budget and the
 * plan's begroting lines as verplichtingen in the ledger (the only payees it
 * will ever pay); refusals carry their coded grounds for the beschikking.
 */
export const prbBesluit: JobHandler = {
  type: 'prb-besluit',
  async handle(job, { database, ledger }) {
    const soort = header(job, 'soort');
    const zaakId = variable<string>(job, 'zaakId');
    const datum = todayInAmsterdam(new Date());
    const base = { id: job.key, soort, datum, budgetCent: 0, uitvoeringTot: null, voortgangCyclus: null, voorwaarden: [] as string[] };
    let besluit: Record<string, unknown>;
    if (soort === 'afwijzing-toelating') {
      const redenen = (job.variables.toelating as { redenen?: { code: string; omschrijving: string }[] } | undefined)?.redenen ?? [];
      besluit = { ...base, uitkomst: 'niet-toegelaten', gronden: redenen.map((r) => ({ code: r.code, tekst: r.omschrijving })), motivering: 'U voldoet niet aan de voorwaarden om tot de regeling te worden toegelaten.' };
    } else if (soort === 'buiten-behandeling') {
      besluit = {
        ...base,
        uitkomst: 'buiten-behandeling',
        gronden: [{ code: 'AWB_4_5', tekst: 'De aanvraag is niet binnen de hersteltermijn aangevuld (artikel 4:5 Awb).' }],
        motivering: 'Wij hebben u gevraagd uw aanvraag aan te vullen. U heeft dat niet binnen de gestelde termijn gedaan. Daarom nemen wij uw aanvraag niet in behandeling.',
      };
    } else {
      const voorstel = variable<Voorstel>(job, 'voorstel');
      const policy = variable<Procesbeleid>(job, 'policy');
      const plan = job.variables.trajectplan as (TrajectplanFormulier & { voortgangsafspraak?: string }) | undefined;
      const door = voorstel.doorBeslisser ? 'beslisser' : 'klantmanager';
      if (voorstel.uitkomst === 'toekennen') {
        const budgetCent = voorstel.budgetCent ?? 0;
        await ledger.recordToekenning({ tenantId: job.tenantId, zaakId, bedragCents: budgetCent, besluitRef: job.key, klantNaam: (job.variables.klantNaam as string) ?? null });
        let ruimte = budgetCent;
        const ncp = policy.noCureLessPay as { actief: boolean; resultaatdeelProcent?: number };
        for (const [i, r] of (plan?.begroting ?? []).entries()) {
          // The toekenning may be lower than the plan: lines are booked in plan order up to the budget.
          const bedrag = Math.min(r.bedragCent, ruimte);
          if (bedrag <= 0) break;
          ruimte -= bedrag;
          await ledger.addVerplichting({
            id: `${zaakId}:r${i + 1}`,
            tenantId: job.tenantId,
            zaakId,
            soort: 'begrotingsregel',
            omschrijving: r.omschrijving,
            payeeNaam: r.aanbieder,
            iban: r.iban ?? null,
            kvk: r.kvk ?? null,
            bedragCents: bedrag,
            bekostiging: ncp.actief ? 'no-cure-less-pay' : 'vast',
            startAandeelBp: ncp.actief ? (100 - (ncp.resultaatdeelProcent ?? 0)) * 100 : null,
            approvedBy: door,
          });
        }
        besluit = {
          ...base,
          uitkomst: 'toekenning',
          budgetCent,
          motivering: voorstel.motivering,
          voorwaarden: voorstel.voorwaarden ? voorstel.voorwaarden.split('\n').map((v) => v.trim()).filter(Boolean) : [],
          uitvoeringTot: uitvoeringTot(policy, plan),
          voortgangCyclus: voortgangCyclus(policy, plan),
        };
      } else {
        besluit = {
          ...base,
          uitkomst: 'afwijzing',
          gronden: (voorstel.afwijzingsgronden ?? []).map((code) => ({ code, tekst: GRONDEN[code] ?? code })),
          motivering: voorstel.motivering,
        };
      }
    }
    await recordBesluitEvent(database.db, job.tenantId, zaakId, job.key, { besluitId: besluit.id, uitkomst: besluit.uitkomst, budgetCent: besluit.budgetCent }, 'regie');
    return { besluit };
  },
};

