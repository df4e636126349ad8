/**
 * Plan-toets: the machine-checkable part of assessing a trajectplan (Groningen format, seed-000
 * DOE-deel 4, source lines 1888–1913) against the gemeente's policy. The klantmanager still judges
 * rechtmatigheid, doelmatigheid and haalbaarheid (L1236); this worker gives the findings to weigh.
 *
 * Severity follows the policy's plan assessment mode (Tabel B1 L1718):
 * - hard rules block in both modes: over the cap, excluded spending, too few offertes, no single
 *   main provider where required, execution beyond the deadline, a provider outside the selection;
 * - judgement rules (material without a demonstrated relation to work, a missing required plan
 *   element) block when the assessment is `inhoudelijk` and are aandachtspunten when it is
 *   `marginaal` ("ja, tenzij": approve unless there are insurmountable contra-indications, L1113).
 *
 * oordeel: `niet-akkoord` with any blokkerend finding; `akkoord-tenzij` with only aandachtspunten;
 * `akkoord` without findings.
 */
import { z } from 'zod';
import { addDays, addDuration } from '../../workflows/prb/policy/duration.ts';
import {
  Begrotingscategorie,
  Cent,
  IsoDate,
  Planonderdeel,
  type PrbPolicy,
  type Toetsingscriterium,
} from '../../workflows/prb/policy/schema.ts';
import {
  NL_ERRORS,
  WorkerInputError,
  dutchIssues,
  formatDate,
  formatDuration,
  formatEuro,
} from '../../workflows/prb/policy/text.ts';

export { WorkerInputError };

/** zeebe:taskDefinition type of the service task. */
export const JOB_TYPE = 'prb-plan-toets';

const Naam = z.string({ error: 'Verwacht een naam.' }).trim().min(1, { error: 'Een naam is verplicht.' });
const Kvk = z.string().regex(/^\d{8}$/, { error: 'Een KvK-nummer heeft 8 cijfers.' });

export const Aanbieder = z.strictObject({
  naam: Naam,
  kvk: Kvk.optional(),
  /** On the gemeente's list of contracted or vetted providers; unknown when absent. */
  gecontracteerd: z.boolean().optional(),
});
export type Aanbieder = z.infer<typeof Aanbieder>;

export const Offerte = z.strictObject({
  aanbieder: Naam,
  kvk: Kvk.optional(),
  bedragCent: Cent.optional(),
  /** The uploaded offerte document. */
  documentId: z.string().min(1).optional(),
});

export const Activiteit = z
  .strictObject({
    id: z.string().min(1, { error: 'Elke activiteit heeft een id.' }),
    omschrijving: z.string().trim().min(1, { error: 'Omschrijf de activiteit.' }),
    startdatum: IsoDate,
    einddatum: IsoDate,
    verwachtResultaat: z.string().optional(),
    /** Which required plan elements this activity covers (Breda: zelfbewustwording, bemiddeling, nazorg). */
    planonderdelen: z.array(Planonderdeel).default([]),
  })
  .refine((a) => a.einddatum >= a.startdatum, {
    error: 'De einddatum ligt vóór de startdatum.',
    path: ['einddatum'],
  });

export const Begrotingsregel = z.strictObject({
  activiteitId: z.string().min(1),
  omschrijving: z.string().trim().min(1, { error: 'Omschrijf waarvoor het bedrag is.' }),
  categorie: Begrotingscategorie,
  /** Excl. btw, integer cents. */
  bedragCent: Cent,
  aanbieder: Aanbieder,
  offertes: z.array(Offerte).default([]),
  /** Bought for (starting) an own business: an investment when it is material (L956). */
  tenBehoeveVanEigenOnderneming: z.boolean().default(false),
  /** How a material item relates to the training or the chance of work (L1402). */
  relatieMetOpleidingOfWerk: z.string().trim().min(1).optional(),
  /** Subcontracted through the main provider (Groningen, L1198). */
  viaHoofdaanbieder: z.boolean().default(false),
});

export const OPSTELLERS = ['klant', 'klantmanager', 'coach', 'aanbieder', 'onafhankelijk-arbeidsadviseur', 'familie'] as const;

