/**
 * Typed calls for the Regie screens (werkvoorraad, taken, zaken, klantportaal,
 * caseload, incidents). All go through `request()` in api.ts: same-origin
 * cookies, CSRF header on writes, problem+json → ApiError.
 *
 * Some endpoints are still being built on the server ("coming soon" in
 * docs/ui.md). Their types are declared here already; screens treat a 404 from
 * them as "not available yet" and hide the section (see `optional`).
 */
import { ApiError, request } from './api.ts';

export type KlokStatus = 'op-tijd' | 'servicenorm-overschreden' | 'termijn-verlopen';

export interface TaskZaak {
  id: string;
  identificatie: string;
  regeling: string;
  klantNaam: string;
  klokStatus: KlokStatus;
  uiterlijkeEinddatumAfdoening: string;
}

export interface Task {
  key: string;
  name: string | null;
  elementId?: string;
  processInstanceKey?: string;
  bpmnProcessId?: string;
  phase: string | null;
  formId: string | null;
  assignee: string | null;
  /** Display name of the assignee (absent from older servers). */
  assigneeNaam?: string | null;
  candidateGroups: string[];
  candidateUsers?: string[];
  dueDate: string | null;
  overdue: boolean;
  createdAt: string;
  state?: 'created' | 'completed' | 'canceled';
  zaak: TaskZaak | null;
}

export interface TaskPage {
  items: Task[];
  total: number;
  page: number;
  pageSize: number;
}

export type TaskView = 'mine' | 'group' | 'all';

export interface TaskQuery {
  view: TaskView;
  overdue?: boolean;
  dueWithinDays?: number;
  regeling?: string;
  fase?: string;
  zaakId?: string;
  page?: number;
  pageSize?: number;
}

export interface TaskForm {
  form: { formId: string; formKey: string; version: number; schema: Record<string, unknown> } | null;
  initialValues: Record<string, unknown>;
  context: Record<string, unknown>;
}

export interface Klok {
  startdatum: string;
  einddatumGepland: string;
  uiterlijkeEinddatumAfdoening: string;
  status: KlokStatus;
  opgeschort: boolean;
  verdaagd: boolean;
  afgehandeld: boolean;
  dagenTotUiterlijkeEinddatum: number;
  werkdagenTotUiterlijkeEinddatum: number;
  /** After a registered ingebrekestelling (Awb 4:17). */
  dwangsom?: Dwangsom | null;
}

export interface Dwangsom {
  ingebrekestellingOntvangen: string;
  status: 'voorbarig' | 'nog-niet-verbeurd' | 'loopt' | 'maximum-bereikt' | 'beeindigd';
  eersteDag: string | null;
  laatsteMogelijkeDag: string | null;
  dagen: number;
  bedragCent: number;
  dagtariefCent: number;
  maximumCent: number;
  /** Awb 4:18: the last day to fix the amount owed; null while it still accrues or nothing is owed. */
  vaststellenUiterlijk?: string | null;
  vastgesteld?: { datum: string; bedragCent: number } | null;
}

export interface ZaakSamenvatting {
  id: string;
  identificatie: string;
  regeling: string;
  klant: { id: string; naam: string };
  status: string;
  fase: string | null;
  startdatum: string;
  einddatum: string | null;
  resultaat: string | null;
  klok: Klok;
  /**
   * After a gegrond bezwaar reopened the zaak, until a new besluit is sent: the earlier besluit was
   * herroepen. `besluit`: the beslissing op bezwaar is the new besluit; `toelating`: the aanvraag is
   * handled further. Absent from an older server.
   */
  heroverweging?: { stap: 'besluit' | 'toelating' } | null;
}

export interface TijdlijnItem {
  op: string;
  soort: string;
  omschrijving: string;
  /** Username (null: Regie itself). */
  door: string | null;
  /** Display name and role of who did it; the sentence in the third person, and the part after "wie". */
  doorNaam?: string | null;
  doorRol?: string | null;
  zin?: string;
  handeling?: string | null;
  fase: string | null;
}

export interface Betaling {
  id: string;
  datum: string;
  omschrijving: string;
  payeeNaam: string;
  bedragCents: number;
  status: string;
  /** Why a refused payment was not made (status afgewezen). */
  reden?: string | null;
}

/** One begrotingsregel of the granted plan, as booked in the ledger (id `<zaakId>:r<n>`). */
export interface Verplichting {
  id: string;
  omschrijving: string;
  payeeNaam: string | null;
  bedragCents: number;
}

