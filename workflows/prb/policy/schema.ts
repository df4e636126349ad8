/**
 * The prb policy of one gemeente (tenant) × regeling, as a process designer writes it in
 * `workflows/prb/policies/<tenant>.json`, and as the loader hands it to the process and the
 * workers after filling the gaps from the Doe-boek preset (seed-000 §7.1, Tabel B1).
 *
 * Every setting ("as", axis) is written as `{ "waarde": …, "bron": …, "toelichting": … }`:
 * - `bron` is a line reference into the sources (`"seed-000 L1083"`, `"seed-000 L1196–1198"`,
 *   `"seed-000 L1174, L1662"`, `"000_2f9aae255e2f7222.txt L1083"`; `seed-NNN` = source file NNN),
 *   a legal reference (`"law.md Awb 4:13"`), `"preset-default"` (the source is silent: the value of
 *   the preset is used, and must then be exactly the preset's value), or `"aanname"` (neither the
 *   source nor the preset gives it — an assumption the gemeente must confirm; needs a toelichting).
 * - `bronPerVeld` gives a different bron for one field of a composite value (e.g. the split of a
 *   no cure less pay arrangement that the source does not give).
 *
 * Money is integer cents excluding btw; dates are ISO `YYYY-MM-DD`; durations ISO `P3M`, `P8W`, `P1Y`.
 */
import { z } from 'zod';
import { durationNeverLonger, isDuration, isIsoDate } from './duration.ts';

// ---------------------------------------------------------------------------------------------
// Primitives

export const IsoDate = z
  .string({ error: 'Verwacht een datum als tekst (JJJJ-MM-DD).' })
  .refine(isIsoDate, { error: 'Ongeldige datum: verwacht JJJJ-MM-DD met een bestaande dag.' });

export const IsoDuration = z
  .string({ error: 'Verwacht een ISO-duur als tekst, bijvoorbeeld "P8W", "P3M" of "P1Y".' })
  .refine(isDuration, { error: 'Ongeldige ISO-duur: verwacht bijvoorbeeld "P8W", "P3M", "P1Y" of "P1Y6M".' });

export const Cent = z
  .int({ error: 'Verwacht een bedrag in hele centen (geheel getal, geen komma).' })
  .min(0, { error: 'Een bedrag kan niet negatief zijn.' });

const Maanden = z.int({ error: 'Verwacht een geheel aantal maanden.' }).min(1, { error: 'Minimaal 1 maand.' });
const Jaren = z.int({ error: 'Verwacht een geheel aantal jaren.' }).min(1, { error: 'Minimaal 1 jaar.' }).max(120);

// ---------------------------------------------------------------------------------------------
// Bron (source marker)

export const BRON_PRESET_DEFAULT = 'preset-default';
export const BRON_AANNAME = 'aanname';

const RANGE = String.raw`L?\d+(?:[–-]\d+)?`;
const FILE_REF = String.raw`(?:seed-\d{3}|\d{3}_[0-9a-f]{16}\.txt) L\d+(?:[–-]\d+)?(?:, ${RANGE})*`;
const LINE_REFS = new RegExp(`^${FILE_REF}(?:; ${FILE_REF})*$`);
const LAW_REF = /^law\.md \S.*$/;

export type ParsedBron =
  | { soort: 'preset-default' }
  | { soort: 'aanname' }
  | { soort: 'wet'; tekst: string }
  | { soort: 'regels'; verwijzingen: { bestand: string; van: number; tot: number }[] };

/** Splits a bron into its line references; null when the text is no valid bron. */
export function parseBron(text: string): ParsedBron | null {
  if (text === BRON_PRESET_DEFAULT) return { soort: 'preset-default' };
  if (text === BRON_AANNAME) return { soort: 'aanname' };
  if (LAW_REF.test(text)) return { soort: 'wet', tekst: text.slice('law.md '.length) };
  if (!LINE_REFS.test(text)) return null;
  const verwijzingen: { bestand: string; van: number; tot: number }[] = [];
  for (const part of text.split('; ')) {
    const space = part.indexOf(' ');
    const bestand = part.slice(0, space);
    for (const range of part.slice(space + 1).split(', ')) {
      const [van, tot] = range.replace(/^L/, '').split(/[–-]/).map(Number) as [number, number | undefined];
      verwijzingen.push({ bestand, van, tot: tot ?? van });
    }
  }
  return { soort: 'regels', verwijzingen };
}

