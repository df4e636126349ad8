import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Lints every diagram under workflows/ with workflows/.bpmnlintrc: bpmnlint's recommended rules
 * plus camunda-compat for Camunda 8.6, so a diagram that runs on the embedded engine also deploys
 * to Zeebe. No rule is turned off; the test expects no errors and no warnings.
 */

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const workflowsDir = path.join(here, '..', '..', 'workflows');

interface Report {
  id?: string;
  message: string;
  category: string;
}
interface LinterApi {
  lint(definitions: unknown): Promise<Record<string, Report[]>>;
}
// bpmnlint and bpmn-moddle are CommonJS without types for these entry points; typed here in one place.
const { Linter } = require('bpmnlint') as { Linter: new (options: { config: unknown; resolver: unknown }) => LinterApi };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new (options: { requireLib: NodeJS.Require }) => unknown;
const BpmnModdle = require('bpmn-moddle') as new (extensions: Record<string, unknown>) => {
  fromXML(xml: string): Promise<{ rootElement: unknown; warnings: Array<{ message: string }> }>;
};
const zeebe: unknown = require('zeebe-bpmn-moddle/resources/zeebe.json');

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return bpmnFiles(full);
    return name.endsWith('.bpmn') ? [full] : [];
  });
}

const config: unknown = JSON.parse(readFileSync(path.join(workflowsDir, '.bpmnlintrc'), 'utf8'));
const files = bpmnFiles(workflowsDir);

describe('bpmnlint (recommended + camunda-cloud-8-6) on workflows/', () => {
  it('finds the diagrams', () => {
    expect(files.map((f) => path.relative(workflowsDir, f)).sort()).toEqual(expect.arrayContaining(['prb/bezwaar.bpmn', 'prb/prb.bpmn']));
  });

  it('uses the config names that exist in the installed plugin', () => {
    const plugin = require('bpmnlint-plugin-camunda-compat') as { configs: Record<string, unknown> };
    expect(Object.keys(plugin.configs)).toContain('camunda-cloud-8-6');
    expect(config).toEqual({ extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-6'] });
  });

  for (const file of files) {
    it(`${path.relative(workflowsDir, file)} has no lint errors or warnings`, async () => {
      const moddle = new BpmnModdle({ zeebe });
      const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
      expect(warnings.map((w) => w.message)).toEqual([]);
      const linter = new Linter({ config, resolver: new NodeResolver({ requireLib: require }) });
      const results = await linter.lint(rootElement);
      const problems = Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => `${r.category} ${rule} ${r.id ?? ''}: ${r.message}`));
      expect(problems).toEqual([]);
    });
  }

  it('fails on a broken diagram (the linter really runs)', async () => {
    const broken = readFileSync(path.join(workflowsDir, 'prb', 'prb.bpmn'), 'utf8').replace('=besluit.voortgangCyclus', 'elke maand');
    const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(broken);
    const results = await new Linter({ config, resolver: new NodeResolver({ requireLib: require }) }).lint(rootElement);
    expect(results['camunda-compat/timer']?.[0]).toMatchObject({ id: 'VoortgangTimer', category: 'error' });
  });
});
