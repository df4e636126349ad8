import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { ApiClient } from '../support/http.ts';
import { deployIntake, intakeCatalog, startIntake } from '../support/fixtures.ts';
import { startZaak } from '../../server/zaken/commands/start-zaak.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Walks every operation of the OpenAPI document. A route without a row here
 * fails the suite: adding a route means deciding who may call it.
 */
interface Fixtures {
  almereKlant1: string;
  almereKlant2: string;
  bredaKlant: string;
  almereTask: string;
  bredaTask: string;
  almereProcess: string;
  bredaProcess: string;
  almereZaak: string;
  bredaZaak: string;
  almereDoc: string;
  bredaDoc: string;
}
interface Row {
  path: (fx: Fixtures) => string;
  body?: unknown;
  /** Roles the rule lets through but for whom this fixture is not theirs to see (404, not 403). */
  hiddenFrom?: Role[];
  /** Same request against another tenant's resource: must be 404 for every allowed role. */
  otherTenantPath?: (fx: Fixtures) => string;
}

// The intake task is for the klantmanager group; only they and the manager see it.
const TASK_HIDDEN: Role[] = ['klant', 'pgb-adviseur', 'beslisser', 'financieel'];

const TABLE: Record<string, Row> = {
  health: { path: () => '/api/health' },
  openapi: { path: () => '/api/openapi.json' },
  login: { path: () => '/api/auth/login', body: { username: 'klant1.almere', password: 'regie-demo' } },
  logout: { path: () => '/api/auth/logout' },
  me: { path: () => '/api/me' },
  listOrganisaties: { path: () => '/api/organisaties' },
  getOrganisatie: { path: () => '/api/organisaties/almere', otherTenantPath: () => '/api/organisaties/breda' },
  listKlanten: { path: () => '/api/klanten' },
  getKlant: { path: (fx) => `/api/klanten/${fx.almereKlant1}`, otherTenantPath: (fx) => `/api/klanten/${fx.bredaKlant}` },
  createKlant: { path: () => '/api/klanten', body: { bsn: '111222333', naam: 'Nieuwe Klant' } },
  listGebruikers: { path: () => '/api/gebruikers' },
  listTasks: { path: () => '/api/tasks' },
  getTask: { path: (fx) => `/api/tasks/${fx.almereTask}`, hiddenFrom: TASK_HIDDEN, otherTenantPath: (fx) => `/api/tasks/${fx.bredaTask}` },
  getTaskForm: { path: (fx) => `/api/tasks/${fx.almereTask}/form`, hiddenFrom: TASK_HIDDEN, otherTenantPath: (fx) => `/api/tasks/${fx.bredaTask}/form` },
  claimTask: { path: (fx) => `/api/tasks/${fx.almereTask}/claim`, otherTenantPath: (fx) => `/api/tasks/${fx.bredaTask}/claim` },
  unclaimTask: { path: (fx) => `/api/tasks/${fx.almereTask}/unclaim`, otherTenantPath: (fx) => `/api/tasks/${fx.bredaTask}/unclaim` },
  completeTask: {
    path: (fx) => `/api/tasks/${fx.almereTask}/complete`,
    body: { variables: {} },
    otherTenantPath: (fx) => `/api/tasks/${fx.bredaTask}/complete`,
  },
  getForm: { path: () => '/api/forms/intake-test' },
  listProcesses: { path: () => '/api/processes' },
  getProcessXml: { path: (fx) => `/api/processes/${fx.almereProcess}/xml`, otherTenantPath: (fx) => `/api/processes/${fx.bredaProcess}/xml` },
  deploy: { path: () => '/api/deployments', body: { resources: [{ name: 'leeg.bpmn', content: '<niet-bpmn/>' }] } },
  listIncidents: { path: () => '/api/incidents' },
  retryIncident: { path: () => '/api/incidents/onbekend/retry', body: {} },
  publishMessage: { path: () => '/api/messages', body: { name: 'niemand-wacht', correlationKey: 'x' } },
  startZaak: { path: () => '/api/zaken', body: { regeling: 'prb', klantId: 'onbekend' } },
  listZaken: { path: () => '/api/zaken' },
  getZaak: { path: (fx) => `/api/zaken/${fx.almereZaak}`, otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}` },
  getAanmelding: { path: (fx) => `/api/zaken/${fx.almereZaak}/aanmelding`, otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/aanmelding` },
  downloadDocument: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/documenten/${fx.almereDoc}`,
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/documenten/${fx.bredaDoc}`,
  },
  uploadDocument: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/documenten?soort=bijlage&bestandsnaam=a.pdf`,
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/documenten?soort=bijlage&bestandsnaam=a.pdf`,
  },
  registreerContactmoment: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/contactmomenten`,
    body: { soort: 'telefoon', datum: '2026-11-20', samenvatting: 'Gebeld' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/contactmomenten`,
  },
  listBerichten: { path: () => '/api/berichten' },
  dienDeclaratieIn: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/declaraties`,
    body: { soort: 'factuur', verplichtingId: 'onbekend', bedragCents: 100, referentie: 'F1' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/declaraties`,
  },
  meldWerkGevonden: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/werk-gevonden`,
    body: { soort: 'vast', startdatum: '2026-12-01', werkgever: 'Bakkerij' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/werk-gevonden`,
  },
  maakBezwaar: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/bezwaar`,
    body: { gegevens: {} },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/bezwaar`,
  },
  trekAanvraagIn: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/intrekken`,
    body: {},
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/intrekken`,
  },
  listBetalingen: { path: () => '/api/betalingen' },
  listRegelingen: { path: () => '/api/regelingen' },
  pgbBwTrechter: { path: () => '/api/pgb-bw/trechter' },
  registreerPgbBwLoonopgave: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/loonopgave`,
    body: { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: 3, brutoLoonCent: 600_000 },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/loonopgave`,
  },
  registreerPgbBwFactuur: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/factuur`,
    body: { onderdeel: 'begeleiding', bedragCents: 48_000, referentie: 'JB-1', uren: 8, weken: 4 },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/factuur`,
  },
  registreerPgbBwPlaatsing: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/plaatsing`,
    body: { datum: '2026-01-05', contractGetekend: true, werkgever: 'Bakkerij' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/plaatsing`,
  },
  registreerPgbBwAanDeBeurt: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/aan-de-beurt`,
    body: { datum: '2026-07-01' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/aan-de-beurt`,
  },
  registreerPgbBwHerindicatie: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/herindicatie`,
    body: { datum: '2026-01-05', uitkomst: 'indicatie-blijft', toelichting: 'UWV: de indicatie blijft' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/herindicatie`,
  },
  registreerPgbBwEinde: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/pgb-bw/einde-dienstverband`,
    body: { reden: 'einde-dienstverband', einddatum: '2026-06-30', toelichting: 'Contract niet verlengd' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/pgb-bw/einde-dienstverband`,
  },
  // Aanbieders are platform-wide (not another tenant's resource); what a tenant sees of them is tested in test/aanbieders.
  listAanbieders: { path: () => '/api/aanbieders?regeling=pib' },
  getAanbieder: { path: () => '/api/aanbieders/demo-vakschool' },
  stelAanbiederVoor: {
    path: () => '/api/aanbieders/voorstellen',
    body: { naam: 'Nieuw BV', kvk: '91234567', iban: 'NL91ABNA0417164300', regeling: 'prb', diensten: ['Coaching'], regio: 'Flevoland', toelichting: 'Test' },
  },
  beoordeelAanbieder: { path: () => '/api/aanbieders/demo-vakschool/beoordeling', body: { besluit: 'afwijzen', reden: 'Test' } },
  zetAanbiederContract: { path: () => '/api/aanbieders/demo-vakschool/contract', body: { status: 'beeindigd', regelingen: ['prb'], sinds: '2026-01-01' } },
  listZaakAanbieders: { path: (fx) => `/api/zaken/${fx.almereZaak}/aanbieders`, otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/aanbieders` },
  mijnCaseload: { path: () => '/api/caseload' },
  doorlooptijden: { path: () => '/api/doorlooptijden' },
  doorlooptijdZaken: { path: () => '/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn' },
  getZaakProces: { path: (fx) => `/api/zaken/${fx.almereZaak}/proces`, otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/proces` },
  maakBetaalbatch: { path: () => '/api/betalingen/batches', body: { uitvoeringsdatum: '2026-12-01' } },
  downloadPain001: { path: () => '/api/betalingen/batches/onbekend/pain001', hiddenFrom: ['financieel'] },
  markeerBerichtGelezen: { path: () => '/api/berichten/onbekend/gelezen' },
  registreerIngebrekestelling: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/ingebrekestelling`,
    body: { ontvangen: '2026-01-05' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/ingebrekestelling`,
  },
  stelDwangsomVast: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/dwangsom-vaststelling`,
    body: {},
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/dwangsom-vaststelling`,
  },
  verdaagZaak: {
    path: (fx) => `/api/zaken/${fx.almereZaak}/verdagen`,
    body: { termijn: 'P2W', reden: 'test' },
    otherTenantPath: (fx) => `/api/zaken/${fx.bredaZaak}/verdagen`,
  },
};

