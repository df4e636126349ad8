/**
 * The pgb bw budget composition (seed-002 §3, §9.1) as pure functions of the aanvraag and the
 * gemeente's regels (workflows/pgb-bw/policies). Every refusal carries a code of §11.
 */
import { formatEuro } from '../betaling/bedrag.ts';
import { isValidIban, isValidKvk } from '../betaling/regels.ts';
import type {
  Aanvraag,
  Beperking,
  BudgetResultaat,
  Componenten,
  Financiering,
  Financieringsbron,
  KlantFeiten,
  Loonwaardebepaling,
  LoonwaardeRoute,
  Ondertekenaar,
  PgbBwRegels,
  Reden,
  RedenCode,
  ToelatingResultaat,
  VolledigheidResultaat,
} from './types.ts';

const reden = (code: RedenCode, omschrijving: string, bron: string): Reden => ({ code, omschrijving, bron });
const pct = (cents: number, procent: number) => Math.round((cents * procent) / 100);

// ---------------------------------------------------------------------------------------------
// G1–G3: eligibility, and the funding source (§6)

export function toetsToelating(klant: KlantFeiten, regels: Pick<PgbBwRegels, 'wachtlijst'>): ToelatingResultaat {
  const redenen: Reden[] = [];
  if (!klant.indicatie.geldig) redenen.push(reden('R01', 'U heeft geen geldige Wsw-indicatie. Die is nodig voor een pgb begeleid werken.', 'seed-002 L70, L273'));
  let financiering: Financiering = { bron: 'wsw-budget', wisseldatum: null };
  if (klant.status === 'wachtlijst') {
    const w = klant.wachtlijst;
    if (!w?.beschikbaarVoorArbeid) {
      redenen.push(reden('R02', 'U staat op de wachtlijst maar bent niet beschikbaar voor werk.', 'seed-002 L70, L211'));
    } else if (!w.aanDeBeurt) {
      if (regels.wachtlijst.heleWachtlijst && regels.wachtlijst.voorfinanciering) {
        // Eindhoven (L215): the gemeente pre-finances until the klant is aan de beurt.
        financiering = { bron: regels.wachtlijst.voorfinanciering, wisseldatum: w.aanDeBeurtDatum ?? null };
      } else {
        redenen.push(reden('R02', 'U staat op de wachtlijst maar bent nog niet aan de beurt. In uw gemeente kunt u pas een pgb begeleid werken krijgen als u aan de beurt bent.', 'seed-002 L70, L211'));
      }
    }
  }
  if (klant.werktAlBegeleid) redenen.push(reden('R03', 'U werkt al begeleid bij een gewone werkgever; dan heeft u geen recht op een pgb begeleid werken.', 'seed-002 L359'));
  return { toegelaten: redenen.length === 0, redenen, financiering };
}

/** The source that pays for something dated `datum` (a subsidy period's start, an invoice date). */
export function financieringsbronOp(datum: string, financiering: Financiering): Financieringsbron {
  if (financiering.bron === 'wsw-budget') return 'wsw-budget';
  return financiering.wisseldatum !== null && datum >= financiering.wisseldatum ? 'wsw-budget' : financiering.bron;
}

// ---------------------------------------------------------------------------------------------
// G5: complete, signed by all three (L560) — a gap is repaired (Awb 4:5), not refused

const PARTIJ: Record<Ondertekenaar, string> = { klant: 'uzelf', werkgever: 'de werkgever', begeleidingsorganisatie: 'de begeleidingsorganisatie' };

export function toetsVolledigheid(aanvraag: Aanvraag, regels: Pick<PgbBwRegels, 'werkplekaanpassing' | 'begeleiding'>): VolledigheidResultaat {
  const ontbrekend: VolledigheidResultaat['ontbrekend'] = [];
  for (const partij of ['klant', 'werkgever', 'begeleidingsorganisatie'] as const) {
    if (!aanvraag.ondertekening[partij]?.naam?.trim()) {
      ontbrekend.push({ code: 'R04', omschrijving: `De handtekening van ${PARTIJ[partij]} ontbreekt. De aanvraag moet door u, de werkgever en de begeleidingsorganisatie zijn ondertekend.` });
    }
  }
  if (regels.begeleiding.schriftelijkeAfspraak && !aanvraag.begeleidingsorganisatie.schriftelijkeAfspraak) {
    ontbrekend.push({ code: 'R04', omschrijving: 'De schriftelijke afspraak over uren en vergoeding van de begeleiding ontbreekt.' });
  }
  const wpa = aanvraag.werkplekaanpassing;
  if (wpa && regels.werkplekaanpassing.deskundigenonderzoek === 'verplicht' && !wpa.deskundigenonderzoek) {
    ontbrekend.push({ code: 'R04', omschrijving: 'Het deskundigenonderzoek naar de werkplekaanpassing ontbreekt.' });
  }
  return { volledig: ontbrekend.length === 0, ontbrekend };
}