export interface Budget {
  toegekendCents: number;
  gereserveerdCents: number;
  betaaldCents: number;
  resterendCents: number;
  betalingen: Betaling[];
  /** Coming on the server: the begrotingsregels a factuur or declaratie is booked on. Absent until then. */
  verplichtingen?: Verplichting[];
}

export type DeclaratieSoort = 'factuur' | 'declaratie';

export interface DeclaratieInvoer {
  soort: DeclaratieSoort;
  verplichtingId: string;
  bedragCents: number;
  referentie: string;
  omschrijving?: string;
  iban?: string;
}

/** The pgb bw uitvoering routes (server/pgb-bw/uitvoering-routes.ts), by the last part of their path. */
export type PgbBwUitvoeringSoort = 'loonopgave' | 'factuur' | 'plaatsing' | 'aan-de-beurt' | 'herindicatie' | 'einde-dienstverband';

export interface Document {
  id: string;
  titel: string;
  soort: string;
  aangemaakt: string;
}

/** The besluit that still stands and its bezwaartermijn; null without one or after it was herroepen. */
export interface Bezwaar {
  mogelijk: boolean;
  uiterlijkeReactiedatum: string;
}

/** What the klant files against a besluit: the fields of the bezwaar-indienen form the screen asks for. */
export interface BezwaarInvoer {
  /** The besluit's kenmerk ("Ons kenmerk" on the beschikking): the zaak's identificatie. */
  besluitKenmerk: string;
  gronden: string;
  gewenstResultaat?: string;
  horen: 'ja' | 'nee';
}

export type ContactSoort = 'gesprek' | 'telefoon' | 'brief' | 'e-mail';

export interface Contactmoment {
  id: string;
  soort: ContactSoort;
  datum: string;
  samenvatting: string;
  door: string | null;
  /** Display name of who registered it. */
  doorNaam: string;
}

export interface Zaak extends ZaakSamenvatting {
  processInstanceKey: string | null;
  tijdlijn: TijdlijnItem[];
  /** Coming soon on the server: absent (undefined) until then. */
  budget?: Budget | null;
  documenten?: Document[];
  bezwaar?: Bezwaar | null;
  contactmomenten?: Contactmoment[];
  /** Pgb bw zaken, for staff: null for other regelingen (absent from an older server). */
  pgbBw?: PgbBwWachtlijst | null;
}

/** Whether the gemeente pre-finances while the klant waits on the wachtlijst, and when "aan de beurt" was received. */
export interface PgbBwWachtlijst {
  voorgefinancierd: boolean;
  /** 'YYYY-MM-DD' once the klant was reported aan de beurt (from then the Wsw budget pays). */
  aanDeBeurtOp: string | null;
}

/** GET /api/zaken/:id/proces: the diagram of the zaak's process version and where it is now. */
export interface ZaakProces {
  zaakId: string;
  bpmnProcessId: string;
  version: number | null;
  status: 'niet-gestart' | 'actief' | 'afgerond' | 'afgebroken';
  xml: string | null;
  actief: { elementId: string; naam: string | null }[];
  afgerond: string[];
}

/** Besluiten bekendgemaakt from `van` up to and including `tot` (either may be left open). */
export interface DoorlooptijdPeriode {
  van?: string;
  tot?: string;
}

function periodeQuery(periode: DoorlooptijdPeriode, params: URLSearchParams): string {
  if (periode.van) params.set('van', periode.van);
  if (periode.tot) params.set('tot', periode.tot);
  const q = params.toString();
  return q ? `?${q}` : '';
}

export type DoorlooptijdCategorie = 'in-termijn' | 'risico' | 'over-termijn' | 'besloten-binnen-termijn' | 'besloten-buiten-termijn';

/** GET /api/doorlooptijden/zaken (manager): the zaken behind one figure. */
export interface DoorlooptijdZaken {
  regeling: string;
  categorie: DoorlooptijdCategorie;
  peildatum: string;
  totaal: number;
  zaken: Array<{
    id: string;
    identificatie: string;
    klant: { id: string; naam: string };
    startdatum: string;
    uiterlijkeEinddatumAfdoening: string;
    besluitBekendgemaakt: string | null;
    doorlooptijdDagen: number | null;
    dagenTotUiterlijkeEinddatum: number;
    dwangsomCent?: number | null;
  }>;
}

