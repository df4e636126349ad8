import { createRequire } from 'node:module';
import * as elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import type { DeploymentProblem } from '../port.ts';
import { feelSyntaxError, isFeel } from './feel.ts';

const require = createRequire(import.meta.url);
const zeebeSchema: object = require('zeebe-bpmn-moddle/resources/zeebe.json');
// bpmn-moddle ships no types; the CommonJS build through require keeps the import untyped in one place.
const BpmnModdle: unknown = require('bpmn-moddle');

/**
 * Parsing, validation and the Zeebe metadata of one deployed process. The
 * parsed `sourceContext` is cached per deployment so resuming an instance
 * never re-parses XML.
 */

/** What moddle gives us: loosely typed elements. */
interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  [key: string]: unknown;
}

export interface IoMapping {
  inputs: Array<{ source: string; target: string }>;
  outputs: Array<{ source: string; target: string }>;
}

export interface ZeebeLoop {
  inputCollection: string;
  inputElement: string | null;
  outputCollection: string | null;
  outputElement: string | null;
}

export interface ExecutionListener {
  eventType: 'start' | 'end';
  type: string;
  retries: string;
}

export interface ElementInfo {
  id: string;
  type: string;
  name: string | null;
  phase: string | null;
  taskDefinition: { type: string; retries: string } | null;
  headers: Record<string, string>;
  io: IoMapping;
  userTask: {
    formId: string | null;
    formKey: string | null;
    assignee: string | null;
    candidateGroups: string | null;
    candidateUsers: string | null;
    dueDate: string | null;
    followUpDate: string | null;
    priority: string | null;
  } | null;
  calledElement: { processId: string; propagateAllChildVariables: boolean; propagateAllParentVariables: boolean } | null;
  message: { id: string; name: string; correlationKey: string } | null;
  loop: ZeebeLoop | null;
  listeners: ExecutionListener[];
  /** The embedded subprocess this element sits in; null at process level. */
  parentId: string | null;
}

export interface ParsedProcess {
  bpmnProcessId: string;
  name: string | null;
  elements: Map<string, ElementInfo>;
}

export interface LoadedDefinition extends ParsedProcess {
  /** moddle-context-serializer output, shared by all engines of this deployment. */
  sourceContext: unknown;
}

const supportedTypes = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:Task',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
  'bpmn:UserTask',
  'bpmn:ReceiveTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
  'bpmn:SequenceFlow',
]);

/** Elements that create a job and therefore need zeebe:taskDefinition. */
const jobTypes = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);

/** Event definitions per element type that the engine runs. */
const allowedEventDefinitions: Record<string, Set<string>> = {
  'bpmn:StartEvent': new Set(),
  'bpmn:EndEvent': new Set(['bpmn:ErrorEventDefinition', 'bpmn:TerminateEventDefinition']),
  'bpmn:IntermediateCatchEvent': new Set(['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition']),
  'bpmn:IntermediateThrowEvent': new Set(),
  'bpmn:BoundaryEvent': new Set(['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition']),
};

/** Zeebe extension elements we read; anything else is refused rather than silently ignored. */
const knownExtensions = new Set([
  'zeebe:TaskDefinition',
  'zeebe:TaskHeaders',
  'zeebe:IoMapping',
  'zeebe:UserTask',
  'zeebe:FormDefinition',
  'zeebe:AssignmentDefinition',
  'zeebe:TaskSchedule',
  'zeebe:PriorityDefinition',
  'zeebe:CalledElement',
  'zeebe:LoopCharacteristics',
  'zeebe:ExecutionListeners',
  'zeebe:Properties',
  'zeebe:Subscription',
  'zeebe:VersionTag',
]);

