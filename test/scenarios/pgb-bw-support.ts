import { expect } from 'vitest';
import type { LedgerTables } from '../../server/ledger/tables.ts';
import type { ApiClient } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { TODAY, doTask, openTask, procesVariabelen, until, zaak, type Accounts } from './prb-support.ts';

export { TODAY, accounts, doTask, openTask, procesVariabelen, until, zaak } from './prb-support.ts';

export const WERKGEVER = { naam: 'Groothandel Van Dijk', kvk: '12345678', iban: 'NL91ABNA0417164300' };
export const BEGELEIDER = { naam: 'Jobcoach Brabant', kvk: '87654321', iban: 'NL44RABO0123456789' };

export function aanmelding(over: Record<string, unknown> = {}) {
  return {
    aanmelding: {
      naam: 'Sanne de Wit',
      bsn: '111222333',
      email: 'sanne@example.nl',
      indicatieGeldig: 'ja',
      indicatieNiveau: 'basis',
      status: 'sw-werknemer',
      werktAlBegeleid: 'nee',
      motivatie: 'Ik wil bij een gewone werkgever werken, met een jobcoach die ik zelf kies.',
      instanties: ['sw-bedrijf'],
      adviseurGewenst: false,
      wervingskanaal: 'brief-met-antwoordstrook',
      toestemming: true,
      ...over,
    },
  };
}

type Deel = Record<string, unknown>;

/** An aanvraag that meets every condition of every shipped verordening (amounts in cents). */
export function aanvraag(over: { plan?: Deel; werkgever?: Deel; begeleidingsorganisatie?: Deel; werkplekaanpassing?: Deel | null; ondertekening?: Deel } = {}) {
  const wpa = over.werkplekaanpassing ?? null;
  return {
    aanvraag: {
      plan: { doel: 'Ik ga werken als magazijnmedewerker bij Van Dijk.', startdatum: TODAY, hulpBijAanvraag: 'geen', ...over.plan },
      werkgever: {
        ...WERKGEVER,
        functie: 'Magazijnmedewerker: orders verzamelen en inpakken.',
        contractMaanden: 12, urenPerWeek: 32, dagdelenPerWerkdag: 2,
        brutoLoonPerJaarCent: 2_400_000, werkgeverslastenPerJaarCent: 600_000,
        caoLoon: true, arbo: true, kredietwaardigheidAangetoond: true,
        voorgesteldeVergoedingPerJaarCent: 1_200_000, structureleKostenPerJaarCent: 0,
        ...over.werkgever,
      },
      begeleidingsorganisatie: {
        ...BEGELEIDER,
        gekwalificeerd: true, kennisEnErvaring: true, uwvErkenning: true, plaatsingsresultaten: true, kennisArbeidshandicap: true, brancheEnKeurmerk: true, schriftelijkeAfspraak: true,
        begeleidingUrenPerWeek: 2, uurtariefCent: 6_000, jobfinding: false,
        ...over.begeleidingsorganisatie,
      },
      werkplekaanpassingGevraagd: wpa !== null,
      ...(wpa ? { werkplekaanpassing: { omschrijving: 'Aangepaste werkplek', eenmalig: true, persoonsgebonden: true, nietRedelijkVoorWerkgever: true, deskundigenonderzoek: true, ...wpa } } : {}),
      ondertekening: {
        klant: { naam: 'Sanne de Wit', datum: TODAY },
        werkgever: { naam: 'P. van Dijk', datum: TODAY },
        begeleidingsorganisatie: { naam: 'M. Jansen', datum: TODAY },
        ...over.ondertekening,
      },
    },
  };
}

export async function aanmelden(klant: ApiClient, over: Record<string, unknown> = {}) {
  const started = await klant.post<{ id: string }>('/api/zaken', { regeling: 'pgb-bw', gegevens: aanmelding(over) });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.id;
}

export const orientatie = { orientatie: { gespreksdatum: TODAY, bevindingen: 'Gemotiveerd; kent de gevolgen van het verlaten van de Wsw-cao.', doorgaan: 'ja' } };

/** Aanmelding, oriëntatie and the aanvraag with both annexes; returns the zaak id. */
export async function totAanvraagIngediend(a: Accounts, opts: { aanmelding?: Record<string, unknown>; aanvraag?: Parameters<typeof aanvraag>[0] } = {}) {
  const id = await aanmelden(a.klant, opts.aanmelding);
  await doTask(a.km, id, 'Orientatie', orientatie);
  await doTask(a.klant, id, 'AanvraagOpstellen', aanvraag(opts.aanvraag));
  return id;
}