/** GET /api/doorlooptijden (manager): figures per regeling. */
export interface DoorlooptijdCijfers {
  regeling: string;
  lopend: { inTermijn: number; risico: number; overTermijn: number };
  besloten: number;
  mediaanDoorlooptijdDagen: number | null;
  binnenTermijn: number;
  /** Awb 4:17: running zaken with what accrued so far; decided ones (in the periode) with what was owed. */
  dwangsom?: { lopend: number; lopendCent: number; besloten: number; beslotenCent: number };
}

export interface Bericht {
  id: string;
  onderwerp: string;
  tekst: string;
  zaakId: string | null;
  aangemaakt: string;
  gelezen: boolean;
}

export interface RegelingUitleg {
  watIsHet: string;
  /** The server sends the conditions and exclusions as lists; the built-in fallback as one text. */
  voorWie: string | string[];
  watMag: string;
  watNiet: string | string[];
  besluitTermijn: string;
  bezwaar: string;
  onafhankelijkAdvies: string;
}

export interface Regeling {
  regeling: string;
  naam: string;
  beschikbaar: boolean;
  /** The aanmelding form the klant fills in when applying (POST /api/zaken `gegevens`). */
  startFormId?: string | null;
  /** null: the gemeente has no plain-language text for it (yet), e.g. a regeling it does not offer. */
  uitleg: RegelingUitleg | null;
}

export interface Caseload {
  perFase: { fase: string; aantal: number }[];
  zaken: ZaakSamenvatting[];
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  state: string;
  createdAt: string;
}

/** Sentinel for "this endpoint does not exist (yet)": a 404 from a coming-soon endpoint. */
export const NOT_AVAILABLE = Symbol('niet-beschikbaar');
export type Optional<T> = T | typeof NOT_AVAILABLE;

/** Turns a 404 into NOT_AVAILABLE, so a screen can hide the section instead of failing. */
export async function optional<T>(p: Promise<T>): Promise<Optional<T>> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return NOT_AVAILABLE;
    throw err;
  }
}

export function taskQueryString(q: TaskQuery): string {
  const params = new URLSearchParams();
  params.set('view', q.view);
  if (q.overdue !== undefined) params.set('overdue', String(q.overdue));
  if (q.dueWithinDays !== undefined) params.set('dueWithinDays', String(q.dueWithinDays));
  if (q.regeling) params.set('regeling', q.regeling);
  if (q.fase) params.set('fase', q.fase);
  if (q.zaakId) params.set('zaakId', q.zaakId);
  params.set('page', String(q.page ?? 1));
  params.set('pageSize', String(q.pageSize ?? 25));
  return params.toString();
}

const enc = encodeURIComponent;

/** GET /api/zaken/{id}/aanmelding: what the klant filled in, label by label (null formId: the zaak has no aanmelding). */
export interface Aanmelding {
  formId: string | null;
  velden: Array<{ groep: string | null; label: string; waarde: string }>;
}

/** An approved payment not yet in a betaalbestand (GET /api/betalingen?status=goedgekeurd). */
export interface TeBetalen {
  id: string;
  payeeNaam: string | null;
  bedragCents: number;
  omschrijving: string | null;
}

/** A betaalbestand (SEPA pain.001) as POST /api/betalingen/batches made it. */
export interface Betaalbestand {
  id: string;
  aantal: number;
  totaalCents: number;
  uitvoeringsdatum: string;
}