function ext<T extends ModdleElement>(el: ModdleElement | undefined, type: string): T | undefined {
  const values = (el?.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? [];
  return values.find((v) => v.$type === type) as T | undefined;
}

function extensions(el: ModdleElement | undefined): ModdleElement[] {
  return (el?.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? [];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length ? v : null;
}

function phaseOf(el: ModdleElement | undefined): string | null {
  const props = ext<ModdleElement & { properties?: Array<{ name?: string; value?: string }> }>(el, 'zeebe:Properties');
  return str(props?.properties?.find((p) => p.name === 'phase')?.value);
}

function createModdle(): { fromXML(xml: string): Promise<ModdleContext> } {
  const Moddle = BpmnModdle as unknown as new (ext: Record<string, object>) => { fromXML(xml: string): Promise<ModdleContext> };
  return new Moddle({ zeebe: zeebeSchema });
}

interface ModdleContext {
  rootElement: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  warnings: Array<{ message: string; element?: ModdleElement }>;
}

export interface ParseResult {
  processes: ParsedProcess[];
  problems: DeploymentProblem[];
  context: ModdleContext | null;
}

/** Parses and validates one BPMN file. Problems carry the element id and a Dutch message. */
export async function parseBpmn(resourceName: string, xml: string): Promise<ParseResult> {
  const problems: DeploymentProblem[] = [];
  const problem = (elementId: string | null, message: string) => problems.push({ resourceName, elementId, message });
  let context: ModdleContext;
  try {
    context = await createModdle().fromXML(xml);
  } catch (err) {
    problem(null, `ongeldige BPMN: ${(err as Error).message.split('\n')[0]}`);
    return { processes: [], problems, context: null };
  }
  for (const w of context.warnings) {
    const m = /unknown type <([^>]+)>/.exec(w.message);
    const where = w.element?.id ?? null;
    problem(where, m ? `onbekend element of onbekende extensie <${m[1]}>` : `ongeldige BPMN: ${w.message.split('\n')[0]}`);
  }

  const root = context.rootElement;
  const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
  const executable = rootElements.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  if (executable.length === 0) problem(null, 'het bestand bevat geen uitvoerbaar proces (isExecutable="true")');
  if (executable.length > 1) problem(null, 'één uitvoerbaar proces per bestand; splits de processen over bestanden');
  for (const other of rootElements) {
    if (other.$type === 'bpmn:Collaboration') problem(other.id ?? null, 'samenwerkingsdiagrammen (pools) worden niet ondersteund');
  }

  const processes: ParsedProcess[] = [];
  for (const proc of executable) {
    const elementsInfo = new Map<string, ElementInfo>();
    const processPhase = phaseOf(proc);
    const visit = (container: ModdleElement, inheritedPhase: string | null, parentId: string | null) => {
      for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
        const id = el.id ?? '?';
        if (!supportedTypes.has(el.$type)) {
          problem(id, `Element ${id}: elementtype ${el.$type} wordt niet ondersteund`);
          continue;
        }
        const info = describe(el, inheritedPhase, (m) => problem(id, `Element ${id}: ${m}`), context);
        info.parentId = parentId;
        if (el.$type !== 'bpmn:SequenceFlow') elementsInfo.set(id, info);
        else {
          const cond = (el.conditionExpression as ModdleElement | undefined)?.body;
          if (typeof cond === 'string') checkFeel(cond, true, (m) => problem(id, `Element ${id}: ${m}`));
        }
        if (el.$type === 'bpmn:SubProcess') {
          if (el.triggeredByEvent) problem(id, `Element ${id}: event-subprocessen worden niet ondersteund`);
          visit(el, info.phase, id);
        }
      }
    };
    visit(proc, processPhase, null);
    processes.push({ bpmnProcessId: proc.id ?? '?', name: str(proc.name), elements: elementsInfo });
  }
  return { processes, problems, context };
}

function checkFeel(value: string | null | undefined, mustBeFeel: boolean, report: (m: string) => void): void {
  if (value === null || value === undefined) return;
  if (mustBeFeel && !isFeel(value)) {
    report(`voorwaarde '${value}' is geen FEEL-expressie (begin met '=')`);
    return;
  }
  const err = feelSyntaxError(value);
  if (err) report(err);
}

function describe(el: ModdleElement, inheritedPhase: string | null, report: (m: string) => void, context: ModdleContext): ElementInfo {
  const id = el.id ?? '?';
  for (const e of extensions(el)) {
    if (!knownExtensions.has(e.$type)) report(`extensie ${e.$type} wordt niet ondersteund`);
  }
  const info: ElementInfo = {
    id,
    type: el.$type,
    name: str(el.name),
    phase: phaseOf(el) ?? inheritedPhase,
    taskDefinition: null,
    headers: {},
    io: { inputs: [], outputs: [] },
    userTask: null,
    calledElement: null,
    message: null,
    loop: null,
    listeners: [],
    parentId: null,
  };
  const taskDef = ext<ModdleElement>(el, 'zeebe:TaskDefinition');
  if (taskDef) {
    const type = str(taskDef.type);
    if (!type) report('zeebe:taskDefinition zonder type');
    else checkFeel(type, false, report);
    const retries = str(taskDef.retries) ?? '3';
    checkFeel(retries, false, report);
    info.taskDefinition = { type: type ?? '', retries };
  } else if (jobTypes.has(el.$type)) {
    report('servicetaak zonder zeebe:taskDefinition (type ontbreekt)');
  }
  const headers = ext<ModdleElement & { values?: Array<{ key?: string; value?: string }> }>(el, 'zeebe:TaskHeaders');
  for (const h of headers?.values ?? []) if (h.key) info.headers[h.key] = h.value ?? '';
  const io = ext<ModdleElement & { inputParameters?: Array<{ source?: string; target?: string }>; outputParameters?: Array<{ source?: string; target?: string }> }>(el, 'zeebe:IoMapping');
  for (const p of io?.inputParameters ?? []) {
    if (!p.target) report('invoermapping zonder doel (target)');
    checkFeel(p.source, false, report);
    info.io.inputs.push({ source: p.source ?? '', target: p.target ?? '' });
  }
  for (const p of io?.outputParameters ?? []) {
    if (!p.target) report('uitvoermapping zonder doel (target)');
    checkFeel(p.source, false, report);
    info.io.outputs.push({ source: p.source ?? '', target: p.target ?? '' });
  }
  if (el.$type === 'bpmn:UserTask') {
    if (!ext(el, 'zeebe:UserTask')) report('gebruikerstaak zonder zeebe:userTask (job-worker-gebruikerstaken worden niet ondersteund)');
    const form = ext<ModdleElement>(el, 'zeebe:FormDefinition');
    const assign = ext<ModdleElement>(el, 'zeebe:AssignmentDefinition');
    const schedule = ext<ModdleElement>(el, 'zeebe:TaskSchedule');
    const prio = ext<ModdleElement>(el, 'zeebe:PriorityDefinition');
    const ut = {
      formId: str(form?.formId),
      formKey: str(form?.formKey),
      assignee: str(assign?.assignee),
      candidateGroups: str(assign?.candidateGroups),
      candidateUsers: str(assign?.candidateUsers),
      dueDate: str(schedule?.dueDate),
      followUpDate: str(schedule?.followUpDate),
      priority: prio?.priority === undefined || prio.priority === null ? null : String(prio.priority),
    };
    for (const v of Object.values(ut)) if (v) checkFeel(v, false, report);
    info.userTask = ut;
  }
  if (el.$type === 'bpmn:CallActivity') {
    const called = ext<ModdleElement>(el, 'zeebe:CalledElement');
    const processId = str(called?.processId);
    if (!processId) report('aanroepactiviteit zonder zeebe:calledElement processId');
    else checkFeel(processId, false, report);
    info.calledElement = {
      processId: processId ?? '',
      propagateAllChildVariables: called?.propagateAllChildVariables !== false,
      propagateAllParentVariables: called?.propagateAllParentVariables !== false,
    };
  }
  const eventDefs = (el.eventDefinitions as ModdleElement[] | undefined) ?? [];
  const allowed = allowedEventDefinitions[el.$type];
  if (allowed) {
    if (eventDefs.length > 1) report('meerdere event-definities op één event worden niet ondersteund');
    for (const ed of eventDefs) if (!allowed.has(ed.$type)) report(`${ed.$type} op ${el.$type} wordt niet ondersteund`);
    if (el.$type === 'bpmn:IntermediateCatchEvent' && eventDefs.length === 0) report('tussentijds wacht-event zonder definitie');
    if (el.$type === 'bpmn:BoundaryEvent' && eventDefs.length === 0) report('grensevent zonder definitie');
  }
  for (const ed of eventDefs) {
    if (ed.$type === 'bpmn:TimerEventDefinition') {
      const expr = (ed.timeDuration ?? ed.timeDate ?? ed.timeCycle) as ModdleElement | undefined;
      const body = str(expr?.body);
      if (!body) report('timer zonder tijdsduur, datum of cyclus');
      else if (isFeel(body)) checkFeel(body, false, report);
      else if (ed.timeCycle && !/^R\d*\//.test(body)) report(`timercyclus '${body}' wordt niet ondersteund (alleen ISO 8601 R…/…; cron niet)`);
    }
    if (ed.$type === 'bpmn:MessageEventDefinition') info.message = messageInfo(ed.messageRef as ModdleElement | undefined, report);
    if (ed.$type === 'bpmn:ErrorEventDefinition' && el.$type === 'bpmn:EndEvent') {
      const ref = ed.errorRef as ModdleElement | undefined;
      if (!str(ref?.errorCode)) report('fout-eindevent zonder foutcode (bpmn:error errorCode)');
    }
  }
  if (el.$type === 'bpmn:ReceiveTask') info.message = messageInfo(el.messageRef as ModdleElement | undefined, report);
  const loopChar = el.loopCharacteristics as ModdleElement | undefined;
  if (loopChar) {
    if (loopChar.$type !== 'bpmn:MultiInstanceLoopCharacteristics') report('alleen multi-instance lussen worden ondersteund');
    const zl = ext<ModdleElement>(loopChar, 'zeebe:LoopCharacteristics');
    const inputCollection = str(zl?.inputCollection);
    if (!inputCollection) report('multi-instance zonder zeebe:loopCharacteristics inputCollection');
    else checkFeel(inputCollection, false, report);
    if (zl?.outputElement) checkFeel(str(zl.outputElement), false, report);
    if (loopChar.completionCondition) report('completionCondition bij multi-instance wordt niet ondersteund');
    info.loop = {
      inputCollection: inputCollection ?? '',
      inputElement: str(zl?.inputElement),
      outputCollection: str(zl?.outputCollection),
      outputElement: str(zl?.outputElement),
    };
  }
  const listeners = ext<ModdleElement & { listeners?: Array<{ eventType?: string; type?: string; retries?: string }> }>(el, 'zeebe:ExecutionListeners');
  for (const l of listeners?.listeners ?? []) {
    if (l.eventType !== 'start' && l.eventType !== 'end') report(`execution listener met eventType '${l.eventType}' wordt niet ondersteund`);
    else if (!l.type) report('execution listener zonder type');
    else {
      checkFeel(l.type, false, report);
      info.listeners.push({ eventType: l.eventType, type: l.type, retries: l.retries ?? '3' });
    }
  }
  void context;
  return info;
}

function messageInfo(ref: ModdleElement | undefined, report: (m: string) => void): ElementInfo['message'] {
  if (!ref) {
    report('bericht-event zonder messageRef');
    return null;
  }
  const name = str(ref.name);
  if (!name) report(`bericht ${ref.id} zonder naam`);
  const sub = ext<ModdleElement>(ref, 'zeebe:Subscription');
  const key = str(sub?.correlationKey);
  if (!key) report(`bericht ${ref.id} zonder zeebe:subscription correlationKey`);
  else checkFeel(key, false, report);
  return { id: ref.id ?? '', name: name ?? '', correlationKey: key ?? '' };
}

/**
 * Builds the runnable definition: the serialized context with Zeebe's
 * multi-instance and called-element settings mapped onto bpmn-elements'.
 */
export async function loadDefinition(xml: string): Promise<LoadedDefinition> {
  const parsed = await parseBpmn('definition.bpmn', xml);
  const proc = parsed.processes[0];
  if (!parsed.context || !proc) throw new Error('definitie kan niet worden geladen');
  const sourceContext = serialize(parsed.context as never, TypeResolver(elements as never)) as unknown as {
    getActivityById(id: string): { behaviour: Record<string, unknown> } | undefined;
  };
  // Conditions run as 'feel' scripts so the engine knows which flow is evaluated (see InstanceRun).
  const flows = (sourceContext as unknown as { getSequenceFlows(): Array<{ behaviour: { conditionExpression?: { body?: string; language?: string } } }> }).getSequenceFlows();
  for (const flow of flows) {
    const cond = flow.behaviour.conditionExpression;
    if (cond?.body) cond.language = 'feel';
  }
  for (const info of proc.elements.values()) {
    const activity = sourceContext.getActivityById(info.id);
    if (!activity) continue;
    if (info.loop) {
      const lc = activity.behaviour.loopCharacteristics as { behaviour: Record<string, unknown> } | undefined;
      if (lc) {
        lc.behaviour.collection = info.loop.inputCollection;
        lc.behaviour.elementVariable = info.loop.inputElement ?? 'item';
      }
    }
  }
  return { ...proc, sourceContext };
}
