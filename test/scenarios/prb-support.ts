import { expect } from 'vitest';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { ApiClient } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';

export const TODAY = todayInAmsterdam(new Date());
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export interface Task {
  key: string;
  elementId: string;
  formId: string | null;
  assignee: string | null;
}

export async function until<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The open task with this element id in the zaak, as the caller sees it in the werkvoorraad. */
export function openTask(c: ApiClient, zaakId: string, elementId: string): Promise<Task> {
  return until(async () => (await c.get<{ items: Task[] }>(`/api/tasks?zaakId=${zaakId}&pageSize=100`)).body.items.find((t) => t.elementId === elementId), `${elementId} in ${zaakId}`);
}

/** Claims (when needed) and completes a task through the API, as the UI does. */
export async function doTask(c: ApiClient, zaakId: string, elementId: string, variables: Record<string, unknown>) {
  const task = await openTask(c, zaakId, elementId);
  if (!task.assignee) {
    const claim = await c.post(`/api/tasks/${task.key}/claim`);
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
  }
  const res = await c.post(`/api/tasks/${task.key}/complete`, { variables });
  expect(res.status, `${elementId}: ${JSON.stringify(res.body)}`).toBe(204);
  return task;
}

export interface ZaakDetail {
  id: string;
  identificatie: string;
  status: string;
  fase: string | null;
  resultaat: string | null;
  startdatum: string;
  hoofdzaakId: string | null;
  processInstanceKey: string | null;
  klok: { afgehandeld: boolean; opgeschort: boolean; uiterlijkeEinddatumAfdoening: string };
  budget: { toegekendCents: number; gereserveerdCents: number; betaaldCents: number; resterendCents: number; betalingen: { id: string; status: string; bedragCents: number }[] } | null;
  documenten: { id: string; soort: string }[];
  bezwaar: { mogelijk: boolean; uiterlijkeReactiedatum: string } | null;
}

export const zaak = (c: ApiClient, id: string) => c.get<ZaakDetail>(`/api/zaken/${id}`).then((r) => r.body);

export function aanmelding(overrides: Record<string, unknown> = {}) {
  return {
    aanmelding: {
      naam: 'Fatima el Amrani',
      bsn: '111222333',
      geboortedatum: '1980-03-14',
      contact: { email: 'fatima@example.nl', postcode: '1315 AB', huisnummer: '12' },
      uitkering: 'WWB',
      uitkeringSinds: '2024-01-01',
      anderTraject: 'nee',
      beschikbaarVoorArbeid: 'ja',
      alleenstaandeOuder: 'nee',
      motivatie: 'Ik wil zelf kiezen hoe ik weer aan het werk kom, met een opleiding tot kok die bij mij past.',
      toestemming: true,
      ...overrides,
    },
  };
}

export const intake = {
  intake: {
    gespreksdatum: TODAY,
    weten: 'Kent de regionale vraag naar koks.',
    willen: 'Wil als kok aan de slag.',
    kunnen: 'Heeft ervaring in de horeca, mist een diploma.',
    motivatie: 'meer', zelfredzaamheid: 'meer', zelfbewustheid: 'evenveel', initiatief: 'meer', socialeVaardigheden: 'evenveel', realistischZelfbeeld: 'evenveel', doorzettingsvermogen: 'meer',
    gewensteRol: 'regie-en-inkoop',
  },
};

export const orientatie = { orientatie: { begeleider: 'Tempo Team', urenBegeleiding: 12, besteedCent: '300,00', bevindingen: 'Kiest voor de koksopleiding.', advies: 'doorgaan' } };

export const ROC = { naam: 'ROC Flevoland', kvk: '12345678', iban: 'NL91ABNA0417164300' };
export const COACH = { naam: 'Coachpraktijk Almere', kvk: '87654321', iban: 'NL44RABO0123456789' };

export function trajectplan(begroting?: unknown[]) {
  return {
    trajectplan: {
      voorwoord: 'Ik zit sinds 2024 in de bijstand en wil weer werken.',
      doel: 'Werk als kok in een restaurant.',
      beoogdBeroep: 'Kok',
      arbeidsmarktperspectief: 'Er zijn veel vacatures voor koks in Almere.',
      randvoorwaarden: 'Kinderopvang is geregeld.',
      activiteiten: [
        { omschrijving: 'Koksopleiding niveau 2', startdatum: inDays(30), einddatum: inDays(200), verwachtResultaat: 'Diploma kok' },
        { omschrijving: 'Coaching naar werk', startdatum: inDays(30), einddatum: inDays(300), verwachtResultaat: 'Baan als kok' },
      ],
      begroting: begroting ?? [
        { categorie: 'scholing-vaardigheden', omschrijving: 'Koksopleiding', aanbieder: ROC.naam, activiteitNr: 1, kvk: ROC.kvk, iban: ROC.iban, bedragCent: '3.000,00', offertes: ['offerte-roc-1', 'offerte-roc-2'] },
        { categorie: 'coaching', omschrijving: 'Coaching', aanbieder: COACH.naam, activiteitNr: 2, kvk: COACH.kvk, iban: COACH.iban, bedragCent: '1.500,00', offertes: ['offerte-coach-1', 'offerte-coach-2'] },
      ],
      hoofdaanbieder: ROC,
      voortgangsafspraak: 'P2M',
      hulpBijOpstellen: ['klant-zelf', 'klantmanager'],
      hulpToelichting: 'Samen de begroting nagelopen.',
    },
  };
}

