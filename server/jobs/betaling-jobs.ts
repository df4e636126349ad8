import { betaling, splitNoCureLessPay, type BetalingResultaat } from '../../workers/betaling/index.ts';
import type { Procesbeleid } from '../../workflows/prb/policy/snapshot.ts';
import { header, variable, type JobHandler } from './job-handler.ts';

/** For zaken whose policy snapshot predates the financieGrensCent axis: the preset's € 1.000. */
export const FINANCIE_GRENS_CENTS = 100_000;

interface Declaratie {
  soort: 'factuur' | 'declaratie';
  verplichtingId: string;
  bedragCents: number;
  begunstigde: { naam: string; iban: string; kvk?: string | null };
  referentie?: string | null;
  omschrijving?: string | null;
  ingediendDoor?: string | null;
}

/**
 * prb-betaling: a declaratie or factuur (soort=declaratie), or the result part
 * of no cure less pay when work was found (soort=resultaatdeel). The job key is
 * the idempotency key: a retried job books nothing twice.
 */
export const prbBetaling: JobHandler = {
  type: 'prb-betaling',
  async handle(job, { ledger }) {
    const zaakId = variable<string>(job, 'zaakId');
    const policy = variable<Procesbeleid>(job, 'policy');
    const common = { tenantId: job.tenantId, zaakId, betaalroute: policy.betaalroute as never, financieGrensCents: policy.financieGrensCent ?? FINANCIE_GRENS_CENTS };
    const snapshot = await ledger.readZaak(job.tenantId, zaakId);
    if (header(job, 'soort') === 'declaratie') {
      const d = variable<Declaratie>(job, 'declaratie');
      // Under no cure less pay the provider's invoice during the traject is the start part
      // (process.md §3); the rules check its amount against the agreed split.
      const ncp = snapshot.verplichtingen.find((v) => v.id === d.verplichtingId)?.bekostiging === 'no-cure-less-pay';
      const verzoek = ncp && d.soort === 'factuur' ? { ...d, soort: 'termijn' as const, termijn: 'start' as const } : d;
      return { betaling: await betaling({ ...common, ...verzoek, jobKey: job.key }, { ledger }) };
    }
    // Resultaatdeel: every no-cure-less-pay verplichting gets its result share, each under its own key.
    let laatste: BetalingResultaat = {
      uitkomst: 'geweigerd',
      betalingId: null,
      status: null,
      financieGoedkeuringNodig: false,
      redenCode: null,
      reden: 'Er is geen no-cure-less-pay-afspraak in het plan.',
      herhaald: false,
    };
    let verzoek: Record<string, unknown> | null = null;
    for (const v of snapshot.verplichtingen.filter((x) => x.bekostiging === 'no-cure-less-pay')) {
      const { resultaat } = splitNoCureLessPay(v.bedragCents, v.startAandeelBp ?? 0);
      if (resultaat <= 0 || !v.iban) continue;
      const begunstigde = { naam: v.payeeNaam ?? v.omschrijving, iban: v.iban, kvk: v.kvk };
      laatste = await betaling(
        {
          ...common,
          jobKey: `${job.key}:${v.id}`,
          soort: 'termijn',
          termijn: 'resultaat',
          werkGevonden: true,
          verplichtingId: v.id,
          bedragCents: resultaat,
          begunstigde,
          omschrijving: `Resultaatdeel ${v.omschrijving}`,
        },
        { ledger },
      );
      verzoek = { bedragCents: resultaat, begunstigde, referentie: `Resultaatdeel ${v.omschrijving}` };
    }
    // The approval task (above the finance threshold) shows the request it is about.
    return { betaling: laatste, ...(verzoek ? { betalingVerzoek: verzoek } : {}) };
  },
};

/**
 * prb-betaling-goedkeuren: finance's decision was recorded in the ledger when
 * they completed their task (with the four-eyes check against the submitter);
 * this job hands the resulting payment state back to the process.
 */
export const prbBetalingGoedkeuren: JobHandler = {
  type: 'prb-betaling-goedkeuren',
  async handle(job, { ledger }) {
    const goedkeuring = variable<{ betalingId: string }>(job, 'goedkeuring');
    const b = await ledger.getBetaling(job.tenantId, goedkeuring.betalingId);
    if (!b) throw new Error(`Betaling ${goedkeuring.betalingId} bestaat niet.`);
    const result: BetalingResultaat = {
      uitkomst: b.status === 'afgewezen' ? 'geweigerd' : 'gereserveerd',
      betalingId: b.id,
      status: b.status,
      financieGoedkeuringNodig: b.status === 'voorgesteld',
      redenCode: b.redenCode,
      reden: b.reden,
      herhaald: false,
    };
    return { betaling: result };
  },
};

/**
 * Counts the zaak's payments still awaiting finance's decision. A diagram asks this before a terminate
 * end: terminating would cancel an open approval task and leave its payment reserved for ever.
 */
export const openBetalingen: JobHandler = {
  type: 'open-betalingen',
  async handle(job, { ledger }) {
    const { betalingen } = await ledger.readZaak(job.tenantId, variable<string>(job, 'zaakId'));
    return { openBetalingen: betalingen.filter((b) => b.status === 'voorgesteld').length };
  },
};