type AccessExt = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[]; tenantScoped: boolean };
interface Operation {
  method: string;
  path: string;
  operationId: string;
  access: AccessExt;
}

const demoUser = (role: Role, tenant = 'almere') => (role === 'klant' ? `klant1.${tenant}` : `${role}.${tenant}`);

let srv: TestServer;
let fx: Fixtures;
let operations: Operation[];
const clients = new Map<string, ApiClient>();
async function as(username: string) {
  let c = clients.get(username);
  if (!c) {
    c = await ApiClient.as(srv.url, username);
    clients.set(username, c);
  }
  return c;
}

async function fingerprint() {
  const db = srv.database.db;
  const count = async (t: 'klanten' | 'tenants' | 'users' | 'user_roles') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { klanten: await count('klanten'), tenants: await count('tenants'), users: await count('users'), roles: await count('user_roles') };
}

beforeAll(async () => {
  srv = await startTestServer({ loginAttemptsPerIp: 10_000, catalog: intakeCatalog() });
  const db = srv.database.db;
  const klant = (username: string) =>
    db.selectFrom('users').select('klant_id').where('username', '=', username).executeTakeFirstOrThrow();
  const almere = await deployIntake(srv.engine, 'almere');
  const breda = await deployIntake(srv.engine, 'breda');
  const zaak = (tenantId: string, klantId: string) =>
    startZaak(db, srv.engine, {
      tenantId,
      regeling: 'prb',
      klantId,
      actor: 'test',
      bpmnProcessId: 'intake-test',
      policyId: null,
      doorlooptijd: 'P8W',
      servicenorm: 'P8W',
      variables: { deadline: '2030-01-01T09:00:00Z', klant: `klant1.${tenantId}` },
    });
  const almereZaak = (await zaak('almere', (await klant('klant1.almere')).klant_id!)).zaakId;
  const bredaZaak = (await zaak('breda', (await klant('klant1.breda')).klant_id!)).zaakId;
  const storeDoc = async (tenantId: string, zaakId: string) =>
    (
      await srv.services.documenten.opslaan({
        tenantId,
        zaakId,
        idempotencyKey: `doc-${zaakId}`,
        soort: 'beschikking',
        bestandsnaam: 'beschikking.pdf',
        mediaType: 'application/pdf',
        inhoud: Buffer.from('%PDF-1.4 test'),
        zichtbaarVoorKlant: true,
      })
    ).documentId;
  fx = {
    almereZaak,
    bredaZaak,
    almereDoc: await storeDoc('almere', almereZaak),
    bredaDoc: await storeDoc('breda', bredaZaak),
    almereKlant1: (await klant('klant1.almere')).klant_id!,
    almereKlant2: (await klant('klant2.almere')).klant_id!,
    bredaKlant: (await klant('klant1.breda')).klant_id!,
    // A klant task would be visible to klanten; the intake task is for the klantmanager group.
    almereTask: (await startIntake(srv.engine, 'almere')).taskKey,
    bredaTask: (await startIntake(srv.engine, 'breda')).taskKey,
    almereProcess: almere.processes[0]!.processDefinitionKey,
    bredaProcess: breda.processes[0]!.processDefinitionKey,
  };
  const doc = (await new ApiClient(srv.url).get<{ paths: Record<string, Record<string, { operationId: string; 'x-regie-access': AccessExt }>> }>('/api/openapi.json')).body;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId, access: op['x-regie-access'] })),
  );
});
afterAll(() => srv?.stop());

