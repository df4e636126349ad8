import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine, type EngineEvent, type Job, type UserTask, type Variables } from '../../engine/index.ts';
import type { EngineTables } from '../../engine/embedded/store/tables.ts';
import { parseBron } from '../../workflows/prb/policy/schema.ts';
import { IRO_AXES, iroPolicies } from '../../workflows/iro/policy/schema.ts';
import { pibPolicies } from '../../workflows/pib/policy/schema.ts';
import { parseSourcedPolicy, SourcedPolicyError } from '../../workflows/shared/sourced-policy.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const sources = path.join(root, '..', 'shared', 'sources');
const BpmnModdle = require('bpmn-moddle') as new (extensions: Record<string, unknown>) => {
  fromXML(xml: string): Promise<{ rootElement: { rootElements: { $type: string; id: string; flowElements?: { id: string; $type: string }[]; plane?: unknown }[]; diagrams: { plane: { planeElement: { bpmnElement: { id: string } }[] } }[] } }>;
};
const zeebe: unknown = require('zeebe-bpmn-moddle/resources/zeebe.json');

const policies = [
  ...['iro', 'rio'].flatMap((r) => iroPolicies(r as 'iro' | 'rio').tenants().map((t) => iroPolicies(r as 'iro' | 'rio').policyFor(t, '2026-01-01')!)),
  ...pibPolicies().tenants().map((t) => pibPolicies().policyFor(t, '2026-01-01')!),
];

