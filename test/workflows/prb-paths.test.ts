import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine, type EngineEvent, type Job, type UserTask, type Variables } from '../../engine/index.ts';
import type { EngineTables } from '../../engine/embedded/store/tables.ts';
import { compileForm, loadFormSchema, type CompiledForm } from '../../forms/index.ts';
import { policyFor } from '../../workflows/prb/policy/load.ts';
import { AXIS_KEYS, type PrbPolicy } from '../../workflows/prb/policy/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/**
 * Path tests for workflows/prb/prb.bpmn on the embedded engine. The job handlers below are
 * SCRIPTED: they return fixed outputs in the shape of workflows/prb/process.md and stand in for
 * the real workers (toelating, plan-toets, besluit, beschikking, betaling, …), which have their
 * own tests. What is tested here is the diagram: routing, waits, boundaries, messages, timers,
 * phases, and that every user task completes with a payload its own form accepts.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const workflowDir = path.join(here, '..', '..', 'workflows', 'prb');
const TENANT = 'almere';
const TODAY = '2026-03-02';

let database: TestDatabase;
let engine: EmbeddedEngine;
const forms = new Map<string, CompiledForm>();

interface Scenario {
  toegelaten?: boolean;
  /** How many plan-toets runs say "incomplete" before one says complete. */
  onvolledig?: number;
  vierOgen?: boolean;
}
const scenarios = new Map<string, Scenario>();
const planToetsRuns = new Map<string, number>();
interface JobRecord {
  zaakId: string;
  type: string;
  elementId: string;
  headers: Record<string, string>;
  variables: Variables;
}
const jobs: JobRecord[] = [];
let betalingSeq = 0;

/** The `policy` start variable as process.md defines it: every axis unwrapped to its waarde. */
function procesbeleid(p: PrbPolicy, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const axes = Object.fromEntries(AXIS_KEYS.map((k) => [k, p[k].waarde]));
  return { id: p.id, tenantId: p.tenantId, gemeente: p.gemeente, ingangsdatum: p.ingangsdatum, hash: p.hash, preset: p.preset.waarde, ...axes, ...overrides };
}

function startVariables(zaakId: string, policyOverrides: Record<string, unknown> = {}, extra: Variables = {}): Variables {
  return {
    zaakId,
    regeling: 'prb',
    klant: 'klant-almere-1',
    klantId: 'K-1',
    klantNaam: 'A. de Vries',
    klantFeiten: { woontInGemeente: true, uitkering: { soort: 'WWB', duurMaanden: 14 }, beschikbaarVoorArbeid: true, lopendAnderTraject: false },
    policy: procesbeleid(policyFor(TENANT, 'prb', TODAY), policyOverrides),
    hersteltermijn: 'P14D',
    termijnen: { startdatum: TODAY, einddatumGepland: '2026-03-30', uiterlijkeEinddatumAfdoening: '2026-04-27' },
    ...extra,
  };
}

