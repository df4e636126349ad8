import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileForm, loadFormSchema } from '../../forms/index.ts';

/** Every deployable form of workflows/prb loads and compiles, and every formId in the diagrams has one. */

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '..', '..', 'workflows', 'prb');
const formFiles = readdirSync(path.join(dir, 'forms')).filter((f) => f.endsWith('.form'));
const TODAY = '2026-03-02';

describe('workflows/prb/forms', () => {
  for (const file of formFiles) {
    it(`${file} loads with loadFormSchema and compiles`, () => {
      const schema = loadFormSchema(readFileSync(path.join(dir, 'forms', file), 'utf8'));
      expect(`${schema.id}.form`).toBe(file);
      expect(schema.schemaVersion).toBe(16);
      const form = compileForm(schema, { today: () => TODAY });
      // an empty submission is refused with Dutch messages, never accepted
      const empty = form.validate({});
      if (!empty.ok) expect(empty.errors.every((e) => /[a-z]/.test(e.message))).toBe(true);
    });
  }

  it('has a form for every formId in prb.bpmn and bezwaar.bpmn, and no unused form', () => {
    const xml = ['prb.bpmn', 'bezwaar.bpmn'].map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const used = new Set([...xml.matchAll(/formId="([^"]+)"/g)].map((m) => m[1]));
    const available = new Set(formFiles.map((f) => f.replace(/\.form$/, '')));
    expect([...used].filter((id) => !available.has(id!))).toEqual([]);
    expect([...available].filter((id) => !used.has(id))).toEqual([]);
  });

  it('money fields are euro in cents: the beoordeling turns "4.500,00" into 450000', () => {
    const form = compileForm(loadFormSchema(readFileSync(path.join(dir, 'forms', 'prb-beoordeling.form'), 'utf8')), { today: () => TODAY });
    const result = form.validate(
      {
        beoordeling: {
          rechtmatigheid: 'voldoet', doelmatigheid: 'voldoet', haalbaarheid: 'voldoet', routeNaarWerk: 'ja', binnenBudget: 'ja', nietsUitgesloten: 'ja',
          advies: 'toekennen', voorgesteldBudgetCent: '4.500,00', motivering: 'Concreet plan met een reële kans op werk.',
        },
      },
      { planToets: { totaalCent: 450_000 }, policy: { planToetsing: 'marginaal', plafondCent: 500_000 } },
    );
    expect(result.ok && (result.value.beoordeling as { voorgesteldBudgetCent: number }).voorgesteldBudgetCent).toBe(450_000);
    const tooMuch = form.validate(
      { beoordeling: { rechtmatigheid: 'voldoet', doelmatigheid: 'voldoet', haalbaarheid: 'voldoet', routeNaarWerk: 'ja', binnenBudget: 'ja', nietsUitgesloten: 'ja', advies: 'toekennen', voorgesteldBudgetCent: '4.600,00', motivering: 'Concreet plan met een reële kans op werk.' } },
      { planToets: { totaalCent: 450_000 } },
    );
    expect(tooMuch.ok).toBe(false);
  });

  it('bezwaar-beslissing offers verdagen only once', () => {
    const form = compileForm(loadFormSchema(readFileSync(path.join(dir, 'forms', 'bezwaar-beslissing.form'), 'utf8')), { today: () => TODAY });
    const payload = { beslissing: { uitkomst: 'verdagen', motivering: 'Er is meer tijd nodig voor advies.' } };
    expect(form.validate(payload, { verdaagd: false }).ok).toBe(true);
    expect(form.validate(payload, { verdaagd: true }).ok).toBe(false);
  });
});