export function beoordeling(advies: 'toekennen' | 'afwijzen', budget = '4.500,00') {
  return {
    beoordeling: {
      rechtmatigheid: 'voldoet', doelmatigheid: 'voldoet', haalbaarheid: advies === 'toekennen' ? 'voldoet' : 'voldoet-niet',
      routeNaarWerk: 'ja', binnenBudget: 'ja', nietsUitgesloten: 'ja', smart: ['specifiek', 'meetbaar'],
      advies,
      ...(advies === 'toekennen' ? { voorgesteldBudgetCent: budget } : { afwijzingsgronden: ['plan-onvoldoende'] }),
      motivering: 'Het plan is concreet en leidt in redelijkheid tot betaald werk.',
    },
  };
}

export const eindgesprek = { eindgesprek: { datum: TODAY, resultaat: 'betaald-werk', soortUitstroom: 'vast', functie: 'Kok', verantwoording: 'volledig', tevredenheid: 8 } };

export async function klantIdOf(srv: TestServer, username: string) {
  return (await srv.database.db.selectFrom('users').select('klant_id').where('username', '=', username).executeTakeFirstOrThrow()).klant_id!;
}

export interface Bericht {
  onderwerp: string;
  tekst: string;
  zaakId: string | null;
}

/** The caller's in-app berichten (klant or staff). */
export const berichten = (c: ApiClient) => c.get<Bericht[]>('/api/berichten').then((r) => r.body);

/** The demo accounts of one gemeente that the prb scenarios need. */
export async function accounts(srv: TestServer, tenant: string, klantNr = 1) {
  const [klant, km, beslisser, fin] = await Promise.all(
    [`klant${klantNr}.${tenant}`, `klantmanager.${tenant}`, `beslisser.${tenant}`, `financieel.${tenant}`].map((u) => ApiClient.as(srv.url, u)),
  );
  return { klant: klant!, km: km!, beslisser: beslisser!, fin: fin! };
}
export type Accounts = Awaited<ReturnType<typeof accounts>>;

/** Starts a prb zaak as the klant; returns its id. */
export async function aanmelden(klant: ApiClient, overrides: Record<string, unknown> = {}) {
  const started = await klant.post<{ id: string }>('/api/zaken', { regeling: 'prb', gegevens: aanmelding(overrides) });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.id;
}

/** Intake and (when the gemeente has one) the oriëntatiefase, then the klant's trajectplan. */
export async function totPlanIngediend(a: Accounts, id: string, plan: Record<string, unknown> = trajectplan(), opts: { orientatie?: boolean } = {}) {
  await doTask(a.km, id, 'Intake', intake);
  if (opts.orientatie ?? true) await doTask(a.km, id, 'Orientatie', orientatie);
  await doTask(a.klant, id, 'Trajectplan', plan);
}

/** Beoordeling (toekennen) by the klantmanager, besluit by the beslisser; waits for the beschikking and the budget. */
export async function toekennen(a: Accounts, id: string, budget: string, voorgesteld = budget) {
  await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen', voorgesteld));
  await doTask(a.beslisser, id, 'BesluitNemen', { beslissing: { uitkomst: 'toekennen', budgetCent: budget, motivering: 'Het plan past binnen het budget en leidt naar werk.' } });
  return until(async () => {
    const z = await zaak(a.klant, id);
    return z.documenten.some((d) => d.soort === 'beschikking') && z.budget && z.bezwaar ? z : null;
  }, `beschikking en budget van ${id}`);
}

/** A whole aanvraag up to a toekenning, ready for uitvoering (TrajectVolgen open). */
export async function toegekendeZaak(a: Accounts, opts: { aanmelding?: Record<string, unknown>; plan?: Record<string, unknown>; budget?: string; orientatie?: boolean } = {}) {
  const id = await aanmelden(a.klant, opts.aanmelding);
  await totPlanIngediend(a, id, opts.plan, { orientatie: opts.orientatie });
  const z = await toekennen(a, id, opts.budget ?? '4.500,00');
  await openTask(a.km, id, 'TrajectVolgen');
  return { id, zaak: z };
}

/** Declaratie or factuur as the klant forwards it. */
export function factuur(c: ApiClient, id: string, regel: number, bedragCents: number, referentie: string) {
  return c.post<{ messageKey: string; verwerkt: boolean }>(`/api/zaken/${id}/declaraties`, {
    soort: 'factuur',
    verplichtingId: `${id}:r${regel}`,
    bedragCents,
    referentie,
    omschrijving: `Factuur ${referentie}`,
  });
}

/** The process instance's variables, read through the engine (not the API): for assertions on what the diagram carries. */
export async function procesVariabelen(srv: TestServer, zaakId: string) {
  const row = await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', zaakId).executeTakeFirstOrThrow();
  const instance = await srv.engine.getProcessInstance(row.process_instance_key!);
  return (instance?.variables ?? {}) as Record<string, unknown>;
}