export interface Budget {
  uitkomst: string;
  discretionair: boolean;
  redenen: { code: string; omschrijving: string }[];
  beperkingen: { onderdeel: string; code: string | null }[];
  loonwaarde: { route: string };
  componenten: Record<string, number>;
  uitvoeringskostenCent: number;
  totaalPerJaarCent: number;
  beschikbaarCent: number;
  toekenningCent: number;
}

export const budgetVan = async (srv: TestServer, id: string) => (await procesVariabelen(srv, id)).budget as Budget;

export function beoordeling(advies: 'toekennen' | 'afwijzen', gronden: string[] = []) {
  return {
    beoordeling: {
      passend: 'ja',
      advies,
      ...(advies === 'afwijzen' ? { afwijzingsgronden: gronden } : {}),
      motivering: advies === 'toekennen' ? 'De werkplek is passend en het plan voldoet aan de verordening.' : 'De aanvraag voldoet niet aan de verordening.',
    },
  };
}

/** Waits until the beschikking is sent and the zaak shows its besluit. */
export function beschikt(a: Accounts, id: string) {
  return until(async () => {
    const z = await zaak(a.km, id);
    return z.documenten.some((d) => d.soort === 'beschikking') && z.bezwaar ? z : null;
  }, `beschikking van ${id}`);
}

/** Publishes a message for the zaak as the klantmanager registers it (loonopgave, factuur, plaatsing, …). */
export async function bericht(km: ApiClient, name: string, zaakId: string, variables: Record<string, unknown>, messageId: string) {
  const r = await km.post<{ correlated: boolean; buffered: boolean }>('/api/messages', { name, correlationKey: zaakId, variables, timeToLive: 86_400_000, messageId });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

export interface LedgerBetaling {
  verplichting_id: string | null;
  bedrag_cents: number;
  status: string;
  payee_naam: string;
  iban: string;
  reden_code: string | null;
  financieringsbron: string | null;
}

/** The zaak's betalingen straight from the ledger table (with the funding source the API does not show). */
export async function betalingen(srv: TestServer, zaakId: string): Promise<LedgerBetaling[]> {
  const rows = await srv.database.db
    .withTables<LedgerTables>()
    .selectFrom('betalingen')
    .select(['verplichting_id', 'bedrag_cents', 'status', 'payee_naam', 'iban', 'reden_code', 'financieringsbron', 'created_at'])
    .where('zaak_id', '=', zaakId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, bedrag_cents: Number(r.bedrag_cents) }));
}

/** Waits for the n-th betaling of the zaak (accepted or refused). */
export function wachtOpBetaling(srv: TestServer, zaakId: string, n: number) {
  return until(async () => {
    const rows = await betalingen(srv, zaakId);
    return rows.length >= n ? rows : null;
  }, `${n} betaling(en) in ${zaakId}`);
}

/** Waits until the latest pgb-bw-betaling job has completed with a result (also a refusal that books nothing). */
export function wachtOpBetaalUitkomst(srv: TestServer, zaakId: string, voorwaarde: (b: { uitkomst: string; redenCode: string | null; herhaald: boolean }) => boolean) {
  return until(async () => {
    const b = (await procesVariabelen(srv, zaakId)).betaling as { uitkomst: string; redenCode: string | null; herhaald: boolean } | undefined;
    return b && voorwaarde(b) ? b : null;
  }, `betaaluitkomst in ${zaakId}`);
}

/** Finance approves the payment waiting in this branch (werkgever, factuur or jobfinding): above € 1.000 (four eyes). */
export async function goedkeuren(fin: ApiClient, zaakId: string, tak: 'Werkgever' | 'Factuur' | 'Jobfinding') {
  await doTask(fin, zaakId, `BetalingGoedkeuren${tak}`, { goedkeuring: { besluit: 'goedgekeurd', toelichting: '' } });
}

/** Waits until the ledger row of this verplichting has the status. */
export function wachtOpStatus(srv: TestServer, zaakId: string, verplichting: string, status: string) {
  return until(async () => (await betalingen(srv, zaakId)).find((b) => b.verplichting_id === `${zaakId}:${verplichting}` && b.status === status), `${verplichting} ${status} in ${zaakId}`);
}

export { openTask as openTaak };
