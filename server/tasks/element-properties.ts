import { createRequire } from 'node:module';
import type { WorkflowEngine } from '../../engine/port.ts';

const require = createRequire(import.meta.url);
const zeebe: object = require('zeebe-bpmn-moddle/resources/zeebe.json');
// bpmn-moddle ships no types (as in engine/embedded/definition.ts).
const BpmnModdle = require('bpmn-moddle') as new (packages: object) => { fromXML(xml: string): Promise<unknown> };

type Properties = ReadonlyMap<string, Readonly<Record<string, string>>>;
const cache = new Map<string, Promise<Properties>>();

interface ModdleElement {
  id?: string;
  $type: string;
  extensionElements?: { values?: { $type: string; properties?: { name: string; value: string }[] }[] };
  flowElements?: ModdleElement[];
  rootElements?: ModdleElement[];
}

async function parse(xml: string): Promise<Properties> {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement } = (await moddle.fromXML(xml)) as { rootElement: ModdleElement };
  const out = new Map<string, Record<string, string>>();
  const visit = (el: ModdleElement) => {
    const props = el.extensionElements?.values?.find((v) => v.$type === 'zeebe:Properties')?.properties ?? [];
    if (el.id && props.length) out.set(el.id, Object.fromEntries(props.map((p) => [p.name, p.value])));
    for (const child of [...(el.rootElements ?? []), ...(el.flowElements ?? [])]) visit(child);
  };
  visit(rootElement);
  return out;
}

/**
 * zeebe:properties of an element in a deployed process version. A version
 * never changes, so each is parsed once. (The engine port does not expose
 * custom properties on user tasks, as Zeebe's task API does not either.)
 */
export async function elementProperties(engine: WorkflowEngine, processDefinitionKey: string, elementId: string): Promise<Readonly<Record<string, string>>> {
  let props = cache.get(processDefinitionKey);
  if (!props) {
    props = engine.getProcessDefinitionXml(processDefinitionKey).then(parse);
    cache.set(processDefinitionKey, props);
    props.catch(() => cache.delete(processDefinitionKey));
  }
  return (await props).get(elementId) ?? {};
}