export const Bron = z
  .string({ error: 'Verwacht een bron als tekst.' })
  .refine((text) => parseBron(text) !== null, {
    error:
      'Ongeldige bron: gebruik een regelverwijzing ("seed-000 L1083", "seed-000 L1196–1198", ' +
      '"seed-000 L1174, L1662"), een wetsverwijzing ("law.md Awb 4:13"), "preset-default" of "aanname".',
  });

/** One setting with its provenance. */
export function sourced<T extends z.ZodType>(waarde: T) {
  return z
    .strictObject({
      waarde,
      bron: Bron,
      toelichting: z.string().min(1).optional(),
      bronPerVeld: z.record(z.string(), Bron).optional(),
    })
    .superRefine((setting, ctx) => {
      const needsExplanation =
        setting.bron === BRON_AANNAME || Object.values(setting.bronPerVeld ?? {}).includes(BRON_AANNAME);
      if (needsExplanation && !setting.toelichting) {
        ctx.addIssue({
          code: 'custom',
          path: ['toelichting'],
          message: 'Bij bron "aanname" is een toelichting verplicht: leg uit waarom deze waarde is gekozen.',
        });
      }
      if (setting.bronPerVeld) {
        const value: unknown = (setting as { waarde?: unknown }).waarde;
        const fields = typeof value === 'object' && value !== null ? Object.keys(value) : [];
        for (const key of Object.keys(setting.bronPerVeld)) {
          if (!fields.includes(key)) {
            ctx.addIssue({
              code: 'custom',
              path: ['bronPerVeld', key],
              message: `"${key}" is geen veld van deze waarde.`,
            });
          }
        }
      }
    });
}

export type Sourced<T> = {
  waarde: T;
  bron: string;
  toelichting?: string | undefined;
  bronPerVeld?: Record<string, string> | undefined;
};

// ---------------------------------------------------------------------------------------------
// Shared vocabularies (also used by the workers' input schemas)

export const REGELINGEN = ['prb'] as const;
export const Regeling = z.enum(REGELINGEN, { error: 'Onbekende regeling; verwacht "prb".' });
export type Regeling = z.infer<typeof Regeling>;

export const PresetCode = z.enum(['A', 'B', 'C'], { error: 'Onbekende preset; verwacht "A", "B" of "C".' });
export type PresetCode = z.infer<typeof PresetCode>;

/** WWB = bijstand (sinds 2015 Participatiewet); NUG = niet-uitkeringsgerechtigd ("nugger"). */
export const UITKERINGSSOORTEN = ['WWB', 'NUG', 'WW', 'WIA', 'Wajong', 'anders'] as const;
export const Uitkeringssoort = z.enum(UITKERINGSSOORTEN, {
  error: `Onbekende uitkeringssoort; verwacht een van ${UITKERINGSSOORTEN.join(', ')}.`,
});
export type Uitkeringssoort = z.infer<typeof Uitkeringssoort>;

/** Begroting categories: Tabel 4.4 (seed-000 L1408–1413), L1443–1445, nazorg (L1644), oriëntatie (L1099). */
export const BEGROTINGSCATEGORIEEN = [
  'orientatie',
  'coaching',
  'scholing-kennis',
  'scholing-vaardigheden',
  'materiaal',
  'computer',
  'rijlessen',
  'bemiddeling',
  'steun-starten-eigen-bedrijf',
  'investering-eigen-onderneming',
  'nazorg',
  'overig',
] as const;
export const Begrotingscategorie = z.enum(BEGROTINGSCATEGORIEEN, {
  error: `Onbekende begrotingscategorie; verwacht een van ${BEGROTINGSCATEGORIEEN.join(', ')}.`,
});
export type Begrotingscategorie = z.infer<typeof Begrotingscategorie>;

/** Required plan elements (Breda: seed-000 L1644). */
export const PLANONDERDELEN = ['zelfbewustwording', 'bemiddeling', 'nazorg'] as const;
export const Planonderdeel = z.enum(PLANONDERDELEN, {
  error: `Onbekend planonderdeel; verwacht een van ${PLANONDERDELEN.join(', ')}.`,
});
export type Planonderdeel = z.infer<typeof Planonderdeel>;

