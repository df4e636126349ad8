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