describe('policies of iro (UWV), rio (Rotterdam) and pib (Almere)', () => {
  it('are loaded for the tenants that run them', () => {
    expect(policies.map((p) => p.id).sort()).toEqual(['almere:pib:2009-01-01', 'rotterdam:rio:2009-10-01', 'uwv:iro:2009-01-01']);
  });

  it('refer only to source lines that exist and are not empty', () => {
    const lines = new Map<string, string[]>();
    const file = (code: string) => {
      const name = /^seed-(\d{3})$/.exec(code)?.[1] ?? code.slice(0, 3);
      const full = readdirSync(sources).find((f) => f.startsWith(`${name}_`))!;
      if (!lines.has(full)) lines.set(full, readFileSync(path.join(sources, full), 'utf8').split('\n'));
      return lines.get(full)!;
    };
    let checked = 0;
    for (const p of policies) {
      for (const [axis, { bron }] of Object.entries(p.bronnen)) {
        const parsed = parseBron(bron);
        expect(parsed, `${p.id} ${axis}: ${bron}`).not.toBeNull();
        if (parsed?.soort !== 'regels') continue;
        for (const v of parsed.verwijzingen) {
          for (let l = v.van; l <= v.tot; l++) {
            expect(file(v.bestand)[l - 1]?.trim(), `${p.id} ${axis}: ${v.bestand} L${l}`).toBeTruthy();
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses "preset-default" (these regelingen have no presets) and an assumption without a reason', () => {
    const file = JSON.parse(readFileSync(path.join(root, 'workflows', 'iro', 'policies', 'uwv.json'), 'utf8'));
    const preset = structuredClone(file);
    preset.versies[0].plafondCent.bron = 'preset-default';
    expect(() => parseSourcedPolicy('iro', IRO_AXES, preset, 'uwv.json')).toThrow(/kent geen presets/);
    const zonderReden = structuredClone(file);
    delete zonderReden.versies[0].noCureLessPay.toelichting;
    expect(() => parseSourcedPolicy('iro', IRO_AXES, zonderReden, 'uwv.json')).toThrow(SourcedPolicyError);
    const typo = structuredClone(file);
    typo.versies[0].plafond = typo.versies[0].plafondCent;
    expect(() => parseSourcedPolicy('iro', IRO_AXES, typo, 'uwv.json')).toThrow(/plafond/);
  });
});

describe('diagrams carry diagram interchange for every element (bpmn-js draws them)', () => {
  for (const f of ['iro/iro.bpmn', 'rio/rio.bpmn', 'pib/pib.bpmn']) {
    it(f, async () => {
      const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(readFileSync(path.join(root, 'workflows', f), 'utf8'));
      const process = rootElement.rootElements.find((e) => e.$type === 'bpmn:Process')!;
      const drawn = new Set(rootElement.diagrams[0]!.plane.planeElement.map((e) => e.bpmnElement.id));
      // elements inside a subprocess (Aanvraag) are drawn too
      type El = { id: string; $type: string; flowElements?: El[] };
      const all = (els: El[]): string[] => els.flatMap((e) => [e.id, ...all(e.flowElements ?? [])]);
      const elements = all(process.flowElements!);
      expect(elements.length).toBeGreaterThan(20);
      expect(elements).toEqual(expect.arrayContaining(['Aanvraag', 'AanvraagStart', 'Beoordeling', 'Ingetrokken', 'NotificatieIngetrokken', 'AfsluitenIngetrokken', 'EindIngetrokken']));
      expect(elements.filter((id) => !drawn.has(id))).toEqual([]);
    });
  }
});

// ------------------------------------------------------------------ intrekken (withdrawal) on the engine

/**
 * The diagrams themselves on the embedded engine, with SCRIPTED workers (as prb-paths.test.ts): the
 * real workers have their own tests, and the tasks complete with only what the gateways and scripted
 * besluit read (the forms are covered by the scenarios). What is tested is where `<id>-ingetrokken`
 * can end the zaak: from the start of the instance up to the besluit, and not after it.
 */
describe('withdrawal of the aanvraag (iro, rio, pib) on the embedded engine (scripted workers)', () => {
  const TENANT = 'uwv';
  const TODAY = '2026-03-02';
  let database: TestDatabase;
  let engine: EmbeddedEngine;
  interface JobRecord { processInstanceKey: string; type: string; elementId: string; headers: Record<string, string> }
  const jobs: JobRecord[] = [];
  const geweigerd = new Set<string>();

  const besluit = (job: Job) => {
    const soort = job.customHeaders.soort!;
    const advies = (job.variables.beoordeling as { advies?: string } | undefined)?.advies;
    const uitkomst = soort === 'afwijzing-toelating' ? 'niet-toegelaten' : advies === 'toekennen' ? 'toekenning' : 'afwijzing';
    return { besluit: { id: `BES-${job.key}`, soort, uitkomst, datum: TODAY } };
  };
  const geenGoedkeuring = { betaling: { uitkomst: 'gereserveerd', betalingId: 'BET-1', status: 'goedgekeurd', financieGoedkeuringNodig: false } };
  const script: Record<string, (job: Job) => Variables> = {
    'iro-toelating': (job) => ({ toelating: { toegelaten: !geweigerd.has(String(job.variables.zaakId)), redenen: [] } }),
    'pib-toelating': (job) => ({ toelating: { toegelaten: !geweigerd.has(String(job.variables.zaakId)), redenen: [] } }),
    'iro-rib-pool': () => ({ ribOpties: [{ label: 'Werkroute', value: 'demo-werkroute' }] }),
    'iro-aanbieder-kiezen': () => ({ rib: { id: 'demo-werkroute', naam: 'Werkroute', kvk: '12345678' } }),
    'iro-plan-toets': () => ({ planToets: { prijsCent: 500_000, plafondCent: 500_000, bevindingen: [] } }),
    'iro-besluit': besluit,
    'iro-beschikking': (job) => ({ beschikking: { documentId: `DOC-${job.key}`, verzenddatum: TODAY } }),
    'iro-betaling': () => geenGoedkeuring,
    'iro-resultaat': (job) => ({ resultaat: job.customHeaders.resultaat }),
    'rio-toelating': (job) => ({ toelating: { toegelaten: !geweigerd.has(String(job.variables.zaakId)), redenen: [] } }),
    'rio-rib-pool': () => ({ ribOpties: [{ label: 'Havenwerk', value: 'demo-havenwerk' }] }),
    'rio-aanbieder-kiezen': () => ({ rib: { id: 'demo-havenwerk', naam: 'Havenwerk', kvk: '12345678' } }),
    'rio-plan-toets': () => ({ planToets: { prijsCent: 500_000, plafondCent: 500_000, bevindingen: [] } }),
    'rio-besluit': besluit,
    'rio-beschikking': (job) => ({ beschikking: { documentId: `DOC-${job.key}`, verzenddatum: TODAY } }),
    'rio-betaling': () => geenGoedkeuring,
    'rio-resultaat': (job) => ({ resultaat: job.customHeaders.resultaat }),
    'pib-aanbieder-pool': () => ({ aanbiederOpties: [] }),
    'pib-aanbieders-kiezen': () => ({ aanbieders: [] }),
    'pib-programma-toets': () => ({ programmaToets: { bevindingen: [] } }),
    'pib-besluit': besluit,
    'pib-beschikking': (job) => ({ beschikking: { documentId: `DOC-${job.key}`, verzenddatum: TODAY } }),
    'pib-open-betalingen': () => ({ openBetalingen: 0 }),
    'pib-resultaat': () => ({ resultaat: 'afgerond' }),
    notificatie: () => ({}),
    'zaak-afsluiten': () => ({}),
  };

  async function until<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timeout: ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function start(bpmnProcessId: 'iro' | 'rio' | 'pib', zaakId: string, extra: Variables = {}): Promise<string> {
    const variables: Variables = {
      zaakId,
      regeling: bpmnProcessId,
      klant: 'klant-1',
      policy: { id: `${TENANT}:${bpmnProcessId}:2009-01-01` },
      plaatsingsduur: 'P6M',
      termijnen: { startdatum: TODAY, einddatumGepland: '2026-04-27', uiterlijkeEinddatumAfdoening: '2026-06-22' },
      ...extra,
    };
    return (await engine.createProcessInstance({ tenantId: TENANT, bpmnProcessId, variables })).processInstanceKey;
  }

  const openTask = (key: string, elementId: string): Promise<UserTask> =>
    until(async () => (await engine.queryUserTasks({ tenantId: TENANT, processInstanceKey: key, elementId, state: 'created' }))[0], `task ${elementId}`);

  async function complete(key: string, elementId: string, variables: Variables = {}): Promise<void> {
    await engine.completeUserTask({ userTaskKey: (await openTask(key, elementId)).userTaskKey, variables });
  }

  async function ended(key: string, endEvent: string): Promise<EngineEvent[]> {
    await until(async () => {
      const i = await engine.getProcessInstance(key);
      return i && i.state !== 'active' ? i : null;
    }, `instance ${key} ends`);
    const events = await engine.queryEvents({ tenantId: TENANT, processInstanceKey: key });
    const einden = new Set(['EindIngetrokken', 'EindNietToegelaten', 'EindAfgewezen', 'EindNietGeplaatst', 'EindPlaatsingMislukt', 'EindGeplaatst', 'EindAfgerond']);
    expect(events.filter((e) => e.type === 'element.completed' && einden.has(e.elementId ?? '')).map((e) => e.elementId)).toEqual([endEvent]);
    expect(await engine.listIncidents({ tenantId: TENANT, processInstanceKey: key, state: 'active' })).toEqual([]);
    return events;
  }

  const jobsOf = (key: string, type?: string) => jobs.filter((j) => j.processInstanceKey === key && (type === undefined || j.type === type));
  const afsluitredenen = (key: string) => jobsOf(key, 'zaak-afsluiten').map((j) => j.headers.afsluitreden);

  /** Publishes the withdrawal as the server does (correlationKey = zaak id, not buffered). */
  const intrekken = (bpmnProcessId: string, zaakId: string) =>
    engine.publishMessage({ tenantId: TENANT, name: `${bpmnProcessId}-ingetrokken`, correlationKey: zaakId, timeToLive: 0 });

  /** The withdrawal ended the zaak: the open task canceled, intrekking confirmed, zaak closed `ingetrokken`. */
  async function expectIngetrokken(key: string, openElement: string) {
    const events = await ended(key, 'EindIngetrokken');
    expect(events.some((e) => e.type === 'user_task.canceled' && e.elementId === openElement)).toBe(true);
    expect(jobsOf(key, 'notificatie').map((j) => j.headers.bericht)).toEqual(['aanvraag-ingetrokken']);
    expect(afsluitredenen(key)).toEqual(['ingetrokken']);
    expect(jobsOf(key).some((j) => j.type.endsWith('-besluit'))).toBe(false);
    expect(events.filter((e) => e.type === 'element.entered' && e.phase).at(-1)?.phase).toBe('afsluiting');
  }

  /** iro and rio: from the start of the instance to a decided toekenning, the startdeel paid, TrajectVolgen open. */
  async function iroTotUitvoering(regeling: 'iro' | 'rio', zaakId: string): Promise<string> {
    const key = await start(regeling, zaakId);
    await complete(key, 'AfstandBepalen', regeling === 'iro' ? { afstand: { indicatie: 'volledig-traject' } } : { intake: { regulierTrajectKansrijk: 'nee' } });
    if (regeling === 'iro') await complete(key, 'Voorlichting', { voorlichting: { gegeven: true } });
    await complete(key, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute' } });
    await complete(key, 'Trajectplan', { trajectplan: { prijsCent: 500_000 } });
    await complete(key, 'Beoordeling', { beoordeling: { advies: 'toekennen', bedragCent: 500_000, afwijzingsgronden: [] } });
    await openTask(key, 'TrajectVolgen');
    return key;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = new EmbeddedEngine({ db: database.db as unknown as Kysely<EngineTables>, schedulerIntervalMs: 50 });
    await engine.start();
    const resources = ['iro/iro.bpmn', 'rio/rio.bpmn', 'pib/pib.bpmn'].map((f) => ({ name: path.basename(f), content: readFileSync(path.join(root, 'workflows', f), 'utf8') }));
    for (const dir of ['iro', 'rio', 'pib', 'prb']) {
      for (const f of readdirSync(path.join(root, 'workflows', dir, 'forms'))) resources.push({ name: f, content: readFileSync(path.join(root, 'workflows', dir, 'forms', f), 'utf8') });
    }
    const deployed = await engine.deployResource({ tenantId: TENANT, resources });
    expect(deployed.processes.map((p) => p.bpmnProcessId).sort()).toEqual(['iro', 'pib', 'rio']);
    for (const [type, fn] of Object.entries(script)) {
      engine.createWorker({
        taskType: type,
        pollInterval: 20,
        taskHandler: async (job) => {
          jobs.push({ processInstanceKey: job.processInstanceKey, type, elementId: job.elementId, headers: job.customHeaders });
          await job.complete(fn(job));
        },
      });
    }
  });

  afterAll(async () => {
    await engine?.stop();
    await database?.drop();
  });

  it('iro: withdrawn while the first task (AfstandBepalen) is open, ends "Ingetrokken"', async () => {
    const key = await start('iro', 'Z-IRO-IN');
    await openTask(key, 'AfstandBepalen');
    const r = await intrekken('iro', 'Z-IRO-IN');
    expect(r.correlatedProcessInstanceKeys).toEqual([key]);
    await expectIngetrokken(key, 'AfstandBepalen');
    expect(jobsOf(key, 'iro-toelating')).toEqual([]);
  });

  it('iro: after the besluit the withdrawal correlates to nothing and the traject runs on to its own end', async () => {
    const key = await iroTotUitvoering('iro', 'Z-IRO-NA');
    expect(jobsOf(key, 'iro-besluit').map((j) => j.headers.soort)).toEqual(['aanvraag']);
    const r = await intrekken('iro', 'Z-IRO-NA');
    expect(r.correlatedProcessInstanceKeys).toEqual([]);
    expect((await engine.getProcessInstance(key))?.state).toBe('active');
    await complete(key, 'TrajectVolgen', { uitvoering: { rapportages: [], uitkomst: 'voortijdig-gestopt' } });
    const events = await ended(key, 'EindNietGeplaatst');
    expect(events.some((e) => e.type === 'user_task.canceled')).toBe(false);
    expect(afsluitredenen(key)).toEqual(['niet-geplaatst']);
  });

  it('iro: a withdrawal for another zaak does not touch this one', async () => {
    const key = await start('iro', 'Z-IRO-ANDER');
    await openTask(key, 'AfstandBepalen');
    expect((await intrekken('iro', 'Z-IRO-ONBEKEND')).correlatedProcessInstanceKeys).toEqual([]);
    expect((await intrekken('rio', 'Z-IRO-ANDER')).correlatedProcessInstanceKeys).toEqual([]);
    expect((await engine.getProcessInstance(key))?.state).toBe('active');
    await openTask(key, 'AfstandBepalen');
  });

  it('iro: not admitted still gets its besluit and beschikking and ends "Niet toegelaten" (no withdrawal after that besluit)', async () => {
    geweigerd.add('Z-IRO-NT');
    const key = await start('iro', 'Z-IRO-NT');
    await complete(key, 'AfstandBepalen', { afstand: { indicatie: 'werkfit' } });
    await ended(key, 'EindNietToegelaten');
    expect(jobsOf(key).map((j) => `${j.type}:${j.headers.soort ?? j.headers.afsluitreden ?? j.headers.bericht ?? ''}`)).toEqual([
      'iro-toelating:',
      'iro-besluit:afwijzing-toelating',
      'iro-beschikking:afwijzing-toelating',
      'notificatie:besluit-verzonden',
      'zaak-afsluiten:niet-toegelaten',
    ]);
    expect((await intrekken('iro', 'Z-IRO-NT')).correlatedProcessInstanceKeys).toEqual([]);
  });

  it('iro: reopened for toelating after a gegrond bezwaar, the aanvraag starts at Voorlichting and can still be withdrawn', async () => {
    // the reopened instance carries the refused instance's variables (docs/bezwaar.md), its toelating too
    const key = await start('iro', 'Z-IRO-HER', { toelating: { toegelaten: false, redenen: [] }, heroverweging: { stap: 'toelating', bezwaarZaakId: 'BZ-1', besluitOpBezwaarId: 'J-1', budgetCent: null, motivering: 'Gegrond.' } });
    await openTask(key, 'Voorlichting');
    expect(await engine.queryUserTasks({ tenantId: TENANT, processInstanceKey: key, elementId: 'AfstandBepalen' })).toEqual([]);
    expect((await intrekken('iro', 'Z-IRO-HER')).correlatedProcessInstanceKeys).toEqual([key]);
    await expectIngetrokken(key, 'Voorlichting');
  });

  it('rio: withdrawn while the Beoordeling (the last step before the besluit) is open, ends "Ingetrokken"', async () => {
    const key = await start('rio', 'Z-RIO-IN');
    await complete(key, 'AfstandBepalen', { intake: { regulierTrajectKansrijk: 'nee' } });
    await complete(key, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute' } });
    await complete(key, 'Trajectplan', { trajectplan: { prijsCent: 500_000 } });
    await openTask(key, 'Beoordeling');
    const r = await intrekken('rio', 'Z-RIO-IN');
    expect(r.correlatedProcessInstanceKeys).toEqual([key]);
    await expectIngetrokken(key, 'Beoordeling');
  });

  it('rio: after the besluit the withdrawal correlates to nothing and the traject runs on to its own end', async () => {
    const key = await iroTotUitvoering('rio', 'Z-RIO-NA');
    const r = await intrekken('rio', 'Z-RIO-NA');
    expect(r.correlatedProcessInstanceKeys).toEqual([]);
    expect((await engine.getProcessInstance(key))?.state).toBe('active');
    await complete(key, 'TrajectVolgen', { uitvoering: { rapportages: [], uitkomst: 'voortijdig-gestopt' } });
    await ended(key, 'EindNietGeplaatst');
    expect(afsluitredenen(key)).toEqual(['niet-geplaatst']);
  });

  it('pib: withdrawn while the inburgeraar draws up the programme, ends "Ingetrokken"', async () => {
    const key = await start('pib', 'Z-PIB-IN');
    await openTask(key, 'Programma');
    const r = await intrekken('pib', 'Z-PIB-IN');
    expect(r.correlatedProcessInstanceKeys).toEqual([key]);
    await expectIngetrokken(key, 'Programma');
  });

  it('pib: after the besluit the withdrawal correlates to nothing and the programme runs on to its own end', async () => {
    const key = await start('pib', 'Z-PIB-NA');
    await complete(key, 'Programma', { programma: { onderdelen: [] } });
    await complete(key, 'Beoordeling', { beoordeling: { advies: 'toekennen', afwijzingsgronden: [] } });
    await openTask(key, 'TrajectVolgen');
    expect(jobsOf(key, 'pib-besluit').map((j) => j.headers.soort)).toEqual(['aanvraag']);
    const r = await intrekken('pib', 'Z-PIB-NA');
    expect(r.correlatedProcessInstanceKeys).toEqual([]);
    expect((await engine.getProcessInstance(key))?.state).toBe('active');
    await complete(key, 'TrajectVolgen', { voortgang: { rapportages: [], afgerond: true } });
    await complete(key, 'Verantwoording', { verantwoording: { programma: 'afgerond' } });
    await ended(key, 'EindAfgerond');
    expect(afsluitredenen(key)).toEqual(['programma-afgerond']);
  });

  it('pib: not admitted ends "Niet toegelaten" through the besluit', async () => {
    geweigerd.add('Z-PIB-NT');
    const key = await start('pib', 'Z-PIB-NT');
    await ended(key, 'EindNietToegelaten');
    expect(afsluitredenen(key)).toEqual(['niet-toegelaten']);
    expect(jobsOf(key, 'pib-besluit').map((j) => j.headers.soort)).toEqual(['afwijzing-toelating']);
  });
});