// ---------------------------------------------------------------------------------------------
// G6–G8: employer, begeleidingsorganisatie, conflict of interest

export function toetsWerkgever(w: Aanvraag['werkgever'], e: PgbBwRegels['werkgeverEisen']): Reden[] {
  const r: Reden[] = [];
  if (e.kvk && !(w.kvk && isValidKvk(w.kvk))) r.push(reden('R05', `De werkgever ${w.naam} staat niet (met een geldig nummer) ingeschreven bij de Kamer van Koophandel.`, 'seed-002 L557'));
  if (w.contractMaanden < e.minContractMaanden) {
    r.push(reden('R07', `De arbeidsovereenkomst duurt ${w.contractMaanden} maanden; in uw gemeente is minstens ${e.minContractMaanden} maanden nodig.`, 'seed-002 L557'));
  }
  if (e.caoLoon && !w.caoLoon) r.push(reden('R08', 'De werkgever betaalt geen salaris volgens de geldende cao.', 'seed-002 L557'));
  if (e.arbo && !w.arbo) r.push(reden('R08', 'De werkgever voldoet niet aan de Arbo-normen.', 'seed-002 L557'));
  if (e.minDagdelenPerWerkdag !== null && w.dagdelenPerWerkdag < e.minDagdelenPerWerkdag) {
    r.push(reden('R08', `U werkt minder dan ${e.minDagdelenPerWerkdag === 1 ? 'één dagdeel' : `${e.minDagdelenPerWerkdag} dagdelen`} per werkdag; dat is in uw gemeente het minimum.`, 'seed-002 L557'));
  }
  if (e.kredietwaardigheid && !w.kredietwaardigheidAangetoond) r.push(reden('R08', 'De werkgever heeft zijn kredietwaardigheid niet aangetoond.', 'seed-002 L557'));
  if (!isValidIban(w.iban)) r.push(reden('R05', `Het rekeningnummer van de werkgever (${w.iban}) is geen geldig IBAN.`, 'seed-002 L80'));
  return r;
}

export function toetsBegeleidingsorganisatie(b: Aanvraag['begeleidingsorganisatie'], e: PgbBwRegels['begeleidingsorganisatieEisen']): Reden[] {
  const missing: string[] = [];
  const kvkGeldig = !!b.kvk && isValidKvk(b.kvk);
  if (e.kvk === 'verplicht' && !kvkGeldig) missing.push('staat niet ingeschreven bij de Kamer van Koophandel');
  if (e.kvk === 'voor-zover-verplicht' && b.kvk && !kvkGeldig) missing.push('heeft een ongeldig KvK-nummer');
  if (e.gekwalificeerd && !b.gekwalificeerd) missing.push('is niet gekwalificeerd voor uw begeleiding');
  if (e.kennisEnErvaring && !b.kennisEnErvaring) missing.push('heeft geen aantoonbare kennis en ervaring in het werkveld');
  if (e.uwvErkenning && !b.uwvErkenning) missing.push('heeft geen UWV-erkenning');
  if (e.plaatsingsresultaten && !b.plaatsingsresultaten) missing.push('heeft geen aantoonbare resultaten bij het plaatsen van mensen met afstand tot de arbeidsmarkt');
  if (e.kennisArbeidshandicap && !b.kennisArbeidshandicap) missing.push('heeft geen kennis van uw arbeidshandicap');
  if (e.brancheEnKeurmerk && !b.brancheEnKeurmerk) missing.push('is geen lid van een brancheorganisatie met een relevant keurmerk');
  if (!isValidIban(b.iban)) missing.push(`heeft geen geldig IBAN (${b.iban})`);
  return missing.map((m) => reden('R09', `De begeleidingsorganisatie ${b.naam} ${m}.`, 'seed-002 L553'));
}

