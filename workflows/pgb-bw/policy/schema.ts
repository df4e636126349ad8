/**
 * The pgb bw policy of one gemeente (tenant), as written in `workflows/pgb-bw/policies/<tenant>.json`:
 * one row of Bijlage II of seed-002 (L550–L569) per axis, versioned by ingangsdatum. The VNG model
 * verordening is a file of its own (`vng-model.json`, `soort: "model"`): not a tenant, the reference
 * the gemeenten deviate from.
 *
 * Every axis is `{ waarde, bron, toelichting? }` exactly as in the prb policies (same `sourced`
 * helper, same bron syntax: `seed-002 L308` = line 308 of 002_de303b8a2d822c50.txt). Unlike prb
 * there is no preset: every version names every axis, because the verordeningen differ per row.
 *
 * Money is integer cents (jobfinding incl. btw, as Eindhoven writes it); durations ISO without weeks.
 */
import { z } from 'zod';
import { Cent, IsoDate, IsoDuration, sourced } from '../../prb/policy/schema.ts';

const Procent = z.number({ error: 'Verwacht een percentage als getal.' }).min(0).max(100);
const Maanden = z.int({ error: 'Verwacht een geheel aantal maanden.' }).min(1).max(120);

/** L551: fixed € (Leiden, Eindhoven, Wageningen + CBS index) or % (Helmond) or "set yearly" without an amount yet. */
export const Uitvoeringskosten = z.discriminatedUnion('soort', [
  z.strictObject({
    soort: z.literal('vast'),
    bedragCent: Cent,
    /** CBS index factor applied to the fixed amount for this version's year (Wageningen); 1 = none. */
    indexfactor: z.number().positive().max(3),
  }),
  z.strictObject({
    soort: z.literal('percentage'),
    procent: Procent,
    /**
     * What the % is taken of. Helmond's base is inconsistent in the seed (L292 vs L296 vs L551):
     * `loonkostensubsidie-en-bemiddeling` = werkgever + jobfinding (L551);
     * `toegekende-vergoedingen` = werkgever + begeleiding (+ jobfinding) (L292);
     * `gemiddeld-budget-wsw-plaats` = a fixed average budget (L296), then `gemiddeldBudgetCent` is required.
     */
    basis: z.enum(['loonkostensubsidie-en-bemiddeling', 'toegekende-vergoedingen', 'gemiddeld-budget-wsw-plaats']),
    gemiddeldBudgetCent: Cent.nullable(),
  }),
  z.strictObject({ soort: z.literal('niet-vastgesteld') }),
]);

/** L72, L284, L286: the statutory maximum per indicatie level, and what counts towards it. */
export const Plafond = z.strictObject({
  basisCent: Cent,
  verhoogdCent: Cent,
  inclusiefJobfinding: z.boolean(),
  inclusiefWerkplekaanpassing: z.boolean(),
});

/** §6, L211–L215. */
export const Wachtlijst = z.strictObject({
  /** Eindhoven: the whole waiting list may apply; costs until "aan de beurt" are pre-financed. */
  heleWachtlijst: z.boolean(),
  /** Funding until "aan de beurt" (L215: W-deel WWB, Participatiebudget since 2009). */
  voorfinanciering: z.enum(['participatiebudget', 'w-deel-wwb']).nullable(),
  /** Apeldoorn (L213): an approved pgb bw gives priority for a Wsw place. */
  voorrangWswPlaats: z.boolean(),
});

/** L306–L313. */
export const Loonwaarde = z.strictObject({
  verplichteLoonwaardebepaling: z.boolean(),
  /** VNG model: the college may accept the proposed subsidy up to this % of gross wage (Helmond 50). */
  automatischAccepterenTotProcent: Procent.nullable(),
  methoden: z.array(z.enum(['activa', 'dariuz', 'anders'])).min(1),
  /** Structural costs the employer subsidy may include (L306). */
  structureleKosten: z.boolean(),
});

/** L558. */
export const Herziening = z.strictObject({ cyclus: IsoDuration, opVerzoek: z.boolean() });

/** L559, L317. */
export const Begeleiding = z.strictObject({
  maxProcentVanWerkuren: Procent.nullable(),
  schriftelijkeAfspraak: z.boolean(),
  /** Weeks a year the support hours are paid for (not in the seed: aanname, stated in the files). */
  wekenPerJaar: z.int().min(1).max(53),
});

/** L561, L321. */
export const Jobfinding = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('geen') }),
  z.strictObject({
    soort: z.literal('no-cure-no-pay'),
    maxCent: Cent.nullable(),
    /** Enschede: at most this % of the yearly contribution per SE. */
    maxProcentSeBijdrage: Procent.nullable(),
    seBijdragePerJaarCent: Cent.nullable(),
  }),
]);

/** L552, L325. */
export const Werkplekaanpassing = z.strictObject({
  deskundigenonderzoek: z.enum(['verplicht', 'optioneel', 'nee']),
  eenmaligEnPersoonsgebonden: z.boolean(),
  /** VNG: a maximum; above it the workplace is not suitable. null: none set. */
  maxCent: Cent.nullable(),
  /** Gouda: the cost spread over the contract years, at most this many. null: not annualised. */
  annualiserenMaxJaren: z.int().min(1).max(10).nullable(),
});