/** Criteria for the human assessment of the plan (Tabel B1 L1719; L472, L508, L1127, L1236). */
export const TOETSINGSCRITERIA = [
  'leidt-tot-betaald-werk',
  'binnen-budget',
  'doelmatigheid',
  'kortste-weg-naar-werk',
  'kortste-weg-naar-duurzame-arbeid',
  'reele-kans-op-werk',
  'smart',
  'rechtmatigheid',
  'haalbaarheid',
] as const;
export const Toetsingscriterium = z.enum(TOETSINGSCRITERIA, {
  error: `Onbekend toetsingscriterium; verwacht een van ${TOETSINGSCRITERIA.join(', ')}.`,
});
export type Toetsingscriterium = z.infer<typeof Toetsingscriterium>;

function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).refine((list) => new Set(list.map((x) => JSON.stringify(x))).size === list.length, {
    error: 'Deze lijst bevat een waarde dubbel.',
  });
}

// ---------------------------------------------------------------------------------------------
// Hard admission criteria (toelating): all top-level criteria must hold; `een-van` holds when
// at least one of its criteria holds (Zoetermeer's doelgroepen, seed-000 L1083).

const CriteriumBron = { bron: Bron.optional() };

const ENKELVOUDIGE_CRITERIA = [
  z.strictObject({ soort: z.literal('woonachtig-in-gemeente'), ...CriteriumBron }),
  z.strictObject({ soort: z.literal('geen-ander-lopend-traject'), ...CriteriumBron }),
  z.strictObject({ soort: z.literal('beschikbaar-voor-arbeid'), ...CriteriumBron }),
  z.strictObject({
    soort: z.literal('uitkering'),
    toegestaan: uniqueList(Uitkeringssoort).min(1, { error: 'Noem minstens één toegestane uitkeringssoort.' }),
    ...CriteriumBron,
  }),
  z.strictObject({
    soort: z.literal('minimale-uitkeringsduur'),
    maanden: Maanden,
    uitkeringen: uniqueList(Uitkeringssoort).min(1, { error: 'Noem minstens één uitkeringssoort.' }),
    ...CriteriumBron,
  }),
  z.strictObject({ soort: z.literal('minimale-werkloosheidsduur'), maanden: Maanden, ...CriteriumBron }),
  z.strictObject({ soort: z.literal('minimale-leeftijd'), jaren: Jaren, ...CriteriumBron }),
  z.strictObject({ soort: z.literal('maximale-leeftijd'), jaren: Jaren, ...CriteriumBron }),
  z.strictObject({ soort: z.literal('alleenstaande-ouder-met-kind-jonger-dan'), jaren: Jaren, ...CriteriumBron }),
  z.strictObject({ soort: z.literal('langdurig-gedeeltelijk-arbeidsongeschikt'), ...CriteriumBron }),
  z.strictObject({ soort: z.literal('maximale-afstand-tot-arbeidsmarkt'), maanden: Maanden, ...CriteriumBron }),
  z.strictObject({ soort: z.literal('geen-passend-regulier-aanbod'), ...CriteriumBron }),
  z.strictObject({ soort: z.literal('gerede-kans-op-uitstroom'), ...CriteriumBron }),
  z.strictObject({ soort: z.literal('interesse-getoond'), ...CriteriumBron }),
] as const;

const CRITERIUM_ERROR = { error: 'Onbekende of onvolledige "soort" van toelatingscriterium.' };

export const EnkelvoudigCriterium = z.discriminatedUnion('soort', [...ENKELVOUDIGE_CRITERIA], CRITERIUM_ERROR);
export type EnkelvoudigCriterium = z.infer<typeof EnkelvoudigCriterium>;

export const EenVanCriterium = z.strictObject({
  soort: z.literal('een-van'),
  /** Reason code when none holds; defaults to TOELATING_DOELGROEP. */
  code: z
    .string()
    .regex(/^TOELATING_[A-Z0-9_]+$/, { error: 'Een code begint met TOELATING_ en bevat hoofdletters, cijfers en _.' })
    .optional(),
  /** Dutch name of the group of alternatives, e.g. "doelgroep". */
  omschrijving: z.string().min(1).optional(),
  criteria: z.array(EnkelvoudigCriterium).min(2, { error: '"een-van" heeft minstens twee criteria nodig.' }),
  ...CriteriumBron,
});
export type EenVanCriterium = z.infer<typeof EenVanCriterium>;

export const Toelatingscriterium = z.discriminatedUnion('soort', [...ENKELVOUDIGE_CRITERIA, EenVanCriterium], CRITERIUM_ERROR);
export type Toelatingscriterium = z.infer<typeof Toelatingscriterium>;
export type CriteriumSoort = Toelatingscriterium['soort'];