describe('authorization table', () => {
  it('has a row for every operation in the OpenAPI document, and no stale rows', () => {
    const ids = operations.map((o) => o.operationId);
    expect(ids.filter((id) => !(id in TABLE)), 'routes without an authorization row').toEqual([]);
    expect(Object.keys(TABLE).filter((id) => !ids.includes(id)), 'rows for routes that no longer exist').toEqual([]);
    for (const op of operations) expect(op.access, `${op.operationId} declares x-regie-access`).toBeDefined();
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    const anon = new ApiClient(srv.url);
    const before = await fingerprint();
    for (const op of operations.filter((o) => o.access.kind !== 'public')) {
      const row = TABLE[op.operationId]!;
      const res = await anon.request(op.method, row.path(fx), row.body);
      expect(res.status, `${op.method} ${op.path} anonymous`).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses every role that the rule does not name with 403, and changes nothing', async () => {
    const before = await fingerprint();
    let checked = 0;
    for (const op of operations) {
      if (op.access.kind !== 'roles') continue;
      const row = TABLE[op.operationId]!;
      for (const role of ROLES.filter((r) => !(op.access as { roles: Role[] }).roles.includes(r))) {
        const c = await as(demoUser(role));
        const res = await c.request(op.method, row.path(fx), row.body);
        expect(res.status, `${op.method} ${op.path} as ${role}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(await fingerprint()).toEqual(before);
  });

  it('lets every named role through the access rule (read routes; what they then see is scoped)', async () => {
    let checked = 0;
    for (const op of operations) {
      if (op.access.kind !== 'roles' || op.method !== 'GET') continue;
      for (const role of op.access.roles) {
        const c = await as(demoUser(role));
        const row = TABLE[op.operationId]!;
        const res = await c.get(row.path(fx));
        expect(res.status, `${op.method} ${op.path} as ${role}`).toBe(row.hiddenFrom?.includes(role) ? 404 : 200);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers 404 for another tenant\'s resource, for every role that may call the route', async () => {
    let checked = 0;
    for (const op of operations) {
      const row = TABLE[op.operationId]!;
      if (!row.otherTenantPath) continue;
      const roles = op.access.kind === 'roles' ? op.access.roles : ROLES;
      for (const role of roles) {
        const c = await as(demoUser(role));
        const res = await c.request(op.method, row.otherTenantPath(fx), row.body);
        expect(res.status, `${op.method} ${op.path} as ${role}.almere on breda`).toBe(404);
        expect((res.body as { detail: string }).detail).not.toMatch(/breda/i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(ROLES.length + 4);
  });

  it('refuses tenant-scoped routes to the platform beheerder, who has no tenant', async () => {
    const c = await as('beheerder');
    for (const op of operations) {
      if (op.access.kind !== 'roles' || !op.access.tenantScoped) continue;
      const row = TABLE[op.operationId]!;
      const res = await c.request(op.method, row.path(fx), row.body);
      expect(res.status, `${op.method} ${op.path} as platform beheerder`).toBe(403);
    }
  });

  it('shows a klant only their own record, not another klant of the same gemeente', async () => {
    const c = await as('klant1.almere');
    expect((await c.get(`/api/klanten/${fx.almereKlant1}`)).status).toBe(200);
    expect((await c.get(`/api/klanten/${fx.almereKlant2}`)).status).toBe(404);
  });

  it('limits organisaties and gebruikers to the caller\'s own tenant', async () => {
    const km = await as('klantmanager.almere');
    const orgs = (await km.get<{ id: string }[]>('/api/organisaties')).body;
    expect(orgs.map((o) => o.id)).toEqual(['almere']);
    const tenantAdmin = await as('beheerder.almere');
    const users = (await tenantAdmin.get<{ tenantId: string }[]>('/api/gebruikers?organisatie=breda')).body;
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => u.tenantId))).toEqual(new Set(['almere']));
    const platform = await as('beheerder');
    const all = (await platform.get<{ id: string }[]>('/api/organisaties')).body;
    expect(all).toHaveLength(16);
  });
});