export function toetsBelangenverstrengeling(a: Aanvraag, e: PgbBwRegels['belangenverstrengeling']): Reden[] {
  if (!e.actief || !e.uitgeslotenOrganisatie || a.plan.hulpBijAanvraag !== 'pgb-bw-bureau') return [];
  if (!a.begeleidingsorganisatie.naam.toLowerCase().includes(e.uitgeslotenOrganisatie.toLowerCase())) return [];
  return [reden('R10', `Het pgb bw-bureau heeft u bij de aanvraag geholpen; dan kan ${e.uitgeslotenOrganisatie} niet ook uw begeleidingsorganisatie zijn.`, 'seed-002 L428')];
}

// ---------------------------------------------------------------------------------------------
// The components (§3.1–§3.5)

/** G9: the employer subsidy from the loonwaarde, or accepted as proposed up to the policy's % of gross wage. */
export function vergoedingWerkgever(
  w: Aanvraag['werkgever'],
  loonwaarde: Loonwaardebepaling | null | undefined,
  r: PgbBwRegels['loonwaarde'],
): { route: LoonwaardeRoute; bedragPerJaarCent: number; structureelPerJaarCent: number; toelichting: string; beperking: string | null } {
  const structureel = r.structureleKosten ? (w.structureleKostenPerJaarCent ?? 0) : 0;
  const voorgesteld = w.voorgesteldeVergoedingPerJaarCent;
  const geldig = loonwaarde && (!r.verplichteLoonwaardebepaling || loonwaarde.onafhankelijk) && (loonwaarde.methode !== 'dariuz' || (loonwaarde.nulmetingProcent != null && !!loonwaarde.vervolgmetingDatum && !!loonwaarde.ontwikkeldoel));
  if (loonwaarde && geldig) {
    // Proposal (seed-002 §3.2): subsidie ≤ (1 − loonwaarde) × (bruto cao-loon + werkgeverslasten).
    const max = pct(w.brutoLoonPerJaarCent + w.werkgeverslastenPerJaarCent, 100 - loonwaarde.loonwaardeProcent);
    const bedrag = Math.min(voorgesteld, max);
    return {
      route: 'loonwaardebepaling',
      bedragPerJaarCent: bedrag,
      structureelPerJaarCent: structureel,
      toelichting: `Loonwaarde ${loonwaarde.loonwaardeProcent}% (${loonwaarde.methode}, ${loonwaarde.datum}, ${loonwaarde.beoordelaar}): ten hoogste ${formatEuro(max)} per jaar.`,
      beperking: bedrag < voorgesteld ? `De voorgestelde vergoeding van ${formatEuro(voorgesteld)} is hoger dan de loonwaarde rechtvaardigt; vastgesteld op ${formatEuro(bedrag)} per jaar.` : null,
    };
  }
  const nodig = (toelichting: string) => ({ route: 'loonwaardebepaling-nodig' as const, bedragPerJaarCent: 0, structureelPerJaarCent: structureel, toelichting, beperking: null });
  if (r.verplichteLoonwaardebepaling) {
    return nodig(loonwaarde ? 'De loonwaardebepaling is niet onafhankelijk of mist de nulmeting, het ontwikkeldoel of de vervolgmeting (Dariuz).' : 'Een onafhankelijke loonwaardebepaling is in uw gemeente verplicht voordat wij beslissen.');
  }
  if (loonwaarde && !geldig) return nodig('De loonwaardebepaling (Dariuz) mist de nulmeting, het ontwikkeldoel of de datum van de vervolgmeting.');
  if (r.automatischAccepterenTotProcent !== null && voorgesteld <= pct(w.brutoLoonPerJaarCent, r.automatischAccepterenTotProcent)) {
    return {
      route: 'automatisch-geaccepteerd',
      bedragPerJaarCent: voorgesteld,
      structureelPerJaarCent: structureel,
      toelichting: `De voorgestelde vergoeding is niet hoger dan ${r.automatischAccepterenTotProcent}% van het brutoloon en is zonder loonwaardebepaling vastgesteld.`,
      beperking: null,
    };
  }
  return nodig(
    r.automatischAccepterenTotProcent === null
      ? 'Uw gemeente stelt de vergoeding vast op basis van een loonwaardebepaling.'
      : `De voorgestelde vergoeding is hoger dan ${r.automatischAccepterenTotProcent}% van het brutoloon; daarom volgt een loonwaardebepaling.`,
  );
}