export const Toelating = z.strictObject({ criteria: z.array(Toelatingscriterium) });

// ---------------------------------------------------------------------------------------------
// The axes on which gemeenten differ. The key is the JSON field name in a policy version.

export const Werving = z.enum(['alle-klanten', 'klantmanagers-informeren-alle-klanten', 'gerichte-voorlichting']);
export const Selectie = z.enum(['ja-tenzij', 'wederkerig', 'klantmanager-toetst']);

export const Orientatiefase = z.discriminatedUnion(
  'actief',
  [
    z.strictObject({ actief: z.literal(false) }),
    z.strictObject({
      actief: z.literal(true),
      duur: IsoDuration,
      /** The oriëntatiebudget (Tabel B1 L1708), in cents excl. btw. */
      budgetCent: Cent,
      /** True: spent from the same cap as the reïntegratiebudget ("een deel van het budget", L1099). */
      binnenPlafond: z.boolean(),
      begeleiding: z.enum(['extern-bureau', 'klantmanager', 'prb-coach', 'klant-kiest']),
    }),
  ],
  { error: 'Oriëntatiefase: verwacht "actief": true (met duur, budgetCent, binnenPlafond, begeleiding) of false.' },
);

export const Coaching = z.strictObject({
  bijPlan: z.enum(['klant-kiest-zelf', 'klantmanager-coacht', 'verplicht-klantmanager-of-extern-bureau']),
  bijUitvoering: z.enum([
    'klant-koopt-steun-in',
    'klantmanager-feedback',
    'klantmanager-of-ingehuurde-begeleider',
    'extern-coachingsbureau',
    'prb-coach',
  ]),
  /** False when the gemeente pays external coaching outside the client's budget (Almere, L1415). */
  externeCoachingTenLasteVanBudget: z.boolean(),
});

export const PlanToetsing = z.enum(['marginaal', 'inhoudelijk'], {
  error: 'Plantoetsing: verwacht "marginaal" (ja, tenzij) of "inhoudelijk".',
});
export type PlanToetsing = z.infer<typeof PlanToetsing>;

export const Monitoringsvorm = z.enum([
  'mondeling',
  'schriftelijk',
  'telefonisch',
  'presentatie',
  'voortgangsrapportage-vast-format',
  'presentielijst',
]);

export const Cadans = z.discriminatedUnion(
  'soort',
  [
    /** E.g. Almere: 3 reports in 15 months (L1152). */
    z.strictObject({
      soort: z.literal('aantal-in-periode'),
      aantal: z.int().min(1, { error: 'Minstens 1 rapportage.' }),
      periode: IsoDuration,
    }),
    z.strictObject({ soort: z.literal('interval'), interval: IsoDuration }),
    /** Client and klantmanager agree how and when (L1184). */
    z.strictObject({ soort: z.literal('in-overleg') }),
    /** Agreements on periodic voortgangsoverleg are written into the plan (Zoetermeer, L1156). */
    z.strictObject({ soort: z.literal('vastgelegd-in-plan') }),
  ],
  { error: 'Cadans: verwacht soort "aantal-in-periode", "interval", "in-overleg" of "vastgelegd-in-plan".' },
);

export const Monitoring = z.strictObject({
  rapporteur: z.enum(['klant', 'extern-coachingsbureau', 'prb-coach', 'aanbieder']),
  initiatief: z.enum(['klant', 'klantmanager', 'rapporteur']),
  vormen: uniqueList(Monitoringsvorm).min(1, { error: 'Noem minstens één vorm van verantwoording.' }),
  cadans: Cadans,
  /** A mandatory presentation, e.g. Almere after half a year (L1182); null when none. */
  presentatie: z.strictObject({ na: IsoDuration, locatie: z.string().min(1).optional() }).nullable(),
});

export const Betaalroute = z.enum(
  ['klant-declareert', 'klant-stuurt-facturen-door', 'aanbieder-factureert-gemeente', 'aanbieder-factureert-klantmanager'],
  {
    error:
      'Betaalroute: verwacht "klant-declareert", "klant-stuurt-facturen-door", "aanbieder-factureert-gemeente" of ' +
      '"aanbieder-factureert-klantmanager".',
  },
);
export type Betaalroute = z.infer<typeof Betaalroute>;