/** L557, L376–L391. */
export const WerkgeverEisen = z.strictObject({
  kvk: z.boolean(),
  minContractMaanden: Maanden,
  caoLoon: z.boolean(),
  arbo: z.boolean(),
  minDagdelenPerWerkdag: z.number().min(0).max(2).nullable(),
  kredietwaardigheid: z.boolean(),
});

/** L553, L403–L409. */
export const BegeleidingsorganisatieEisen = z.strictObject({
  kvk: z.enum(['verplicht', 'voor-zover-verplicht', 'nee']),
  gekwalificeerd: z.boolean(),
  kennisEnErvaring: z.boolean(),
  uwvErkenning: z.boolean(),
  plaatsingsresultaten: z.boolean(),
  kennisArbeidshandicap: z.boolean(),
  brancheEnKeurmerk: z.boolean(),
  afwijkingMogelijk: z.boolean(),
});

/** L428: the party that helped with the aanvraag may not also deliver the begeleiding. */
export const Belangenverstrengeling = z.strictObject({
  actief: z.boolean(),
  /** Organisation excluded as begeleidingsorganisatie when the pgb bw-bureau helped (Eindhoven: Ergon). */
  uitgeslotenOrganisatie: z.string().min(1).nullable(),
});

/** L564, L566: what the employer sends to be paid, and how often. */
export const Betaling = z.strictObject({
  loonopgave: z.enum(['jaarlijks', 'per-subsidieperiode']),
  subsidieperiodeMaanden: z.int().min(1).max(12),
  /** Gouda: contract hours and period employed on the statement; paid pro rata. */
  contracturenEnPeriode: z.boolean(),
  kwartaalmonitoring: z.boolean(),
});

/** seed-001 L310 (a bureau reporting every 2 months); other gemeenten yearly. */
export const Voortgang = z.strictObject({ cyclus: IsoDuration });

/** L567. */
export const Hardheidsclausule = z.strictObject({
  actief: z.boolean(),
  reikwijdte: z.enum(['maximale-bedragen', 'eisen-werkgever-begeleidingsorganisatie', 'ten-gunste-van-client', 'algemeen']).nullable(),
  beslisser: z.string().min(1).nullable(),
});

/** Above this amount finance approves a payment before it can go into a batch (four eyes); null: the rules approve every payment. */
export const FinancieGrens = Cent.nullable();

export const Besluittermijn = z.strictObject({ doorlooptijd: IsoDuration, servicenorm: IsoDuration });
export const Grondslag = z.strictObject({ verordening: z.string().min(1), datum: IsoDate });

export const AXES = {
  grondslag: Grondslag,
  besluitorgaan: z.string().min(1),
  besluittermijn: Besluittermijn,
  uitvoeringskosten: Uitvoeringskosten,
  plafond: Plafond,
  wachtlijst: Wachtlijst,
  loonwaarde: Loonwaarde,
  herziening: Herziening,
  begeleiding: Begeleiding,
  jobfinding: Jobfinding,
  werkplekaanpassing: Werkplekaanpassing,
  werkgeverEisen: WerkgeverEisen,
  begeleidingsorganisatieEisen: BegeleidingsorganisatieEisen,
  belangenverstrengeling: Belangenverstrengeling,
  betaling: Betaling,
  voortgang: Voortgang,
  hardheidsclausule: Hardheidsclausule,
  financieGrensCent: FinancieGrens,
} as const;
export type AxisKey = keyof typeof AXES;
export const AXIS_KEYS = Object.keys(AXES) as AxisKey[];
export type PgbBwRegels = { [K in AxisKey]: z.infer<(typeof AXES)[K]> };

type SourcedSchema<T extends z.ZodType> = ReturnType<typeof sourced<T>>;

function sourcedAxes(): { [K in AxisKey]: SourcedSchema<(typeof AXES)[K]> } {
  const shape: Record<string, z.ZodType> = {};
  for (const key of AXIS_KEYS) shape[key] = sourced(AXES[key]);
  return shape as never;
}

export const PolicyVersionFile = z.strictObject({
  ingangsdatum: IsoDate,
  toelichting: z.string().min(1).optional(),
  ...sourcedAxes(),
});
export type PolicyVersionFile = z.infer<typeof PolicyVersionFile>;

export const PolicyFile = z.strictObject({
  tenantId: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'tenantId: kleine letters, bijvoorbeeld "eindhoven".' }),
  gemeente: z.string().min(1),
  regeling: z.literal('pgb-bw', { error: 'Verwacht regeling "pgb-bw".' }),
  /** `model`: the VNG model verordening (reference, no tenant); `gemeente`: a tenant's verordening. */
  soort: z.enum(['model', 'gemeente']),
  toelichting: z.string().min(1).optional(),
  versies: z.array(PolicyVersionFile).min(1, { error: 'Een beleid heeft minstens één versie.' }),
});
export type PolicyFile = z.infer<typeof PolicyFile>;

/** A resolved version: what a zaak refers to by `id` and what the workers read (with sources). */
export type PgbBwPolicy = PolicyVersionFile & {
  id: string;
  tenantId: string;
  gemeente: string;
  regeling: 'pgb-bw';
  soort: 'model' | 'gemeente';
  hash: string;
  bestand: string;
};