/** G10: begeleiding within the hours cap (L317, L559). */
export function vergoedingBegeleiding(a: Aanvraag, r: PgbBwRegels['begeleiding']): { bedragPerJaarCent: number; reden: Reden | null } {
  const b = a.begeleidingsorganisatie;
  const bedrag = Math.round(b.begeleidingUrenPerWeek * b.uurtariefCent * r.wekenPerJaar);
  if (r.maxProcentVanWerkuren !== null) {
    const max = (a.werkgever.urenPerWeek * r.maxProcentVanWerkuren) / 100;
    if (b.begeleidingUrenPerWeek > max + 1e-9) {
      return {
        bedragPerJaarCent: bedrag,
        reden: reden('R11', `U vraagt ${b.begeleidingUrenPerWeek} uur begeleiding per week; dat is meer dan ${r.maxProcentVanWerkuren}% van de ${a.werkgever.urenPerWeek} uur die u werkt (ten hoogste ${Math.round(max * 100) / 100} uur).`, 'seed-002 L317, L559'),
      };
    }
  }
  return { bedragPerJaarCent: bedrag, reden: null };
}

/** G11: jobfinding, no cure no pay, capped per verordening (L321, L561). */
export function vergoedingJobfinding(a: Aanvraag, r: PgbBwRegels['jobfinding']): { maxCent: number; beperking: Beperking | null } {
  const b = a.begeleidingsorganisatie;
  const gevraagd = b.jobfinding ? (b.jobfindingBedragCent ?? 0) : 0;
  if (gevraagd <= 0) return { maxCent: 0, beperking: null };
  if (r.soort === 'geen') {
    return { maxCent: 0, beperking: { onderdeel: 'jobfinding', code: 'R12', omschrijving: 'Uw gemeente vergoedt geen jobfinding; dit onderdeel is niet toegekend.' } };
  }
  const caps = [r.maxCent, r.maxProcentSeBijdrage !== null && r.seBijdragePerJaarCent !== null ? pct(r.seBijdragePerJaarCent, r.maxProcentSeBijdrage) : null].filter((x): x is number => x !== null);
  const cap = caps.length ? Math.min(...caps) : null;
  if (cap !== null && gevraagd > cap) {
    return { maxCent: cap, beperking: { onderdeel: 'jobfinding', code: 'R12', omschrijving: `U vraagt ${formatEuro(gevraagd)} voor jobfinding; het maximum is ${formatEuro(cap)}. Toegekend: ${formatEuro(cap)}, alleen te betalen bij plaatsing (no cure no pay).` } };
  }
  return { maxCent: gevraagd, beperking: null };
}

/** G12: one-off werkplekaanpassing; annualised over the contract years, at most `annualiserenMaxJaren` (Gouda). */
export function werkplekaanpassing(a: Aanvraag, r: PgbBwRegels['werkplekaanpassing']): { kostenCent: number; perJaarCent: number; redenen: Reden[] } {
  const w = a.werkplekaanpassing;
  if (!w || w.kostenCent <= 0) return { kostenCent: 0, perJaarCent: 0, redenen: [] };
  const redenen: Reden[] = [];
  if (r.eenmaligEnPersoonsgebonden && !(w.eenmalig && w.persoonsgebonden)) {
    redenen.push(reden('R13', 'De werkplekaanpassing is niet eenmalig en persoonsgebonden; daarvoor is geen vergoeding mogelijk.', 'seed-002 L552'));
  }
  if (!w.nietRedelijkVoorWerkgever) redenen.push(reden('R13', 'De werkplekaanpassing kan in redelijkheid door de werkgever zelf worden gedaan.', 'seed-002 L552'));
  if (r.maxCent !== null && w.kostenCent > r.maxCent) {
    redenen.push(reden('R13', `De werkplekaanpassing kost ${formatEuro(w.kostenCent)}, meer dan het maximum van ${formatEuro(r.maxCent)}. Daarom is de arbeidsplaats niet passend.`, 'seed-002 L325, L552'));
  }
  const jaren = r.annualiserenMaxJaren === null ? 1 : Math.max(1, Math.min(w.contractJaren, r.annualiserenMaxJaren));
  return { kostenCent: w.kostenCent, perJaarCent: Math.round(w.kostenCent / jaren), redenen };
}

