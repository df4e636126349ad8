import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBron } from '../../workflows/prb/policy/schema.ts';
import { IRO_AXES, iroPolicies } from '../../workflows/iro/policy/schema.ts';
import { pibPolicies } from '../../workflows/pib/policy/schema.ts';
import { parseSourcedPolicy, SourcedPolicyError } from '../../workflows/shared/sourced-policy.ts';

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
      const elements = process.flowElements!.map((e) => e.id);
      expect(elements.length).toBeGreaterThan(20);
      expect(elements.filter((id) => !drawn.has(id))).toEqual([]);
    });
  }
});
