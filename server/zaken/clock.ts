import { computeCaseClock, type Opschorting, type Verdaging, type ZaakFeiten, type ZaakKlok } from '../../workers/termijnen/case-clock.ts';
import { dwangsomVaststellenUiterlijk } from '../../workers/termijnen/dwangsom.ts';
import type { Selectable } from 'kysely';
import type { ZaakEventTable, ZaakTable } from './tables.ts';

type ZaakRow = Selectable<ZaakTable>;
type EventRow = Pick<Selectable<ZaakEventTable>, 'type' | 'data'>;

/** The clock's facts are derived from the zaak's own events: one source, no second copy to drift. */
export function zaakFeiten(zaak: ZaakRow, events: readonly EventRow[]): ZaakFeiten {
  const opschortingen: Opschorting[] = [];
  let verdaging: Verdaging | undefined;
  let einddatum: string | null = null;
  let ingebrekestelling: { ontvangen: string } | undefined;
  let beslistermijnVanaf: string | undefined;
  for (const e of events) {
    const d = JSON.parse(e.data) as Record<string, string>;
    // A bezwaar's beslistermijn runs from the end of the bezwaartermijn, not from receipt (Awb 7:10 lid 1).
    if (e.type === 'zaak.beslistermijn-bepaald') beslistermijnVanaf = d.vanaf!;
    if (e.type === 'zaak.opgeschort') opschortingen.push({ van: d.van!, tot: null, reden: d.reden ?? '' });
    if (e.type === 'zaak.hervat') {
      const open = opschortingen.at(-1);
      if (open && open.tot === null) opschortingen[opschortingen.length - 1] = { ...open, tot: d.tot! };
    }
    if (e.type === 'zaak.verdaagd') verdaging = { datum: d.datum!, termijn: d.termijn!, reden: d.reden ?? '' };
    // The latest one counts: a new one is registered only after a premature (voorbarig) one.
    if (e.type === 'zaak.ingebrekestelling-ontvangen') ingebrekestelling = { ontvangen: d.ontvangen! };
    // The beslistermijn ends with the bekendmaking of the besluit (Awb 3:40).
    if (e.type === 'zaak.besluit-bekendgemaakt' && einddatum === null) einddatum = d.verzenddatum!;
  }
  return { startdatum: zaak.startdatum, beslistermijnVanaf, opschortingen, verdaging, einddatum, ingebrekestelling };
}

export function zaakKlok(zaak: ZaakRow, events: readonly EventRow[], peildatum: Date | string = new Date()): ZaakKlok {
  return klokUitFeiten(zaak, zaakFeiten(zaak, events), peildatum);
}

/** The clock's dates as the diagrams read them: the process variable `termijnen` (workflows/prb/process.md §1). */
export function diagramTermijnen(klok: Pick<ZaakKlok, 'startdatum' | 'einddatumGepland' | 'uiterlijkeEinddatumAfdoening'>) {
  return { startdatum: klok.startdatum, einddatumGepland: klok.einddatumGepland, uiterlijkeEinddatumAfdoening: klok.uiterlijkeEinddatumAfdoening };
}

/** The clock from facts the caller already derived (it needs them too): the events are parsed once. */
export function klokUitFeiten(zaak: Pick<ZaakRow, 'doorlooptijd' | 'servicenorm'>, feiten: ZaakFeiten, peildatum: Date | string = new Date()): ZaakKlok {
  return computeCaseClock({ doorlooptijd: zaak.doorlooptijd, servicenorm: zaak.servicenorm }, feiten, peildatum);
}

/** The vaststelling of the dwangsom (Awb 4:18) recorded on the zaak, if any. */
export function dwangsomVaststelling(events: readonly EventRow[]): { datum: string; bedragCent: number } | null {
  let vastgesteld: { datum: string; bedragCent: number } | null = null;
  for (const e of events) if (e.type === 'zaak.dwangsom-vastgesteld') vastgesteld = JSON.parse(e.data) as { datum: string; bedragCent: number };
  return vastgesteld;
}

/**
 * The clock's dwangsom (Awb 4:17) as the API shows it, in cents: with the ingebrekestelling's
 * date, the last day for its vaststelling (4:18) and the vaststelling once recorded; null
 * without an ingebrekestelling.
 */
export function dwangsomVan(klok: ZaakKlok, feiten: ZaakFeiten, vastgesteld: { datum: string; bedragCent: number } | null) {
  const d = klok.dwangsom;
  const ontvangen = feiten.ingebrekestelling?.ontvangen;
  if (!d || !ontvangen) return null;
  return {
    ingebrekestellingOntvangen: ontvangen,
    status: d.status,
    eersteDag: d.eersteDag,
    laatsteMogelijkeDag: d.laatsteMogelijkeDag,
    dagen: d.dagen,
    bedragCent: d.bedragCenten,
    dagtariefCent: d.dagtariefCenten,
    maximumCent: d.maximumCenten,
    vaststellenUiterlijk: dwangsomVaststellenUiterlijk(d, feiten.einddatum ?? null),
    vastgesteld,
  };
}