/** L551: deducted first; fixed (indexed) or a % of a base. */
export function uitvoeringskosten(r: PgbBwRegels['uitvoeringskosten'], c: Pick<Componenten, 'werkgeverPerJaarCent' | 'begeleidingPerJaarCent' | 'jobfindingCent'>): number {
  switch (r.soort) {
    case 'vast':
      return Math.round(r.bedragCent * r.indexfactor);
    case 'niet-vastgesteld':
      return 0;
    case 'percentage': {
      const basis =
        r.basis === 'loonkostensubsidie-en-bemiddeling'
          ? c.werkgeverPerJaarCent + c.jobfindingCent
          : r.basis === 'toegekende-vergoedingen'
            ? c.werkgeverPerJaarCent + c.begeleidingPerJaarCent + c.jobfindingCent
            : (r.gemiddeldBudgetCent ?? 0);
      return pct(basis, r.procent);
    }
  }
}

export interface BudgetInput {
  klant: KlantFeiten;
  aanvraag: Aanvraag;
  loonwaardebepaling?: Loonwaardebepaling | null;
}

/** G6–G13: the budget of one aanvraag. */
export function stelBudgetVast(input: BudgetInput, regels: PgbBwRegels): BudgetResultaat {
  const { aanvraag, klant } = input;
  const redenen: Reden[] = [
    ...toetsWerkgever(aanvraag.werkgever, regels.werkgeverEisen),
    ...toetsBegeleidingsorganisatie(aanvraag.begeleidingsorganisatie, regels.begeleidingsorganisatieEisen),
    ...toetsBelangenverstrengeling(aanvraag, regels.belangenverstrengeling),
  ];
  const beperkingen: Beperking[] = [];
  const werkgever = vergoedingWerkgever(aanvraag.werkgever, input.loonwaardebepaling, regels.loonwaarde);
  if (werkgever.beperking) beperkingen.push({ onderdeel: 'werkgever', code: null, omschrijving: werkgever.beperking });
  const begeleiding = vergoedingBegeleiding(aanvraag, regels.begeleiding);
  if (begeleiding.reden) redenen.push(begeleiding.reden);
  const jobfinding = vergoedingJobfinding(aanvraag, regels.jobfinding);
  if (jobfinding.beperking) beperkingen.push(jobfinding.beperking);
  const wpa = werkplekaanpassing(aanvraag, regels.werkplekaanpassing);
  redenen.push(...wpa.redenen);

  const componenten: Componenten = {
    werkgeverPerJaarCent: werkgever.bedragPerJaarCent + werkgever.structureelPerJaarCent,
    structureleKostenPerJaarCent: werkgever.structureelPerJaarCent,
    begeleidingPerJaarCent: begeleiding.bedragPerJaarCent,
    begeleidingUrenPerWeek: aanvraag.begeleidingsorganisatie.begeleidingUrenPerWeek,
    jobfindingCent: jobfinding.maxCent,
    werkplekaanpassingCent: wpa.kostenCent,
    werkplekaanpassingPerJaarCent: wpa.perJaarCent,
  };
  const uk = uitvoeringskosten(regels.uitvoeringskosten, componenten);
  const plafondCent = klant.indicatie.niveau === 'verhoogd' ? regels.plafond.verhoogdCent : regels.plafond.basisCent;
  const beschikbaarCent = Math.max(0, plafondCent - uk);
  const totaalPerJaarCent =
    componenten.werkgeverPerJaarCent +
    componenten.begeleidingPerJaarCent +
    (regels.plafond.inclusiefJobfinding ? componenten.jobfindingCent : 0) +
    (regels.plafond.inclusiefWerkplekaanpassing ? componenten.werkplekaanpassingPerJaarCent : 0);
  const toekenningCent = componenten.werkgeverPerJaarCent + componenten.begeleidingPerJaarCent + componenten.jobfindingCent + componenten.werkplekaanpassingCent;
  const loonwaardeNodig = werkgever.route === 'loonwaardebepaling-nodig';
  const boven = totaalPerJaarCent > beschikbaarCent;
  const uitkomst: BudgetResultaat['uitkomst'] = redenen.length ? 'afwijzen' : loonwaardeNodig ? 'loonwaardebepaling-nodig' : boven ? 'boven-plafond' : 'binnen-plafond';
  return {
    uitkomst,
    discretionair: uitkomst === 'boven-plafond',
    loonwaardeNodig: uitkomst === 'loonwaardebepaling-nodig',
    redenen,
    beperkingen,
    loonwaarde: { route: werkgever.route, toelichting: werkgever.toelichting },
    componenten,
    uitvoeringskostenCent: uk,
    plafondCent,
    beschikbaarCent,
    totaalPerJaarCent,
    toekenningCent,
  };
}

