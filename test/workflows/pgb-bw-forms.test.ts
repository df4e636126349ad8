import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileForm, loadFormSchema } from '../../forms/index.ts';

/** Every form of workflows/pgb-bw loads and compiles, every formId in pgb-bw.bpmn has one, and the money fields store cents. */

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '..', '..', 'workflows', 'pgb-bw');
const formFiles = readdirSync(path.join(dir, 'forms')).filter((f) => f.endsWith('.form'));
const TODAY = '2026-03-02';
const load = (id: string) => compileForm(loadFormSchema(readFileSync(path.join(dir, 'forms', `${id}.form`), 'utf8')), { today: () => TODAY });

describe('workflows/pgb-bw/forms', () => {
  for (const file of formFiles) {
    it(`${file} loads and compiles, and refuses an empty submission in Dutch`, () => {
      const schema = loadFormSchema(readFileSync(path.join(dir, 'forms', file), 'utf8'));
      expect(`${schema.id}.form`).toBe(file);
      const empty = compileForm(schema, { today: () => TODAY }).validate({});
      if (!empty.ok) expect(empty.errors.every((e) => /[a-z]/.test(e.message))).toBe(true);
    });
  }

  it('has a form for every formId in pgb-bw.bpmn, and no unused form', () => {
    const xml = readFileSync(path.join(dir, 'pgb-bw.bpmn'), 'utf8');
    const used = new Set([...xml.matchAll(/formId="([^"]+)"/g)].map((m) => m[1]));
    const available = new Set(formFiles.map((f) => f.replace(/\.form$/, '')));
    // Shared with prb (deployed as sharedResources): the finance approval with its four-eyes completion rule.
    const shared = new Set(['prb-betaling-goedkeuren']);
    expect([...used].filter((id) => !available.has(id!) && !shared.has(id!))).toEqual([]);
    expect([...available].filter((id) => !used.has(id))).toEqual([]);
  });

  it('the aanvraag stores euro amounts as cents and keeps the werkplekaanpassing only when asked for', () => {
    const aanvraag = {
      plan: { doel: 'Werken als magazijnmedewerker', startdatum: TODAY, hulpBijAanvraag: 'geen' },
      werkgever: {
        naam: 'Van Dijk', kvk: '12345678', iban: 'NL91ABNA0417164300', functie: 'Magazijn', contractMaanden: 12, urenPerWeek: 32, dagdelenPerWerkdag: 2,
        brutoLoonPerJaarCent: '24.000,00', werkgeverslastenPerJaarCent: '6.000', caoLoon: true, arbo: true, kredietwaardigheidAangetoond: false,
        voorgesteldeVergoedingPerJaarCent: '12.000,00', structureleKostenPerJaarCent: '',
      },
      begeleidingsorganisatie: {
        naam: 'Jobcoach', kvk: '87654321', iban: 'NL44RABO0123456789', gekwalificeerd: true, kennisEnErvaring: true, uwvErkenning: false, plaatsingsresultaten: false,
        kennisArbeidshandicap: false, brancheEnKeurmerk: false, schriftelijkeAfspraak: true, begeleidingUrenPerWeek: 2, uurtariefCent: '60,00', jobfinding: false,
      },
      werkplekaanpassingGevraagd: false,
      werkplekaanpassing: { omschrijving: 'genegeerd', kostenCent: '1,00' },
      ondertekening: { klant: { naam: 'S. de Wit', datum: TODAY }, werkgever: { naam: '', datum: null }, begeleidingsorganisatie: { naam: 'M. Jansen', datum: TODAY } },
    };
    const r = load('pgb-bw-aanvraag').validate({ aanvraag });
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (!r.ok) return;
    const v = r.value.aanvraag as { werkgever: Record<string, unknown>; begeleidingsorganisatie: Record<string, unknown>; werkplekaanpassing?: unknown };
    expect(v.werkgever.brutoLoonPerJaarCent).toBe(2_400_000);
    expect(v.begeleidingsorganisatie.uurtariefCent).toBe(6_000);
    expect(v.werkplekaanpassing).toBeUndefined();
  });

  it('the beoordeling asks for coded gronden only when the advice is afwijzen', () => {
    const form = load('pgb-bw-beoordeling');
    const ctx = { policy: { hardheidsclausule: { actief: false } } };
    expect(form.validate({ beoordeling: { passend: 'ja', advies: 'afwijzen', afwijzingsgronden: [], motivering: 'Voldoet niet.' } }, ctx).ok).toBe(false);
    expect(form.validate({ beoordeling: { passend: 'ja', advies: 'afwijzen', afwijzingsgronden: ['R08'], motivering: 'Voldoet niet.' } }, ctx).ok).toBe(true);
    expect(form.validate({ beoordeling: { passend: 'ja', advies: 'toekennen', motivering: 'Voldoet.' } }, ctx).ok).toBe(true);
    expect(form.validate({ beoordeling: { passend: 'ja', advies: 'afwijzen', afwijzingsgronden: ['R01'], motivering: 'x' } }, ctx).ok).toBe(false);
  });
});