const script: Record<string, (job: Job, zaakId: string) => Variables> = {
  'prb-toelating': (job, zaakId) => {
    const ok = scenarios.get(zaakId)?.toegelaten ?? true;
    return {
      toelating: {
        toegelaten: ok,
        redenen: ok ? [] : [{ code: 'TOELATING_UITKERINGSDUUR', omschrijving: 'U heeft nog geen jaar een bijstandsuitkering.' }],
        ontbrekendeGegevens: [],
        getoetst: [],
        beleid: { id: job.variables.policyId, ingangsdatum: TODAY },
      },
    };
  },
  'prb-plan-toets': (_job, zaakId) => {
    const run = (planToetsRuns.get(zaakId) ?? 0) + 1;
    planToetsRuns.set(zaakId, run);
    const volledig = run > (scenarios.get(zaakId)?.onvolledig ?? 0);
    return {
      planToets: {
        volledig,
        ontbrekend: volledig ? [] : [{ code: 'OFFERTE_ONTBREEKT', ernst: 'blokkerend', omschrijving: 'Er ontbreekt een offerte.' }],
        totaalCent: 450_000,
        binnenPlafond: true,
        aandachtspunten: [],
        uitgeslotenPosten: [],
        vierOgen: scenarios.get(zaakId)?.vierOgen ?? false,
      },
    };
  },
  'zaak-opschorten': () => ({ opschorting: { id: 'OPS-1', van: TODAY, hersteltermijnEinde: '2026-03-16' } }),
  'zaak-hervatten': () => ({ termijnen: { startdatum: TODAY, einddatumGepland: '2026-04-06', uiterlijkeEinddatumAfdoening: '2026-05-04' } }),
  'prb-besluit': (job) => {
    const soort = job.customHeaders.soort;
    if (soort !== 'aanvraag') return { besluit: { id: `BES-${job.key}`, soort, uitkomst: soort } };
    const voorstel = job.variables.voorstel as { uitkomst: string; budgetCent: number };
    const toegekend = voorstel.uitkomst === 'toekennen';
    return {
      besluit: {
        id: `BES-${job.key}`,
        soort,
        uitkomst: toegekend ? 'toekenning' : 'afwijzing',
        budgetCent: toegekend ? voorstel.budgetCent : null,
        datum: TODAY,
        uitvoeringTot: toegekend ? '2027-03-02T17:00:00+01:00' : null,
        voortgangCyclus: 'R3/P5M',
      },
    };
  },
  'prb-beschikking': (job) => ({ beschikking: { documentId: `DOC-${job.key}`, verzenddatum: TODAY, uiterlijkeReactiedatum: '2026-04-14' } }),
  notificatie: () => ({}),
  'prb-betaling': (job) => {
    const verzoek = (job.variables.declaratie ?? {}) as { bedragCents?: number };
    const boven = (verzoek.bedragCents ?? 0) > 100_000;
    betalingSeq += 1;
    return {
      betaling: {
        uitkomst: 'gereserveerd',
        betalingId: `BET-${betalingSeq}`,
        status: boven ? 'voorgesteld' : 'goedgekeurd',
        financieGoedkeuringNodig: boven,
        redenCode: null,
        reden: null,
        herhaald: false,
      },
    };
  },
  'prb-betaling-goedkeuren': (job) => {
    const g = job.variables.goedkeuring as { betalingId: string; besluit: string };
    return { betaling: { uitkomst: 'gereserveerd', betalingId: g.betalingId, status: g.besluit === 'goedgekeurd' ? 'goedgekeurd' : 'afgewezen', financieGoedkeuringNodig: false, redenCode: null, reden: null, herhaald: false } };
  },
  // Every scripted proposal above was decided by the time these paths end the traject.
  'open-betalingen': () => ({ openBetalingen: 0 }),
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

async function start(zaakId: string, scenario: Scenario = {}, policyOverrides: Record<string, unknown> = {}, extra: Variables = {}): Promise<string> {
  scenarios.set(zaakId, scenario);
  const r = await engine.createProcessInstance({ tenantId: TENANT, bpmnProcessId: 'prb', variables: startVariables(zaakId, policyOverrides, extra), actor: 'klantmanager-1' });
  return r.processInstanceKey;
}

function openTask(key: string, elementId: string): Promise<UserTask> {
  return until(async () => (await engine.queryUserTasks({ tenantId: TENANT, processInstanceKey: key, elementId, state: 'created' }))[0], `task ${elementId}`);
}

/** Completes a task the way the server does: the payload must pass the task's own form. */
async function complete(key: string, elementId: string, payload: Variables, actor?: string): Promise<UserTask> {
  const task = await openTask(key, elementId);
  const form = forms.get(task.formId ?? '');
  if (!form) throw new Error(`no form ${task.formId} for ${elementId}`);
  const result = form.validate(payload, task.variables);
  if (!result.ok) throw new Error(`${task.formId}: ${JSON.stringify(result.errors)}`);
  await engine.completeUserTask({ userTaskKey: task.userTaskKey, variables: result.value, ...(actor ? { actor } : {}) });
  return task;
}

async function ended(key: string, endEvent: string): Promise<EngineEvent[]> {
  const instance = await until(async () => {
    const i = await engine.getProcessInstance(key);
    return i && i.state !== 'active' ? i : null;
  }, `instance ${key} ends`);
  expect(instance.state).toBe('completed');
  const events = await engine.queryEvents({ tenantId: TENANT, processInstanceKey: key });
  expect(events.some((e) => e.type === 'element.completed' && e.elementId === endEvent)).toBe(true);
  expect(await engine.listIncidents({ tenantId: TENANT, processInstanceKey: key, state: 'active' })).toEqual([]);
  return events;
}

/** Phases in the order they were first entered. */
function phases(events: EngineEvent[]): string[] {
  const seen: string[] = [];
  for (const e of events) if (e.type === 'element.entered' && e.phase && seen.at(-1) !== e.phase) seen.push(e.phase);
  return seen.filter((p, i) => seen.indexOf(p) === i);
}

function jobsOf(zaakId: string, type?: string): JobRecord[] {
  return jobs.filter((j) => j.zaakId === zaakId && (type === undefined || j.type === type));
}

// ------------------------------------------------------------------ valid payloads

const intake = {
  intake: {
    gespreksdatum: TODAY,
    weten: 'Kent de regionale vraag naar koks.',
    willen: 'Wil als zelfstandig werkend kok aan de slag.',
    kunnen: 'Heeft ervaring in de horeca, mist een diploma.',
    motivatie: 'meer', zelfredzaamheid: 'meer', zelfbewustheid: 'evenveel', initiatief: 'meer', socialeVaardigheden: 'evenveel', realistischZelfbeeld: 'evenveel', doorzettingsvermogen: 'meer',
    gewensteRol: 'regie-en-inkoop',
  },
};
const trajectplan = {
  trajectplan: {
    voorwoord: 'Ik zit sinds 2024 in de bijstand en wil weer werken.',
    doel: 'Werk als kok in een restaurant.',
    beoogdBeroep: 'Kok',
    arbeidsmarktperspectief: 'Er zijn veel vacatures voor koks in Almere.',
    randvoorwaarden: 'Kinderopvang is geregeld.',
    activiteiten: [{ omschrijving: 'Koksopleiding niveau 2', startdatum: '2026-09-01', einddatum: '2027-02-28', verwachtResultaat: 'Diploma kok' }],
    begroting: [{ categorie: 'scholing-vaardigheden', omschrijving: 'Koksopleiding', aanbieder: 'ROC Flevoland', activiteitNr: 1, kvk: '12345678', iban: 'NL91ABNA0417164300', bedragCent: '4.500,00', offertes: ['doc-offerte-1', 'doc-offerte-2'] }],
    hoofdaanbieder: { naam: 'ROC Flevoland', kvk: '12345678', iban: 'NL91ABNA0417164300' },
    hulpBijOpstellen: ['klant-zelf', 'klantmanager'],
    hulpToelichting: 'Samen de begroting nagelopen.',
  },
};
const beoordeling = (advies: 'toekennen' | 'afwijzen') => ({
  beoordeling: {
    rechtmatigheid: 'voldoet', doelmatigheid: 'voldoet', haalbaarheid: advies === 'toekennen' ? 'voldoet' : 'voldoet-niet',
    routeNaarWerk: 'ja', binnenBudget: 'ja', nietsUitgesloten: 'ja', smart: ['specifiek', 'meetbaar'],
    advies,
    ...(advies === 'toekennen' ? { voorgesteldBudgetCent: '4.500,00' } : { afwijzingsgronden: ['plan-onvoldoende'] }),
    motivering: 'Het plan is concreet en leidt in redelijkheid tot betaald werk.',
  },
});
const eindgesprek = { eindgesprek: { datum: TODAY, resultaat: 'betaald-werk', soortUitstroom: 'vast', functie: 'Kok', verantwoording: 'volledig', tevredenheid: 8 } };

// ------------------------------------------------------------------ setup

beforeAll(async () => {
  database = await createTestDatabase();
  engine = new EmbeddedEngine({ db: database.db as unknown as Kysely<EngineTables>, schedulerIntervalMs: 50 });
  await engine.start();
  const resources = [
    { name: 'prb.bpmn', content: readFileSync(path.join(workflowDir, 'prb.bpmn'), 'utf8') },
    { name: 'bezwaar.bpmn', content: readFileSync(path.join(workflowDir, 'bezwaar.bpmn'), 'utf8') },
  ];
  for (const f of readdirSync(path.join(workflowDir, 'forms'))) {
    const content = readFileSync(path.join(workflowDir, 'forms', f), 'utf8');
    resources.push({ name: f, content });
    const schema = loadFormSchema(content);
    forms.set(schema.id, compileForm(schema, { today: () => TODAY }));
  }
  const deployed = await engine.deployResource({ tenantId: TENANT, resources });
  expect(deployed.processes.map((p) => p.bpmnProcessId).sort()).toEqual(['bezwaar', 'prb']);
  for (const [type, fn] of Object.entries(script)) {
    engine.createWorker({
      taskType: type,
      pollInterval: 20,
      taskHandler: async (job) => {
        const zaakId = String(job.variables.zaakId);
        jobs.push({ zaakId, type, elementId: job.elementId, headers: job.customHeaders, variables: job.variables });
        await job.complete(fn(job, zaakId));
      },
    });
  }
});

afterAll(async () => {
  await engine?.stop();
  await database?.drop();
});

// ------------------------------------------------------------------ paths

describe('prb.bpmn on the embedded engine (scripted workers)', () => {
  it('deploys with a form for every user task', async () => {
    const xml = readFileSync(path.join(workflowDir, 'prb.bpmn'), 'utf8') + readFileSync(path.join(workflowDir, 'bezwaar.bpmn'), 'utf8');
    const formIds = [...xml.matchAll(/formId="([^"]+)"/g)].map((m) => m[1]);
    for (const id of formIds) expect(forms.has(id!), id).toBe(true);
  });

  it('not admitted: afwijzing-toelating besluit and beschikking, end "Niet toegelaten"', async () => {
    const key = await start('Z-NT', { toegelaten: false });
    const events = await ended(key, 'EindNietToegelaten');
    expect(jobsOf('Z-NT').map((j) => `${j.type}:${j.headers.soort ?? j.headers.afsluitreden ?? ''}`)).toEqual([
      'prb-toelating:',
      'prb-besluit:afwijzing-toelating',
      'prb-beschikking:afwijzing-toelating',
      'notificatie:',
      'zaak-afsluiten:niet-toegelaten',
    ]);
    // the toelating job gets the facts as `klant` and the policy id (input mappings)
    const toelating = jobsOf('Z-NT', 'prb-toelating')[0]!;
    expect(toelating.variables.klant).toMatchObject({ woontInGemeente: true });
    expect(toelating.variables.policyId).toMatch(/^almere:prb:/);
    expect(phases(events)).toEqual(['aanmelding', 'besluit', 'afsluiting']);
  });

  it('happy path with oriëntatiefase to afsluiting, through every phase', async () => {
    const key = await start('Z-OK', {}, { orientatiefase: { actief: true, duur: 'P3M', budgetCent: 50_000, binnenPlafond: true, begeleiding: 'extern-bureau' }, verplichtePlanonderdelen: ['nazorg'] });
    await complete(key, 'Intake', intake, 'klantmanager-1');
    const orientatie = await complete(key, 'Orientatie', { orientatie: { begeleider: 'Tempo Team', urenBegeleiding: 12, besteedCent: '300,00', bevindingen: 'Kiest voor de koksopleiding.', advies: 'doorgaan' } });
    expect(orientatie.dueDate).not.toBeNull();
    expect(Date.parse(orientatie.dueDate!) - Date.now()).toBeGreaterThan(80 * 86_400_000);
    const plan = await complete(key, 'Trajectplan', trajectplan, 'klant-almere-1');
    expect(plan.candidateUsers).toEqual(['klant-almere-1']);
    const beoordelingTask = await complete(key, 'Beoordeling', beoordeling('toekennen'), 'klantmanager-1');
    expect(beoordelingTask.candidateGroups).toEqual(['klantmanager']);
    expect(beoordelingTask.dueDate?.slice(0, 10)).toBe('2026-03-30');
    await openTask(key, 'TrajectVolgen');
    const besluit = jobsOf('Z-OK', 'prb-besluit')[0]!;
    expect(besluit.headers.soort).toBe('aanvraag');
    expect(besluit.variables.voorstel).toMatchObject({ uitkomst: 'toekennen', budgetCent: 450_000, doorBeslisser: false });
    await complete(key, 'TrajectVolgen', { trajectAfronding: { reden: 'plan-uitgevoerd', einddatum: TODAY } }, 'klantmanager-1');
    await complete(key, 'Eindgesprek', eindgesprek, 'klantmanager-1');
    await complete(key, 'Nazorg', { nazorg: { contactmomenten: 2, nogWerkzaam: 'ja' } }, 'klantmanager-1');
    const events = await ended(key, 'EindAfgesloten');
    expect(phases(events)).toEqual(['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit', 'uitvoering', 'verantwoording', 'nazorg', 'afsluiting']);
    expect(jobsOf('Z-OK', 'zaak-afsluiten').map((j) => j.headers.afsluitreden)).toEqual(['traject-afgerond']);
    expect(jobsOf('Z-OK', 'prb-beschikking').map((j) => j.headers.soort)).toEqual(['besluit-op-aanvraag']);
    // every flow node event carries a phase
    expect(events.filter((e) => e.type === 'element.entered' && !e.phase)).toEqual([]);
  });

  it('afwijzing by the klantmanager ends "Afgewezen" without uitvoering', async () => {
    const key = await start('Z-AF', {}, { orientatiefase: { actief: false } });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    await complete(key, 'Beoordeling', beoordeling('afwijzen'));
    const events = await ended(key, 'EindAfgewezen');
    expect(phases(events)).not.toContain('uitvoering');
    expect(jobsOf('Z-AF', 'zaak-afsluiten').map((j) => j.headers.afsluitreden)).toEqual(['afgewezen']);
  });

  it('incomplete aanvraag: opschorting, aanvullen, hervatten, toets again', async () => {
    const key = await start('Z-HT', { onvolledig: 1 }, { orientatiefase: { actief: false } });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    const aanvullen = await openTask(key, 'Aanvullen');
    expect(aanvullen.candidateUsers).toEqual(['klant-almere-1']);
    expect(aanvullen.variables.trajectplan).toMatchObject({ beoogdBeroep: 'Kok' }); // prefill source
    await complete(key, 'Aanvullen', { ...trajectplan, aanvulling: { toelichting: 'Tweede offerte toegevoegd.' } });
    await openTask(key, 'Beoordeling');
    expect(jobsOf('Z-HT').map((j) => j.type).filter((t) => t.startsWith('zaak-') || t === 'prb-plan-toets')).toEqual([
      'prb-plan-toets', 'zaak-opschorten', 'zaak-hervatten', 'prb-plan-toets',
    ]);
    expect(jobsOf('Z-HT', 'zaak-hervatten')[0]!.headers.reden).toBe('aangevuld');
    await engine.cancelProcessInstance(key);
  });

  it('hersteltermijn expires: hervatten, buiten-behandeling besluit and beschikking, end "Buiten behandeling"', async () => {
    const key = await start('Z-BB', { onvolledig: 5 }, { orientatiefase: { actief: false } }, { hersteltermijn: 'PT1S' });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    await openTask(key, 'Aanvullen');
    const events = await ended(key, 'EindBuitenBehandeling');
    expect(events.some((e) => e.type === 'timer.fired' && e.elementId === 'HersteltermijnVerstreken')).toBe(true);
    expect(events.some((e) => e.type === 'user_task.canceled')).toBe(true);
    expect(jobsOf('Z-BB').map((j) => `${j.type}:${j.headers.soort ?? j.headers.reden ?? j.headers.afsluitreden ?? ''}`).slice(1)).toEqual([
      'prb-plan-toets:',
      'zaak-opschorten:hersteltermijn',
      'zaak-hervatten:hersteltermijn-verstreken',
      'prb-besluit:buiten-behandeling',
      'prb-beschikking:buiten-behandeling',
      'notificatie:',
      'zaak-afsluiten:buiten-behandeling',
    ]);
    expect(phases(events)).toEqual(['aanmelding', 'orientatie', 'aanvraag', 'besluit', 'afsluiting']);
  });

  it('four eyes: the beslisser task follows the beoordeling and names it in regie.vierOgenMet', async () => {
    const key = await start('Z-4O', { vierOgen: true }, { orientatiefase: { actief: false } });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    await complete(key, 'Beoordeling', beoordeling('toekennen'), 'klantmanager-1');
    const task = await openTask(key, 'BesluitNemen');
    expect(task.candidateGroups).toEqual(['beslisser']);
    expect(task.phase).toBe('besluit');
    expect(task.formId).toBe('prb-besluit');
    const xml = readFileSync(path.join(workflowDir, 'prb.bpmn'), 'utf8');
    expect(xml).toMatch(/<bpmn:userTask id="BesluitNemen"[\s\S]*?<zeebe:property name="regie.vierOgenMet" value="Beoordeling" \/>/);
    await complete(key, 'BesluitNemen', { beslissing: { uitkomst: 'toekennen', budgetCent: '4.000,00', motivering: 'Toegekend met een lager budget voor de opleiding.' } }, 'beslisser-1');
    await openTask(key, 'TrajectVolgen');
    expect(jobsOf('Z-4O', 'prb-besluit')[0]!.variables.voorstel).toMatchObject({ uitkomst: 'toekennen', budgetCent: 400_000, doorBeslisser: true });
    await engine.cancelProcessInstance(key);
  });

  it('uitvoering: declaraties create payment jobs, above the threshold a financieel task; werk gevonden does not end the traject', async () => {
    const key = await start('Z-UV', {}, { orientatiefase: { actief: false }, noCureLessPay: { actief: true, resultaatdeelProcent: 25 }, verplichtePlanonderdelen: [] });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    await complete(key, 'Beoordeling', beoordeling('toekennen'));
    await openTask(key, 'TrajectVolgen');

    const declaratie = (id: string, bedragCents: number) => ({
      tenantId: TENANT, name: 'prb-declaratie', correlationKey: 'Z-UV', messageId: id, timeToLive: 60_000,
      variables: { declaratie: { declaratieId: id, soort: 'factuur', verplichtingId: 'VER-1', bedragCents, begunstigde: { naam: 'ROC Flevoland', iban: 'NL91ABNA0417164300', kvk: '12345678' }, referentie: id, omschrijving: 'Koksopleiding', ingediendDoor: 'klant-almere-1' } },
    });
    // small declaratie: paid without approval
    await engine.publishMessage(declaratie('F-1', 50_000));
    await until(async () => jobsOf('Z-UV', 'prb-betaling').length === 1, 'first betaling');
    // large declaratie: finance must approve; the loop is open for the next one meanwhile
    await engine.publishMessage(declaratie('F-2', 250_000));
    const goedkeuren = await openTask(key, 'BetalingGoedkeuren');
    expect(goedkeuren.candidateGroups).toEqual(['financieel']);
    expect(goedkeuren.variables.betalingVerzoek).toMatchObject({ referentie: 'F-2', bedragCents: 250_000 });
    await engine.publishMessage(declaratie('F-3', 10_000));
    await until(async () => jobsOf('Z-UV', 'prb-betaling').length === 3, 'third betaling');
    expect(jobsOf('Z-UV', 'prb-betaling').map((j) => (j.variables.declaratie as { referentie: string }).referentie)).toEqual(['F-1', 'F-2', 'F-3']);
    await complete(key, 'BetalingGoedkeuren', { goedkeuring: { besluit: 'goedgekeurd' } }, 'financieel-1');
    await until(async () => jobsOf('Z-UV', 'prb-betaling-goedkeuren').length === 1, 'goedkeuring verwerkt');
    expect(jobsOf('Z-UV', 'prb-betaling-goedkeuren')[0]!.variables.goedkeuring).toMatchObject({ besluit: 'goedgekeurd', betalingId: 'BET-' + /\d+/.exec(String((goedkeuren.variables.betaling as { betalingId: string }).betalingId))![0] });

    // werk gevonden: notificatie and the resultaatdeel, but the traject goes on
    await engine.publishMessage({ tenantId: TENANT, name: 'prb-werk-gevonden', correlationKey: 'Z-UV', timeToLive: 60_000, variables: { werk: { soort: 'vast', startdatum: TODAY, werkgever: 'Restaurant De Zon' } } });
    await until(async () => jobsOf('Z-UV').some((j) => j.type === 'prb-betaling' && j.headers.soort === 'resultaatdeel'), 'resultaatdeel');
    expect(jobsOf('Z-UV', 'notificatie').some((j) => j.headers.bericht === 'werk-gevonden')).toBe(true);
    expect((await engine.getProcessInstance(key))?.state).toBe('active');
    await openTask(key, 'TrajectVolgen');

    // the traject ends by message; open branches (the declaratie loop, the presentatie timer) are terminated
    await engine.publishMessage({ tenantId: TENANT, name: 'prb-traject-afgerond', correlationKey: 'Z-UV' });
    await complete(key, 'Eindgesprek', eindgesprek);
    const events = await ended(key, 'EindAfgesloten');
    expect(events.some((e) => e.type === 'element.completed' && e.elementId === 'EindUitvoering')).toBe(true);
    expect(events.filter((e) => e.elementId === 'DeclaratieOntvangen' && e.type === 'message.correlated').length).toBe(3);
    // Not asserted: which sibling timers (presentatie, voortgang cycle) get a timer.canceled event when the
    // terminate end event closes the subprocess varies per run on the embedded engine (reported as an engine gap).
    // Not asserted either: a prb-declaratie published after the end sometimes still finds the terminated
    // catch's subscription and the publish fails with INVALID_STATE (engine gap, see the report).
  });

  it('voortgang: the policy cadence creates klant tasks while the traject runs', async () => {
    const key = await start('Z-VG', {}, { orientatiefase: { actief: false } });
    await complete(key, 'Intake', intake);
    await complete(key, 'Trajectplan', trajectplan);
    await complete(key, 'Beoordeling', beoordeling('toekennen'));
    await openTask(key, 'TrajectVolgen');
    const events = await engine.queryEvents({ tenantId: TENANT, processInstanceKey: key, types: ['timer.created'] });
    const cycle = events.find((e) => e.elementId === 'VoortgangTimer');
    expect(cycle).toBeDefined();
    // R3/P5M from the (scripted) besluit: first report due in about five months
    const due = Date.parse(String(cycle!.data.dueAt));
    expect(due - Date.now()).toBeGreaterThan(140 * 86_400_000);
    // Almere's policy has a presentation after six months
    expect(events.some((e) => e.elementId === 'PresentatieMoment')).toBe(true);
    await engine.cancelProcessInstance(key);
  });

  it('withdrawal before the besluit ends "Ingetrokken" and cancels the open task', async () => {
    const key = await start('Z-IN', {}, { orientatiefase: { actief: false } });
    await complete(key, 'Intake', intake);
    await openTask(key, 'Trajectplan');
    const r = await engine.publishMessage({ tenantId: TENANT, name: 'prb-ingetrokken', correlationKey: 'Z-IN' });
    expect(r.correlatedProcessInstanceKeys).toEqual([key]);
    const events = await ended(key, 'EindIngetrokken');
    expect(events.some((e) => e.type === 'user_task.canceled')).toBe(true);
    expect(jobsOf('Z-IN', 'zaak-afsluiten').map((j) => j.headers.afsluitreden)).toEqual(['ingetrokken']);
    expect(phases(events).at(-1)).toBe('afsluiting');
  });
});