export const Trajectplan = z
  .strictObject({
    /** Planned start of the traject; the execution deadline counts from here (or an earlier activity). */
    startdatum: IsoDate,
    activiteiten: z.array(Activiteit).min(1, { error: 'Een plan heeft minstens één activiteit.' }),
    begroting: z.array(Begrotingsregel).min(1, { error: 'Een plan heeft een begroting met minstens één regel.' }),
    hoofdaanbieder: Aanbieder.optional(),
    /** Who wrote the plan (L250, L712, L1202); a provider-written plan is an aandachtspunt (L1212, L1449). */
    opgesteldDoor: z.array(z.enum(OPSTELLERS)).min(1).default(['klant']),
    /** Already spent in the oriëntatiefase, counted against the cap when the policy says so. */
    besteedInOrientatiefaseCent: Cent.default(0),
  })
  .superRefine((plan, ctx) => {
    const ids = new Set<string>();
    plan.activiteiten.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['activiteiten', i, 'id'], message: `Activiteit-id "${a.id}" komt twee keer voor.` });
      ids.add(a.id);
    });
    plan.begroting.forEach((r, i) => {
      if (!ids.has(r.activiteitId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['begroting', i, 'activiteitId'],
          message: `Begrotingsregel "${r.omschrijving}" verwijst naar activiteit "${r.activiteitId}", die niet in het plan staat.`,
        });
      }
    });
  });
export type Trajectplan = z.infer<typeof Trajectplan>;
export type TrajectplanInvoer = z.input<typeof Trajectplan>;

export type Ernst = 'blokkerend' | 'aandachtspunt';
export type Oordeel = 'akkoord' | 'akkoord-tenzij' | 'niet-akkoord';

export interface Bevinding {
  code: string;
  ernst: Ernst;
  /** Dutch, for klant and klantmanager. */
  omschrijving: string;
  /** The policy setting and its source, e.g. "plafondCent (seed-000 L914)". */
  regel?: string;
}

export interface PlanToetsResultaat {
  oordeel: Oordeel;
  bevindingen: Bevinding[];
  toetsingswijze: 'marginaal' | 'inhoudelijk';
  totaalCent: number;
  plafondCent: number;
  /** What the klantmanager still judges by hand, in Dutch. */
  teBeoordelen: string[];
  /**
   * False when the aanvraag misses parts the klant can still supply (an offerte, the hoofdaanbieder,
   * a required plan element, the reason for a material item): the process then offers a
   * hersteltermijn (Awb 4:5) instead of refusing.
   */
  volledig: boolean;
  /** The blocking findings the klant can repair, for the hersteltermijn letter and form. */
  ontbrekend: { code: string; omschrijving: string }[];
  aandachtspunten: Bevinding[];
  /** The besluit needs a second beslisser: totaal ≥ the policy's vierOgenDrempelCent (0 = always). */
  vierOgen: boolean;
  beleid: { id: string; ingangsdatum: string };
}

/** Blocking findings that are a missing part of the aanvraag rather than a reason to refuse it. */
export const AANVULBARE_CODES: ReadonlySet<string> = new Set([
  'PLAN_OFFERTE_ONTBREEKT',
  'PLAN_HOOFDAANBIEDER_ONTBREEKT',
  'PLAN_ONDERDEEL_ONTBREEKT',
  'PLAN_BESTEDING_ZONDER_RELATIE',
]);

export type PlanToetsBeleid = Pick<
  PrbPolicy,
  | 'id'
  | 'ingangsdatum'
  | 'gemeente'
  | 'planToetsing'
  | 'toetsingscriteria'
  | 'plafondCent'
  | 'orientatiefase'
  | 'bestedingen'
  | 'offertes'
  | 'eenHoofdaanbieder'
  | 'aanbiederskeuze'
  | 'uitvoeringstermijn'
  | 'verplichtePlanonderdelen'
  | 'vierOgenDrempelCent'
>;