/** R14: the discretionary refusal when the costs exceed the plafond minus uitvoeringskosten (L286). */
export function redenBovenPlafond(b: Pick<BudgetResultaat, 'totaalPerJaarCent' | 'beschikbaarCent' | 'plafondCent' | 'uitvoeringskostenCent'>): Reden {
  return reden(
    'R14',
    `De kosten (${formatEuro(b.totaalPerJaarCent)} per jaar) zijn hoger dan het budget per Wsw-plaats (${formatEuro(b.plafondCent)}) min de uitvoeringskosten (${formatEuro(b.uitvoeringskostenCent)}): ${formatEuro(b.beschikbaarCent)}. De gemeente is dan niet verplicht een pgb begeleid werken toe te kennen.`,
    'seed-002 L72, L286',
  );
}

/** G14: which refusal codes the hardheidsclausule of this verordening may set aside (L567). */
export function hardheidsclausuleDekt(h: PgbBwRegels['hardheidsclausule'], codes: readonly RedenCode[]): boolean {
  if (!h.actief || h.reikwijdte === null) return false;
  const toegestaan: Record<NonNullable<PgbBwRegels['hardheidsclausule']['reikwijdte']>, readonly RedenCode[] | 'alle'> = {
    'maximale-bedragen': ['R11', 'R12', 'R14'],
    'eisen-werkgever-begeleidingsorganisatie': ['R05', 'R07', 'R08', 'R09'],
    // Only in the client's favour: granting what the rules refuse is in his favour; R01–R03 are statutory.
    'ten-gunste-van-client': ['R05', 'R06', 'R07', 'R08', 'R09', 'R11', 'R12', 'R13', 'R14'],
    algemeen: ['R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12', 'R13', 'R14'],
  };
  const scope = toegestaan[h.reikwijdte];
  return scope === 'alle' || codes.every((c) => scope.includes(c));
}

// ---------------------------------------------------------------------------------------------
// Uitvoering (§9.2): what one wage statement pays

export interface Loonopgave {
  periodeVan: string;
  periodeTot: string;
  /** Months the statement covers. */
  maanden: number;
  brutoLoonCent?: number | null;
  /** Gouda: months actually employed in the period, and contract hours. */
  maandenInDienst?: number | null;
  contracturenPerWeek?: number | null;
}

/** The employer subsidy for one period, pro rata; a refusal text when the statement lacks what the verordening asks. */
export function werkgeverTermijn(
  jaarvergoedingCent: number,
  toegekendeUrenPerWeek: number,
  opgave: Loonopgave,
  r: PgbBwRegels['betaling'],
): { bedragCent: number; weigering: string | null } {
  if (!(opgave.maanden > 0) || opgave.maanden > 12) return { bedragCent: 0, weigering: 'De loonopgave moet een periode van 1 tot 12 maanden beslaan.' };
  if (!(opgave.brutoLoonCent && opgave.brutoLoonCent > 0)) {
    return { bedragCent: 0, weigering: 'De loonopgave van de werkgever vermeldt geen betaald cao-loon; zonder opgave betalen wij de vergoeding niet uit.' };
  }
  let maanden = opgave.maanden;
  let factor = 1;
  if (r.contracturenEnPeriode) {
    if (opgave.maandenInDienst == null || opgave.contracturenPerWeek == null) {
      return { bedragCent: 0, weigering: 'De loonopgave moet het aantal contracturen en de periode in dienst vermelden.' };
    }
    maanden = Math.min(maanden, opgave.maandenInDienst);
    factor = Math.min(1, opgave.contracturenPerWeek / toegekendeUrenPerWeek);
  }
  return { bedragCent: Math.round((jaarvergoedingCent * maanden * factor) / 12), weigering: null };
}