export const Opdrachtgever = z.enum(['klant', 'gemeente'], { error: 'Opdrachtgever: verwacht "klant" of "gemeente".' });

export const Aanbiederskeuze = z.enum(['vrij', 'vrij-met-toets-buiten-vaste-lijst', 'alleen-geselecteerde-aanbieders']);

export const Uitvoeringstermijn = z.discriminatedUnion(
  'soort',
  [
    /** The plan must be carried out within this duration from its start (Utrecht P1Y, L472). */
    z.strictObject({ soort: z.literal('duur'), duur: IsoDuration }),
    z.strictObject({ soort: z.literal('vaste-einddatum'), einddatum: IsoDate }),
    z.strictObject({ soort: z.literal('geen') }),
  ],
  { error: 'Uitvoeringstermijn: verwacht soort "duur", "vaste-einddatum" of "geen".' },
);

export const NoCureLessPay = z.discriminatedUnion(
  'actief',
  [
    z.strictObject({ actief: z.literal(false) }),
    z.strictObject({
      actief: z.literal(true),
      /** Share of each provider's price paid only on the result; the rest is paid on start. */
      resultaatdeelProcent: z
        .int({ error: 'Verwacht een geheel percentage.' })
        .min(1, { error: 'Het resultaatdeel is minstens 1%.' })
        .max(99, { error: 'Het resultaatdeel is hoogstens 99% (anders is het no cure no pay).' }),
    }),
  ],
  { error: 'No cure less pay: verwacht "actief": false, of true met "resultaatdeelProcent".' },
);

export const Offertes = z
  .strictObject({
    /** Fewer offertes (from distinct aanbieders) per activity blocks the plan. */
    minimumPerActiviteit: z.int().min(0).max(5),
    /** Fewer is an aandachtspunt (Groningen "bij voorkeur twee offertes", L1912). */
    gewenstPerActiviteit: z.int().min(0).max(5),
  })
  .refine((o) => o.gewenstPerActiviteit >= o.minimumPerActiviteit, {
    error: 'gewenstPerActiviteit kan niet kleiner zijn dan minimumPerActiviteit.',
    path: ['gewenstPerActiviteit'],
  });

export const Bestedingen = z.strictObject({
  /** Never paid from the budget (investment in an own business: all gemeenten, L956). */
  uitgesloten: uniqueList(Begrotingscategorie),
  /** Only when demonstrably related to the training or the chance of work (L1402). */
  alleenMetAantoonbareRelatie: uniqueList(Begrotingscategorie),
});

export const Besluittermijn = z
  .strictObject({
    /** The gemeente's own promise (Breda "vaak binnen een week", L1654). */
    servicenorm: IsoDuration,
    /** The legal maximum: Awb 4:13 eight weeks unless a statutory term is named. */
    doorlooptijd: IsoDuration,
    /** The statutory term that replaces Awb 4:13, e.g. "Participatiewet art. …"; null = Awb 4:13. */
    wettelijkeTermijn: z.string().min(1).nullable(),
  })
  .superRefine((t, ctx) => {
    if (!isDuration(t.servicenorm) || !isDuration(t.doorlooptijd)) return;
    if (!durationNeverLonger(t.servicenorm, t.doorlooptijd)) {
      ctx.addIssue({
        code: 'custom',
        path: ['servicenorm'],
        message: `De servicenorm (${t.servicenorm}) mag nooit langer zijn dan de doorlooptijd (${t.doorlooptijd}).`,
      });
    }
    if (t.wettelijkeTermijn === null && !durationNeverLonger(t.doorlooptijd, 'P8W')) {
      ctx.addIssue({
        code: 'custom',
        path: ['doorlooptijd'],
        message:
          `Een doorlooptijd van ${t.doorlooptijd} is langer dan de acht weken van Awb 4:13; ` +
          'noem in "wettelijkeTermijn" de wettelijke termijn die dit toestaat.',
      });
    }
  });

export const Grondslag = z.strictObject({
  verordening: z.string().min(1),
  /** Date the verordening was adopted (vastgesteld) or last changed. */
  datum: IsoDate,
  artikel: z.string().min(1).optional(),
});