export const regie = {
  tasks: (q: TaskQuery, signal?: AbortSignal) =>
    request<TaskPage>('GET', `/api/tasks?${taskQueryString(q)}`, signal ? { signal } : {}),
  task: (key: string) => request<Task>('GET', `/api/tasks/${enc(key)}`),
  claim: (key: string) => request<Task>('POST', `/api/tasks/${enc(key)}/claim`),
  unclaim: (key: string) => request<Task>('POST', `/api/tasks/${enc(key)}/unclaim`),
  taskForm: (key: string) => request<TaskForm>('GET', `/api/tasks/${enc(key)}/form`),
  complete: (key: string, variables: Record<string, unknown>) =>
    request<void>('POST', `/api/tasks/${enc(key)}/complete`, { body: { variables } }),

  zaken: (filter: { regeling?: string; status?: string; klantId?: string } = {}) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    const qs = params.toString();
    return request<ZaakSamenvatting[]>('GET', `/api/zaken${qs ? `?${qs}` : ''}`);
  },
  zaak: (id: string) => request<Zaak>('GET', `/api/zaken/${enc(id)}`),
  aanmelding: (id: string) => request<Aanmelding>('GET', `/api/zaken/${enc(id)}/aanmelding`),
  teBetalen: () => request<TeBetalen[]>('GET', '/api/betalingen?status=goedgekeurd'),
  maakBetaalbestand: (uitvoeringsdatum: string) => request<Betaalbestand>('POST', '/api/betalingen/batches', { body: { uitvoeringsdatum } }),
  /** Where the browser downloads a betaalbestand (a plain link: the session cookie goes along). */
  betaalbestandUrl: (id: string) => `/api/betalingen/batches/${enc(id)}/pain001`,
  doorlooptijden: (periode: DoorlooptijdPeriode = {}) =>
    request<{ peildatum: string; periode: { van: string | null; tot: string | null }; regelingen: DoorlooptijdCijfers[] }>(
      'GET',
      `/api/doorlooptijden${periodeQuery(periode, new URLSearchParams())}`,
    ),
  doorlooptijdZaken: (regeling: string, categorie: DoorlooptijdCategorie, periode: DoorlooptijdPeriode = {}) =>
    request<DoorlooptijdZaken>('GET', `/api/doorlooptijden/zaken${periodeQuery(periode, new URLSearchParams({ regeling, categorie }))}`),
  verdaagZaak: (id: string, body: { termijn: string; reden: string }) => request<Zaak>('POST', `/api/zaken/${enc(id)}/verdagen`, { body }),
  registreerIngebrekestelling: (id: string, body: { ontvangen: string; toelichting?: string }) =>
    request<Zaak>('POST', `/api/zaken/${enc(id)}/ingebrekestelling`, { body }),
  stelDwangsomVast: (id: string) => request<Zaak>('POST', `/api/zaken/${enc(id)}/dwangsom-vaststelling`, { body: {} }),
  zaakProces: (id: string) => request<ZaakProces>('GET', `/api/zaken/${enc(id)}/proces`),
  startZaak: (regeling: string, gegevens?: Record<string, unknown>) =>
    request<Zaak>('POST', '/api/zaken', { body: gegevens ? { regeling, gegevens } : { regeling } }),
  form: (formId: string) =>
    request<{ formId: string; formKey: string; version: number; schema: Record<string, unknown> }>('GET', `/api/forms/${enc(formId)}`),
  documentUrl: (zaakId: string, documentId: string) => `/api/zaken/${enc(zaakId)}/documenten/${enc(documentId)}`,
  addContactmoment: (zaakId: string, body: { soort: ContactSoort; datum: string; samenvatting: string }) =>
    request<Contactmoment>('POST', `/api/zaken/${enc(zaakId)}/contactmomenten`, { body }),
  dienDeclaratieIn: (zaakId: string, body: DeclaratieInvoer) =>
    request<{ messageKey: string; verwerkt: boolean }>('POST', `/api/zaken/${enc(zaakId)}/declaraties`, { body }),
  pgbBwUitvoering: (zaakId: string, soort: PgbBwUitvoeringSoort, body: Record<string, unknown>) =>
    request<{ messageKey: string; verwerkt: boolean; dubbel: boolean }>('POST', `/api/zaken/${enc(zaakId)}/pgb-bw/${soort}`, { body }),
  /** The route validates `gegevens` with the bezwaar-indienen form: field errors (422) come as `bezwaar.<veld>`. */
  bezwaarMaken: (zaakId: string, bezwaar: BezwaarInvoer) =>
    request<Zaak>('POST', `/api/zaken/${enc(zaakId)}/bezwaar`, { body: { gegevens: { bezwaar } } }),
  aanvraagIntrekken: (zaakId: string, reden?: string) =>
    request<Zaak>('POST', `/api/zaken/${enc(zaakId)}/intrekken`, { body: reden ? { reden } : {} }),

  berichten: () => request<Bericht[]>('GET', '/api/berichten'),
  berichtGelezen: (id: string) => request<void>('POST', `/api/berichten/${enc(id)}/gelezen`),
  regelingen: () => request<Regeling[]>('GET', '/api/regelingen'),
  caseload: () => request<Caseload>('GET', '/api/caseload'),
  incidents: () => request<Incident[]>('GET', '/api/incidents'),
  retryIncident: (key: string, variables?: Record<string, unknown>) =>
    request<void>('POST', `/api/incidents/${enc(key)}/retry`, { body: variables ? { variables } : {} }),
};
