import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFormSchema } from '../../forms/index.ts';
import { renderTemplate } from '../../forms/validation/feel.ts';

/** The intake tells the klantmanager the gemeente's way of selecting in words, not as a policy code. */

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = loadFormSchema(readFileSync(path.join(here, '..', '..', 'workflows', 'prb', 'forms', 'prb-intake.form'), 'utf8'));
const text = schema.components.find((c) => c.type === 'text')!.text!;

describe('prb-intake', () => {
  it.each([
    ['ja-tenzij', 'ja, tenzij: de klant krijgt het prb, tenzij er duidelijke redenen zijn om het niet te doen'],
    ['wederkerig', 'wederkerig: klant en klantmanager besluiten samen of het prb past'],
    ['klantmanager-toetst', 'u beoordeelt als klantmanager of de klant de regie aankan'],
  ])('selectie %s reads as words', (selectie, woorden) => {
    const rendered = renderTemplate(text, { klantNaam: 'Fatima el Amrani', policy: { selectie } });
    expect(rendered).toContain(`Selectie volgens het beleid van de gemeente: ${woorden}.`);
    expect(rendered).not.toContain(`: ${selectie}.`);
  });
});