const CRITERIUM_TEKST: Record<Toetsingscriterium, string> = {
  'leidt-tot-betaald-werk': 'Leidt het plan in redelijkheid tot betaald werk?',
  'binnen-budget': 'Blijft het plan binnen het budget?',
  doelmatigheid: 'Is het plan doelmatig: is elke uitgave nodig en redelijk geprijsd?',
  'kortste-weg-naar-werk': 'Is dit de kortste weg naar werk?',
  'kortste-weg-naar-duurzame-arbeid': 'Is dit de kortste weg naar duurzame arbeid?',
  'reele-kans-op-werk': 'Biedt het plan een reële kans op werk?',
  smart: 'Is het plan SMART: specifiek, meetbaar, acceptabel, realistisch en tijdgebonden?',
  rechtmatigheid: 'Is het plan rechtmatig?',
  haalbaarheid: 'Is het plan haalbaar voor deze klant?',
};

/** Categories that are goods rather than services: buying them for an own business is an investment. */
const MATERIEEL = new Set(['materiaal', 'computer', 'overig', 'investering-eigen-onderneming']);

function rule(setting: { bron: string }, name: string): string {
  return `${name} (${setting.bron})`;
}

function aanbiederKey(a: { naam: string; kvk?: string | undefined }): string {
  return a.kvk ?? a.naam.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Assesses a validated trajectplan against the policy. */
export function assessTrajectplan(plan: Trajectplan, beleid: PlanToetsBeleid): PlanToetsResultaat {
  const bevindingen: Bevinding[] = [];
  const mode = beleid.planToetsing.waarde;
  /** Severity of a judgement rule: blocking only in a substantive assessment. */
  const oordeelsregel: Ernst = mode === 'inhoudelijk' ? 'blokkerend' : 'aandachtspunt';
  const gemeente = beleid.gemeente;
  const activiteit = new Map(plan.activiteiten.map((a) => [a.id, a]));

  // Budget and cap (Tabel B1 L1719 "binnen budget"; cap excl. btw, L1402).
  const orientatie = beleid.orientatiefase.waarde;
  const meetellendeOrientatie = orientatie.actief && orientatie.binnenPlafond ? plan.besteedInOrientatiefaseCent : 0;
  const totaalCent = plan.begroting.reduce((sum, r) => sum + r.bedragCent, 0) + meetellendeOrientatie;
  const plafondCent = beleid.plafondCent.waarde;
  const orientatieTekst = meetellendeOrientatie > 0 ? ` (inclusief ${formatEuro(meetellendeOrientatie)} uit de oriëntatiefase)` : '';
  if (totaalCent > plafondCent) {
    bevindingen.push({
      code: 'PLAN_BOVEN_PLAFOND',
      ernst: 'blokkerend',
      omschrijving:
        `De begroting van ${formatEuro(totaalCent)}${orientatieTekst} is hoger dan het budgetplafond van ` +
        `${formatEuro(plafondCent)} excl. btw in ${gemeente}; het verschil is ${formatEuro(totaalCent - plafondCent)}.`,
      regel: rule(beleid.plafondCent, 'plafondCent'),
    });
  } else if (totaalCent === plafondCent) {
    bevindingen.push({
      code: 'PLAN_PRECIES_OP_PLAFOND',
      ernst: 'aandachtspunt',
      omschrijving:
        `De begroting komt precies uit op het plafond van ${formatEuro(plafondCent)}${orientatieTekst}. ` +
        'Plannen die een reïntegratiebedrijf opstelt, komen vaak precies op het maximumbedrag uit; ga na of elke post nodig is.',
      regel: 'plafondCent (seed-000 L1449, L1455)',
    });
  }

  // Excluded spending and material items (L956, L1402).
  const { uitgesloten, alleenMetAantoonbareRelatie } = beleid.bestedingen.waarde;
  for (const regel of plan.begroting) {
    const investering =
      regel.categorie === 'investering-eigen-onderneming' ||
      (regel.tenBehoeveVanEigenOnderneming && MATERIEEL.has(regel.categorie));
    if (investering && uitgesloten.includes('investering-eigen-onderneming')) {
      bevindingen.push({
        code: 'PLAN_UITGESLOTEN_BESTEDING',
        ernst: 'blokkerend',
        omschrijving:
          `"${regel.omschrijving}" (${formatEuro(regel.bedragCent)}) is een investering in een eigen onderneming. ` +
          'Die kan niet uit het prb worden betaald, omdat dat strijdig is met het Besluit bijstandverlening zelfstandigen. ' +
          'Begeleiding of scholing bij het starten van een bedrijf kan wel.',
        regel: rule(beleid.bestedingen, 'bestedingen.uitgesloten'),
      });
      continue;
    }
    if (uitgesloten.includes(regel.categorie)) {
      bevindingen.push({
        code: 'PLAN_UITGESLOTEN_BESTEDING',
        ernst: 'blokkerend',
        omschrijving: `"${regel.omschrijving}" valt in de categorie "${regel.categorie}", die ${gemeente} niet uit het prb betaalt.`,
        regel: rule(beleid.bestedingen, 'bestedingen.uitgesloten'),
      });
      continue;
    }
    if (alleenMetAantoonbareRelatie.includes(regel.categorie) && !regel.relatieMetOpleidingOfWerk) {
      bevindingen.push({
        code: 'PLAN_BESTEDING_ZONDER_RELATIE',
        ernst: oordeelsregel,
        omschrijving:
          `Bij "${regel.omschrijving}" staat niet hoe deze uitgave samenhangt met de opleiding of de kans op werk. ` +
          'Materiële zaken worden alleen vergoed als dat verband aantoonbaar is.',
        regel: rule(beleid.bestedingen, 'bestedingen.alleenMetAantoonbareRelatie'),
      });
    }
  }

  // Offertes per activity, counted as distinct providers (L1912: "twee offertes van twee organisaties").
  const { minimumPerActiviteit, gewenstPerActiviteit } = beleid.offertes.waarde;
  const perActiviteit = new Map<string, Set<string>>();
  for (const regel of plan.begroting) {
    if (regel.bedragCent === 0) continue;
    const set = perActiviteit.get(regel.activiteitId) ?? new Set<string>();
    regel.offertes.forEach((o) => set.add(aanbiederKey({ naam: o.aanbieder, kvk: o.kvk })));
    perActiviteit.set(regel.activiteitId, set);
  }
  for (const [id, aanbieders] of perActiviteit) {
    const naam = activiteit.get(id)?.omschrijving ?? id;
    const n = aanbieders.size;
    if (n < minimumPerActiviteit) {
      bevindingen.push({
        code: 'PLAN_OFFERTE_ONTBREEKT',
        ernst: 'blokkerend',
        omschrijving:
          `Voor "${naam}" ${n === 1 ? 'is 1 offerte' : `zijn ${n} offertes`} aanwezig; ` +
          `${gemeente} vraagt er minstens ${minimumPerActiviteit}, van verschillende aanbieders.`,
        regel: rule(beleid.offertes, 'offertes.minimumPerActiviteit'),
      });
    } else if (n < gewenstPerActiviteit) {
      bevindingen.push({
        code: 'PLAN_OFFERTES_MINDER_DAN_GEWENST',
        ernst: 'aandachtspunt',
        omschrijving:
          `Voor "${naam}" ${n === 1 ? 'is 1 offerte' : `zijn ${n} offertes`} aanwezig; ` +
          `${gemeente} vraagt bij voorkeur ${gewenstPerActiviteit} offertes van verschillende aanbieders.`,
        regel: rule(beleid.offertes, 'offertes.gewenstPerActiviteit'),
      });
    }
  }

  // Doelmatigheid where the policy asks for it (preset C, L1719): the chosen price vs the cheapest offerte.
  if (beleid.toetsingscriteria.waarde.includes('doelmatigheid')) {
    for (const regel of plan.begroting) {
      const bedragen = regel.offertes.map((o) => o.bedragCent).filter((b): b is number => b !== undefined);
      const laagste = bedragen.length >= 2 ? Math.min(...bedragen) : undefined;
      if (laagste !== undefined && regel.bedragCent > laagste) {
        bevindingen.push({
          code: 'PLAN_NIET_GOEDKOOPSTE_OFFERTE',
          ernst: 'aandachtspunt',
          omschrijving:
            `Voor "${regel.omschrijving}" is ${formatEuro(regel.bedragCent)} begroot, terwijl de laagste offerte ` +
            `${formatEuro(laagste)} is; motiveer de keuze.`,
          regel: rule(beleid.toetsingscriteria, 'toetsingscriteria.doelmatigheid'),
        });
      }
    }
  }

  // One main provider (Groningen, L1198), needed to make no cure less pay work.
  if (beleid.eenHoofdaanbieder.waarde) {
    if (!plan.hoofdaanbieder) {
      bevindingen.push({
        code: 'PLAN_HOOFDAANBIEDER_ONTBREEKT',
        ernst: 'blokkerend',
        omschrijving:
          `In ${gemeente} koopt u het traject in bij één hoofdaanbieder, die andere diensten zelf mag inkopen; ` +
          'het plan noemt geen hoofdaanbieder.',
        regel: rule(beleid.eenHoofdaanbieder, 'eenHoofdaanbieder'),
      });
    } else {
      const hoofd = aanbiederKey(plan.hoofdaanbieder);
      for (const regel of plan.begroting) {
        if (aanbiederKey(regel.aanbieder) === hoofd || regel.viaHoofdaanbieder) continue;
        bevindingen.push({
          code: 'PLAN_MEERDERE_AANBIEDERS',
          ernst: 'blokkerend',
          omschrijving:
            `"${regel.omschrijving}" wordt ingekocht bij ${regel.aanbieder.naam}, niet bij hoofdaanbieder ` +
            `${plan.hoofdaanbieder.naam}. Laat de hoofdaanbieder deze dienst inkopen, of kies de hoofdaanbieder.`,
          regel: rule(beleid.eenHoofdaanbieder, 'eenHoofdaanbieder'),
        });
      }
    }
  }

  // Provider choice (Tabel B1 L1721; Utrecht vets a coach outside its pool, L504).
  const keuze = beleid.aanbiederskeuze.waarde;
  if (keuze !== 'vrij') {
    const gezien = new Set<string>();
    for (const regel of plan.begroting) {
      const key = aanbiederKey(regel.aanbieder);
      if (gezien.has(key) || regel.aanbieder.gecontracteerd === true) continue;
      gezien.add(key);
      const naam = regel.aanbieder.naam;
      if (keuze === 'alleen-geselecteerde-aanbieders') {
        const bekend = regel.aanbieder.gecontracteerd === false;
        bevindingen.push({
          code: bekend ? 'PLAN_AANBIEDER_NIET_GESELECTEERD' : 'PLAN_AANBIEDER_ONBEKEND',
          ernst: bekend ? 'blokkerend' : 'aandachtspunt',
          omschrijving: bekend
            ? `${naam} staat niet op de lijst van aanbieders die ${gemeente} heeft geselecteerd.`
            : `Ga na of ${naam} een door ${gemeente} geselecteerde aanbieder is.`,
          regel: rule(beleid.aanbiederskeuze, 'aanbiederskeuze'),
        });
      } else if (regel.aanbieder.gecontracteerd === false) {
        bevindingen.push({
          code: 'PLAN_AANBIEDER_BUITEN_VASTE_LIJST',
          ernst: 'aandachtspunt',
          omschrijving: `${naam} staat niet op de vaste lijst; de klantmanager spreekt de aanbieder voordat het plan wordt goedgekeurd.`,
          regel: rule(beleid.aanbiederskeuze, 'aanbiederskeuze'),
        });
      }
    }
  }

  // Execution deadline (Utrecht "binnen een jaar", L472).
  const eerste = plan.activiteiten.reduce((min, a) => (a.startdatum < min ? a.startdatum : min), plan.startdatum);
  if (eerste < plan.startdatum) {
    bevindingen.push({
      code: 'PLAN_ACTIVITEIT_VOOR_START',
      ernst: 'aandachtspunt',
      omschrijving: `Er begint een activiteit op ${formatDate(eerste)}, vóór de startdatum van het plan (${formatDate(plan.startdatum)}).`,
    });
  }
  const laatste = plan.activiteiten.reduce((max, a) => (a.einddatum > max ? a.einddatum : max), eerste);
  const termijn = beleid.uitvoeringstermijn.waarde;
  const uiterlijk =
    termijn.soort === 'duur' ? addDays(addDuration(eerste, termijn.duur), -1) : termijn.soort === 'vaste-einddatum' ? termijn.einddatum : null;
  if (uiterlijk !== null && laatste > uiterlijk) {
    bevindingen.push({
      code: 'PLAN_BUITEN_UITVOERINGSTERMIJN',
      ernst: 'blokkerend',
      omschrijving:
        termijn.soort === 'duur'
          ? `Het plan loopt tot ${formatDate(laatste)}. In ${gemeente} moet het binnen ${formatDuration(termijn.duur)} na de start ` +
            `(${formatDate(eerste)}) zijn uitgevoerd, dus uiterlijk op ${formatDate(uiterlijk)}.`
          : `Het plan loopt tot ${formatDate(laatste)}; het moet uiterlijk op ${formatDate(uiterlijk)} zijn uitgevoerd.`,
      regel: rule(beleid.uitvoeringstermijn, 'uitvoeringstermijn'),
    });
  }

  // Required plan elements (Breda, L1644).
  const aanwezig = new Set(plan.activiteiten.flatMap((a) => a.planonderdelen));
  for (const onderdeel of beleid.verplichtePlanonderdelen.waarde) {
    if (aanwezig.has(onderdeel)) continue;
    bevindingen.push({
      code: 'PLAN_ONDERDEEL_ONTBREEKT',
      ernst: oordeelsregel,
      omschrijving: `Het plan heeft geen activiteit voor "${onderdeel}"; in ${gemeente} hoort dat onderdeel in elk plan.`,
      regel: rule(beleid.verplichtePlanonderdelen, 'verplichtePlanonderdelen'),
    });
  }

  // Who wrote it (L1212, L1449).
  if (plan.opgesteldDoor.includes('aanbieder')) {
    bevindingen.push({
      code: 'PLAN_OPGESTELD_DOOR_AANBIEDER',
      ernst: 'aandachtspunt',
      omschrijving: 'Het plan is (mede) opgesteld door een aanbieder; ga na of het de wensen en de regie van de klant volgt.',
      regel: 'seed-000 L1212, L1449',
    });
  }

  const oordeel: Oordeel = bevindingen.some((b) => b.ernst === 'blokkerend')
    ? 'niet-akkoord'
    : bevindingen.length > 0
      ? 'akkoord-tenzij'
      : 'akkoord';

  const teBeoordelen =
    mode === 'marginaal'
      ? ['Zijn er onoverkomelijke contra-indicaties voor de uitvoering of het beoogde resultaat? Zo niet, dan wordt het plan goedgekeurd.']
      : beleid.toetsingscriteria.waarde.map((c) => CRITERIUM_TEKST[c]);

  const ontbrekend = bevindingen
    .filter((b) => b.ernst === 'blokkerend' && AANVULBARE_CODES.has(b.code))
    .map(({ code, omschrijving }) => ({ code, omschrijving }));
  const drempel = beleid.vierOgenDrempelCent.waarde;

  return {
    oordeel,
    bevindingen,
    toetsingswijze: mode,
    totaalCent,
    plafondCent,
    teBeoordelen,
    volledig: ontbrekend.length === 0,
    ontbrekend,
    aandachtspunten: bevindingen.filter((b) => b.ernst === 'aandachtspunt'),
    vierOgen: drempel !== null && totaalCent >= drempel,
    beleid: { id: beleid.id, ingangsdatum: beleid.ingangsdatum },
  };
}

/** Validates raw input first; throws WorkerInputError with Dutch per-field messages. */
export function toetsTrajectplan(plan: unknown, beleid: PlanToetsBeleid): PlanToetsResultaat {
  const parsed = Trajectplan.safeParse(plan, NL_ERRORS);
  if (!parsed.success) throw new WorkerInputError(JOB_TYPE, dutchIssues(parsed.error, 'trajectplan'));
  return assessTrajectplan(parsed.data, beleid);
}

// ---------------------------------------------------------------------------------------------
// Job adapter

export const PlanToetsJobVariables = z.object({
  policyId: z.string({ error: 'policyId ontbreekt: de zaak moet de beleidsversie meegeven.' }).min(1),
  trajectplan: Trajectplan,
});

export interface PlanToetsPorts {
  policyById(id: string): PlanToetsBeleid;
}

export function createPlanToetsHandler(ports: PlanToetsPorts): (variables: unknown) => PlanToetsResultaat {
  return (variables) => {
    const parsed = PlanToetsJobVariables.safeParse(variables, NL_ERRORS);
    if (!parsed.success) throw new WorkerInputError(JOB_TYPE, dutchIssues(parsed.error));
    return assessTrajectplan(parsed.data.trajectplan, ports.policyById(parsed.data.policyId));
  };
}
