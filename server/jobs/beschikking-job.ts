import { beschikking } from '../../workers/beschikking/index.ts';
import type { BeschikkingInput } from '../../workers/beschikking/types.ts';
import { bezwaartermijn, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { besluitBekendmaken } from '../zaken/commands/besluit-bekendmaken.ts';
import { header, variable, type JobHandler } from './job-handler.ts';

interface Besluit {
  id: string;
  uitkomst: string;
  budgetCent?: number;
  motivering?: string;
  voorwaarden?: string[];
  gronden?: { code: string; tekst: string }[];
  uitvoeringTot?: string | null;
}

const REGELING_NAAM: Record<string, string> = {
  prb: 'persoonsgebonden re-integratiebudget (prb)',
  iro: 'individuele re-integratieovereenkomst (iro)',
  rio: 'Rotterdamse Integratie Overeenkomst (rio)',
  pib: 'persoonlijk inburgeringsbudget (pib)',
};

function besluitVoorBrief(b: Besluit & { heropend?: boolean }): BeschikkingInput['besluit'] {
  // Gegrond against a refusal before any budget (the form asks no amount then): revoked, the aanvraag is decided anew.
  if (b.uitkomst === 'gegrond' && !b.budgetCent) {
    return {
      soort: 'herroeping',
      vervolg: b.heropend ? 'Wij behandelen uw aanvraag verder. U vindt de volgende stap bij uw zaak.' : 'Wij nemen binnen een redelijke termijn een nieuw besluit op uw aanvraag.',
    };
  }
  if (b.uitkomst === 'toekenning' || b.uitkomst === 'gegrond') {
    return { soort: 'toekenning', budgetCents: b.budgetCent ?? 0, voorwaarden: b.voorwaarden ?? [], uitvoerenTot: b.uitvoeringTot?.slice(0, 10) ?? null };
  }
  return { soort: 'afwijzing', gronden: b.gronden?.length ? b.gronden : [{ code: b.uitkomst.toUpperCase(), tekst: b.motivering ?? b.uitkomst }] };
}

/**
 * prb-beschikking: the letter (Awb 3:45–3:47) as a PDF in the zaak's documents,
 * sent today; it ends the beslistermijn and starts the bezwaartermijn
 * (Awb 6:7, 6:8; Atw), whose last day the letter and the klantportaal show.
 */
export const prbBeschikking: JobHandler = {
  type: 'prb-beschikking',
  async handle(job, { database, documenten }) {
    const soort = header(job, 'soort');
    const zaakId = variable<string>(job, 'zaakId');
    const zaak = await database.db
      .selectFrom('zaken')
      .innerJoin('tenants', 'tenants.id', 'zaken.tenant_id')
      .select(['zaken.identificatie', 'tenants.naam as gemeente', 'zaken.regeling'])
      .where('zaken.id', '=', zaakId)
      .where('zaken.tenant_id', '=', job.tenantId)
      .executeTakeFirstOrThrow();
    const opBezwaar = soort === 'beslissing-op-bezwaar';
    const besluit: Besluit = opBezwaar
      ? {
          ...(job.variables.besluitOpBezwaar as Besluit),
          budgetCent: (job.variables.beslissing as { nieuwBudgetCent?: number } | undefined)?.nieuwBudgetCent ?? 0,
          motivering: (job.variables.beslissing as { motivering?: string } | undefined)?.motivering ?? '',
        }
      : variable<Besluit>(job, 'besluit');
    const verzenddatum = todayInAmsterdam(new Date());
    const { uiterlijkeReactiedatum } = bezwaartermijn(verzenddatum);
    const gemeente = zaak.gemeente === 'UWV' ? 'UWV' : `Gemeente ${zaak.gemeente}`;
    const regeling = (job.variables.regeling as string | undefined) ?? zaak.regeling;
    const { documentId } = await beschikking(
      {
        jobKey: job.key,
        tenantId: job.tenantId,
        zaakId,
        gemeente: { naam: gemeente, afzender: zaak.gemeente === 'UWV' ? 'UWV WERKbedrijf' : 'Team Werk en Inkomen' },
        // UWV is no gemeente: its besluiten are taken on behalf of its Raad van bestuur (Wet SUWI).
        ...(zaak.gemeente === 'UWV' ? { namens: 'namens de Raad van bestuur van UWV,' } : {}),
        klant: { naam: (job.variables.klantNaam as string | undefined) ?? 'Aanvrager' },
        zaakReferentie: zaak.identificatie,
        regeling: REGELING_NAAM[regeling] ?? regeling,
        besluit: besluitVoorBrief(besluit),
        motivering: besluit.motivering?.trim() || 'Zie de gronden hierboven.',
        datum: verzenddatum,
        verzenddatum,
        // After a beslissing op bezwaar the remedy is beroep at the rechtbank (Awb 8:1), not a second bezwaar.
        bezwaar: opBezwaar
          ? { rechtsmiddel: 'beroep', uiterlijkeReactiedatum, adres: ['de rechtbank in uw arrondissement, sector bestuursrecht'], digitaal: 'via het Digitaal Loket van de Rechtspraak' }
          : { rechtsmiddel: 'bezwaar', uiterlijkeReactiedatum, adres: [gemeente, 't.a.v. de bezwaarcommissie'], digitaal: 'via Mijn Regie, onder "Bezwaar maken" bij uw zaak' },
      },
      { documenten },
    );
    await besluitBekendmaken(database.db, {
      tenantId: job.tenantId,
      zaakId,
      besluit: besluit.uitkomst,
      verzenddatum,
      uiterlijkeReactiedatum,
      documentId,
      actor: 'regie',
      idempotencyKey: job.key,
    });
    return { beschikking: { documentId, verzenddatum, uiterlijkeReactiedatum } };
  },
};
