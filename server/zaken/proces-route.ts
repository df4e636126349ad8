import { createRequire } from 'node:module';
import { z } from 'zod';
import type { EngineEvent } from '../../engine/port.ts';
import { tenantRoles } from '../http/access.ts';
import { problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { visibleZaak } from './visibility.ts';

const require = createRequire(import.meta.url);
// bpmn-moddle ships no types (as in engine/embedded/definition.ts).
const BpmnModdle = require('bpmn-moddle') as new () => { fromXML(xml: string): Promise<unknown> };

const CASEWORKERS = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;

const ProcesSchema = z
  .object({
    zaakId: z.string(),
    bpmnProcessId: z.string(),
    version: z.number().int().nullable(),
    status: z.enum(['niet-gestart', 'actief', 'afgerond', 'afgebroken']),
    /** The deployed BPMN of the version this zaak runs (null before its process started). */
    xml: z.string().nullable(),
    /** Elements the process is waiting in now (open tasks, timers, call activities, …), with their names; innermost only. */
    actief: z.array(z.object({ elementId: z.string(), naam: z.string().nullable() })),
    /** Elements the process has passed through (completed at least once). */
    afgerond: z.array(z.string()),
  })
  .meta({ id: 'ZaakProces' });

interface ModdleElement {
  $type?: string;
  id?: string;
  name?: string;
  flowElements?: ModdleElement[];
  rootElements?: ModdleElement[];
}

interface Elements {
  names: ReadonlyMap<string, string>;
  /** Element → the sub-process it sits in. */
  parent: ReadonlyMap<string, string>;
}

const parsed = new Map<string, Promise<Elements>>();
/** Element names and nesting of a deployed version; a version never changes, so each is parsed once. */
function elementsOf(processDefinitionKey: string, xml: string): Promise<Elements> {
  let p = parsed.get(processDefinitionKey);
  if (!p) {
    p = new BpmnModdle().fromXML(xml).then((res) => {
      const names = new Map<string, string>();
      const parent = new Map<string, string>();
      const visit = (el: ModdleElement) => {
        if (el.id && el.name) names.set(el.id, el.name.trim());
        for (const child of el.rootElements ?? []) visit(child);
        // A process is the top; a sub-process contains the elements inside it.
        const container = el.$type === 'bpmn:Process' ? null : (el.id ?? null);
        for (const child of el.flowElements ?? []) {
          if (child.id && container) parent.set(child.id, container);
          visit(child);
        }
      };
      visit((res as { rootElement: ModdleElement }).rootElement);
      return { names, parent };
    });
    parsed.set(processDefinitionKey, p);
    p.catch(() => parsed.delete(processDefinitionKey));
  }
  return p;
}

/** The innermost active elements: a sub-process is left out while a step inside it is active. */
export function innermost(active: readonly string[], parent: ReadonlyMap<string, string>): string[] {
  const containers = new Set<string>();
  for (const id of active) for (let p = parent.get(id); p; p = parent.get(p)) containers.add(p);
  return active.filter((id) => !containers.has(id));
}

/** Entered more often than left = active now; completed at least once = passed. From the engine's event log. */
export function positionFromEvents(events: readonly EngineEvent[]): { active: string[]; completed: string[] } {
  const open = new Map<string, number>();
  const completed = new Set<string>();
  for (const e of events) {
    if (!e.elementId) continue;
    if (e.type === 'element.entered') open.set(e.elementId, (open.get(e.elementId) ?? 0) + 1);
    if (e.type === 'element.completed' || e.type === 'element.terminated') open.set(e.elementId, (open.get(e.elementId) ?? 0) - 1);
    if (e.type === 'element.completed') completed.add(e.elementId);
  }
  return { active: [...open].filter(([, n]) => n > 0).map(([id]) => id), completed: [...completed] };
}

/**
 * The zaak's process for the diagram in the zaakdossier: the XML of the exact version it
 * runs and where it is now. For caseworkers only; the process definition itself
 * (`/api/processes/:key/xml`) stays with procesontwerper, manager and beheerder.
 */
export function zaakProcesRoutes(services: Services) {
  const { engine } = services;
  const db = services.database.db;
  return [
    defineRoute({
      operationId: 'getZaakProces',
      method: 'get',
      path: '/api/zaken/:id/proces',
      summary: 'Het proces van een zaak: diagram van de gebruikte versie en de huidige stap',
      tag: 'zaken',
      access: tenantRoles(...CASEWORKERS),
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 200, description: 'Diagram en positie', schema: ProcesSchema },
      handler: async ({ principal, params }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const base = { zaakId: zaak.id, bpmnProcessId: zaak.bpmn_process_id };
        if (!zaak.process_instance_key) return { ...base, version: null, status: 'niet-gestart' as const, xml: null, actief: [], afgerond: [] };
        const instance = await engine.getProcessInstance(zaak.process_instance_key);
        // Belt and braces: the zaak row is the tenant's, so must its instance be.
        if (!instance || instance.tenantId !== principal.tenantId) throw problems.notFound();
        const [xml, events] = await Promise.all([
          engine.getProcessDefinitionXml(instance.processDefinitionKey),
          engine.queryEvents({
            tenantId: principal.tenantId!,
            processInstanceKey: instance.processInstanceKey,
            types: ['element.entered', 'element.completed', 'element.terminated'],
            limit: 100_000,
          }),
        ]);
        const { names, parent } = await elementsOf(instance.processDefinitionKey, xml);
        const position = positionFromEvents(events);
        const active = innermost(position.active, parent);
        const completed = position.completed;
        const status = instance.state === 'active' ? 'actief' : instance.state === 'completed' ? 'afgerond' : 'afgebroken';
        return {
          ...base,
          version: instance.version,
          status: status as 'actief' | 'afgerond' | 'afgebroken',
          xml,
          actief: active.map((elementId) => ({ elementId, naam: names.get(elementId) ?? null })),
          afgerond: completed,
        };
      },
    }),
  ];
}