/** Every axis a preset fills and a gemeente may override. Order = order in the README and files. */
export const AXES = {
  werving: Werving,
  toelating: Toelating,
  selectie: Selectie,
  orientatiefase: Orientatiefase,
  coaching: Coaching,
  planToetsing: PlanToetsing,
  toetsingscriteria: uniqueList(Toetsingscriterium),
  verplichtePlanonderdelen: uniqueList(Planonderdeel),
  opdrachtgever: Opdrachtgever,
  aanbiederskeuze: Aanbiederskeuze,
  betaalroute: Betaalroute,
  budgetInzichtKlant: z.boolean(),
  plafondCent: Cent.min(1, { error: 'Het budgetplafond moet groter zijn dan 0.' }),
  uitvoeringstermijn: Uitvoeringstermijn,
  noCureLessPay: NoCureLessPay,
  eenHoofdaanbieder: z.boolean(),
  offertes: Offertes,
  bestedingen: Bestedingen,
  monitoring: Monitoring,
  /** A besluit with a budget at or above this amount needs a second beslisser; 0 = always, null = never. */
  vierOgenDrempelCent: Cent.nullable(),
  /** A payment above this amount needs approval by finance (someone other than the submitter). */
  financieGrensCent: Cent,
  besluittermijn: Besluittermijn,
} as const;

export type AxisKey = keyof typeof AXES;
export const AXIS_KEYS = Object.keys(AXES) as AxisKey[];
export type AxisValue<K extends AxisKey> = z.infer<(typeof AXES)[K]>;
export type AxisValues = { [K in AxisKey]: AxisValue<K> };

type SourcedSchema<T extends z.ZodType> = ReturnType<typeof sourced<T>>;

function sourcedShape<Optional extends boolean>(
  optional: Optional,
): { [K in AxisKey]: Optional extends true ? z.ZodOptional<SourcedSchema<(typeof AXES)[K]>> : SourcedSchema<(typeof AXES)[K]> } {
  const shape: Record<string, z.ZodType> = {};
  for (const key of AXIS_KEYS) {
    const schema = sourced(AXES[key]);
    shape[key] = optional ? schema.optional() : schema;
  }
  return shape as never;
}

// ---------------------------------------------------------------------------------------------
// File format: one file per tenant × regeling with its versions.

export const TENANT_ID = /^[a-z][a-z0-9-]*$/;

/** A version as written in the file: axes may be left out, the preset then fills them in. */
export const PolicyVersionFile = z.strictObject({
  ingangsdatum: IsoDate,
  toelichting: z.string().min(1).optional(),
  preset: sourced(PresetCode),
  grondslag: sourced(Grondslag),
  ...sourcedShape(true),
});
export type PolicyVersionFile = z.infer<typeof PolicyVersionFile>;

export const PolicyFile = z
  .strictObject({
    tenantId: z.string().regex(TENANT_ID, { error: 'tenantId: kleine letters, bijvoorbeeld "almere".' }),
    gemeente: z.string().min(1),
    regeling: Regeling,
    toelichting: z.string().min(1).optional(),
    versies: z.array(PolicyVersionFile).min(1, { error: 'Een beleid heeft minstens één versie.' }),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.versies.forEach((versie, index) => {
      const earlier = seen.get(versie.ingangsdatum);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['versies', index, 'ingangsdatum'],
          message: `Ingangsdatum ${versie.ingangsdatum} komt ook voor bij versies[${earlier}]; elke versie heeft een eigen ingangsdatum.`,
        });
      }
      seen.set(versie.ingangsdatum, index);
    });
  });
export type PolicyFile = z.infer<typeof PolicyFile>;

/**
 * A resolved policy version: every axis present with its bron. This is what `policyFor` returns,
 * what a zaak refers to by `id`, and what the workers take as input.
 */
export const PrbPolicy = z.strictObject({
  /** `<tenantId>:<regeling>:<ingangsdatum>`, stored on the zaak when it starts. */
  id: z.string().min(1),
  tenantId: z.string().regex(TENANT_ID),
  gemeente: z.string().min(1),
  regeling: Regeling,
  ingangsdatum: IsoDate,
  /** sha256 of the resolved settings: shows whether a version was edited after a zaak started. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  bestand: z.string().min(1),
  toelichting: z.string().min(1).optional(),
  preset: sourced(PresetCode),
  grondslag: sourced(Grondslag),
  ...sourcedShape(false),
});
export type PrbPolicy = z.infer<typeof PrbPolicy>;

/** What a zaak stores to keep the version it started with. */
export interface PolicyRef {
  id: string;
  tenantId: string;
  regeling: Regeling;
  ingangsdatum: string;
  hash: string;
}
