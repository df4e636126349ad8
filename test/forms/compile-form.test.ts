import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileForm, loadFormSchema, type CompiledForm, type ValidationResult } from '../../forms/index.ts';

const TODAY = '2025-06-15';

function compile(components: unknown[]): CompiledForm {
  return compileForm(loadFormSchema({ type: 'default', id: 'test', components }), { today: () => TODAY });
}

function example(name: string): CompiledForm {
  const text = readFileSync(new URL(`../../forms/examples/${name}.form`, import.meta.url), 'utf8');
  return compileForm(loadFormSchema(text), { today: () => TODAY });
}

function errorsOf(result: ValidationResult): Record<string, string> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

function valueOf(result: ValidationResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('text fields', () => {
  const form = compile([
    { type: 'textfield', key: 'naam', label: 'Uw naam', validate: { required: true, minLength: 2, maxLength: 5 } },
    { type: 'textfield', key: 'code', validate: { pattern: '^[A-Z]{3}$', patternErrorMessage: 'Drie hoofdletters.' } },
    { type: 'textfield', key: 'email', validate: { validationType: 'email' } },
    { type: 'textfield', key: 'tel', validate: { validationType: 'phone' } },
    { type: 'textarea', key: 'toelichting' },
  ]);
  it('keeps trimmed text and gives empty optional fields ""', () => {
    expect(valueOf(form.validate({ naam: ' Jan ' }))).toEqual({ naam: 'Jan', code: '', email: '', tel: '', toelichting: '' });
  });
  it('says in Dutch what is wrong', () => {
    expect(errorsOf(form.validate({}))).toEqual({ naam: 'Vul uw naam in.' });
    expect(errorsOf(form.validate({ naam: '   ' }))).toEqual({ naam: 'Vul uw naam in.' });
    expect(errorsOf(form.validate({ naam: 'J' }))).toEqual({ naam: 'Vul minstens 2 tekens in.' });
    expect(errorsOf(form.validate({ naam: 'Jannetje' }))).toEqual({ naam: 'Vul maximaal 5 tekens in.' });
    expect(errorsOf(form.validate({ naam: 'Jan', code: 'abc', email: 'x@', tel: '12' }))).toEqual({
      code: 'Drie hoofdletters.',
      email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
      tel: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
    });
  });
  it('refuses an object where text belongs', () => {
    expect(errorsOf(form.validate({ naam: { a: 1 } })).naam).toBe('Vul hier tekst in.');
  });
  it('caps any text at 10.000 characters', () => {
    expect(errorsOf(form.validate({ naam: 'Jan', toelichting: 'x'.repeat(10_001) })).toelichting).toContain('maximaal 10000');
  });
});

describe('Regie types', () => {
  const form = compile([
    { type: 'textfield', key: 'bsn', label: 'BSN', validate: { required: true }, properties: { 'regie.type': 'bsn' } },
    { type: 'textfield', key: 'iban', label: 'IBAN', properties: { 'regie.type': 'iban' } },
    { type: 'textfield', key: 'kvk', properties: { 'regie.type': 'kvk' } },
    { type: 'textfield', key: 'postcode', properties: { 'regie.type': 'postcode' } },
  ]);
  it('normalizes valid values', () => {
    expect(valueOf(form.validate({ bsn: '1112.22.333', iban: 'nl91 abna 0417 1643 00', kvk: '1234 5678', postcode: '3511ab' }))).toEqual({
      bsn: '111222333',
      iban: 'NL91ABNA0417164300',
      kvk: '12345678',
      postcode: '3511 AB',
    });
  });
  it('refuses invalid values with Dutch messages', () => {
    expect(errorsOf(form.validate({ bsn: '111222334', iban: 'NL92ABNA0417164300', kvk: '123', postcode: '0123 AB' }))).toEqual({
      bsn: 'Het BSN klopt niet. Controleer de 9 cijfers.',
      iban: 'Het IBAN klopt niet. Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00.',
      kvk: 'Het KvK-nummer bestaat uit 8 cijfers.',
      postcode: 'Vul de postcode in als 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.',
    });
  });
  it('says "Vul uw IBAN in." for an empty required IBAN', () => {
    const iban = compile([{ type: 'textfield', key: 'iban', label: 'Uw IBAN', validate: { required: true }, properties: { 'regie.type': 'iban' } }]);
    expect(errorsOf(iban.validate({ iban: '' }))).toEqual({ iban: 'Vul uw IBAN in.' });
  });
});

describe('euro amounts', () => {
  const form = compile([
    { type: 'textfield', key: 'bedrag', label: 'Bedrag', validate: { required: true, max: 500000 }, properties: { 'regie.type': 'euro' } },
    { type: 'textfield', key: 'extra', label: 'Extra', validate: { min: '=ondergrens' }, properties: { 'regie.type': 'euro' } },
  ]);
  it('stores euros typed with a comma as integer cents, and 0 cents is a real amount', () => {
    expect(valueOf(form.validate({ bedrag: '1.234,56' }))).toEqual({ bedrag: 123456, extra: null });
    expect(valueOf(form.validate({ bedrag: '0' }))).toEqual({ bedrag: 0, extra: null });
    expect(valueOf(form.validate({ bedrag: 0 }))).toEqual({ bedrag: 0, extra: null });
  });
  it('accepts exactly the maximum and refuses one cent more', () => {
    expect(valueOf(form.validate({ bedrag: '5.000,00' })).bedrag).toBe(500000);
    expect(errorsOf(form.validate({ bedrag: '5.000,01' }))).toEqual({ bedrag: 'Het bedrag mag niet hoger zijn dan € 5.000,00.' });
  });
  it('never accepts a negative amount', () => {
    expect(errorsOf(form.validate({ bedrag: '-10' }))).toEqual({ bedrag: 'Het bedrag mag niet negatief zijn.' });
    expect(errorsOf(form.validate({ bedrag: -1 }))).toEqual({ bedrag: 'Het bedrag mag niet negatief zijn.' });
  });
  it('explains the format and the required case', () => {
    expect(errorsOf(form.validate({ bedrag: '12.34' }))).toEqual({ bedrag: "Vul het bedrag in euro's in, bijvoorbeeld 1.234,56." });
    expect(errorsOf(form.validate({ bedrag: 12.5 }))).toEqual({ bedrag: "Vul het bedrag in euro's in, bijvoorbeeld 1.234,56." });
    expect(errorsOf(form.validate({ bedrag: '' }))).toEqual({ bedrag: 'Vul bedrag in.' });
  });
  it('takes a FEEL minimum from the task variables', () => {
    expect(errorsOf(form.validate({ bedrag: '1', extra: '9,99' }, { ondergrens: 1000 }))).toEqual({ extra: 'Het bedrag moet minimaal € 10,00 zijn.' });
    expect(valueOf(form.validate({ bedrag: '1', extra: '10' }, { ondergrens: 1000 })).extra).toBe(1000);
    // No variable: the bound does not apply rather than refusing everything.
    expect(valueOf(form.validate({ bedrag: '1', extra: '0' })).extra).toBe(0);
  });
});

describe('number, checkbox, choices, dates, files', () => {
  const form = compile([
    { type: 'number', key: 'uren', label: 'Uren', decimalDigits: 1, validate: { min: 0, max: '=maxUren' } },
    { type: 'checkbox', key: 'akkoord', label: 'Akkoord', validate: { required: true } },
    { type: 'checklist', key: 'talen', values: [{ label: 'NL', value: 'nl' }, { label: 'EN', value: 'en' }] },
    { type: 'select', key: 'regio', label: 'Regio', valuesKey: 'regios', validate: { required: true } },
    { type: 'radio', key: 'ja', values: [{ label: 'Ja', value: 'ja' }, { label: 'Nee', value: 'nee' }] },
    { type: 'datetime', key: 'start', subtype: 'date', properties: { 'regie.datum': 'niet-in-verleden' } },
    { type: 'datetime', key: 'geboren', subtype: 'date', properties: { 'regie.datum': 'niet-in-toekomst' } },
    { type: 'datetime', key: 'eind', subtype: 'date', disallowPassedDates: true },
    { type: 'filepicker', key: 'bewijs' },
    { type: 'filepicker', key: 'bijlagen', multiple: true },
  ]);
  const context = { maxUren: 40, regios: [{ label: 'Utrecht', value: 'ut' }, 'amsterdam'] };
  const good = { uren: '12,5', akkoord: true, talen: ['nl'], regio: 'ut', start: TODAY, geboren: TODAY, eind: '2025-07-01', bewijs: 'doc-1', bijlagen: ['a', 'b'] };

  it('normalizes a good payload', () => {
    expect(valueOf(form.validate(good, context))).toEqual({ ...good, uren: 12.5, ja: null });
  });
  it('fills empty optional values so FEEL never meets a missing variable', () => {
    expect(valueOf(form.validate({ akkoord: true, regio: 'amsterdam' }, context))).toEqual({
      uren: null, akkoord: true, talen: [], regio: 'amsterdam', ja: null, start: null, geboren: null, eind: null, bewijs: null, bijlagen: [],
    });
  });
  it('refuses each kind of bad value', () => {
    expect(
      errorsOf(
        form.validate(
          { uren: '41', akkoord: 'true', talen: ['fr'], regio: 'rotterdam', ja: 'misschien', start: '2025-06-14', geboren: '2025-06-16', eind: '2025-02-30', bewijs: '../../etc/passwd', bijlagen: 'a' },
          context,
        ),
      ),
    ).toEqual({
      uren: 'Vul een getal in van maximaal 40.',
      akkoord: 'Ongeldige waarde: dit vakje is aan of uit.',
      talen: 'Kies een van de aangeboden antwoorden.',
      regio: 'Kies een van de aangeboden antwoorden.',
      ja: 'Kies een van de aangeboden antwoorden.',
      start: 'Kies een datum vanaf vandaag (15 juni 2025).',
      geboren: 'Kies een datum tot en met vandaag (15 juni 2025).',
      eind: 'Vul een geldige datum in, bijvoorbeeld 31-12-2025.',
      bewijs: 'Het bestand is niet goed opgeslagen. Voeg het opnieuw toe.',
      bijlagen: 'Het bestand is niet goed opgeslagen. Voeg het opnieuw toe.',
    });
  });
  it('asks for required checkbox and choice in Dutch, and checks decimals', () => {
    expect(errorsOf(form.validate({ uren: '1,25', akkoord: false }, context))).toEqual({
      uren: 'Gebruik maximaal 1 cijfer achter de komma.',
      akkoord: 'Vink "Akkoord" aan om verder te gaan.',
      regio: 'Kies regio.',
    });
  });
  it('refuses every select value when the valuesKey variable is missing', () => {
    expect(errorsOf(form.validate({ ...good, regio: 'ut' }, { maxUren: 40 })).regio).toBe('Kies een van de aangeboden antwoorden.');
  });
});

describe('hidden, readonly, expression and unknown keys', () => {
  const form = compile([
    { type: 'radio', key: 'besluit', values: [{ label: 'Toekennen', value: 'toekennen' }, { label: 'Afwijzen', value: 'afwijzen' }], validate: { required: true } },
    { type: 'textfield', key: 'budget', label: 'Budget', properties: { 'regie.type': 'euro' }, validate: { required: true }, conditional: { hide: '=besluit != "toekennen"' } },
    { type: 'group', label: 'Alleen bij toekennen', conditional: { hide: '=besluit = "afwijzen"' }, components: [{ type: 'textfield', key: 'voorwaarde', validate: { required: true } }] },
    { type: 'textfield', key: 'klantnaam', readonly: true },
    { type: 'textfield', key: 'notitie', disabled: '=besluit = "afwijzen"' },
    { type: 'expression', key: 'dubbel', expression: '=if budget = null then 0 else budget * 2' },
  ]);
  it('neither validates nor keeps a hidden required field', () => {
    expect(valueOf(form.validate({ besluit: 'afwijzen', budget: 'onzin', voorwaarde: 'x', notitie: 'weg' }))).toEqual({ besluit: 'afwijzen', dubbel: 0 });
  });
  it('validates the same field once it is visible', () => {
    expect(errorsOf(form.validate({ besluit: 'toekennen' }))).toEqual({ budget: 'Vul budget in.', voorwaarde: 'Vul dit veld in.' });
  });
  it('does not take readonly values from the payload and recomputes expressions', () => {
    expect(valueOf(form.validate({ besluit: 'toekennen', budget: '10', voorwaarde: 'x', klantnaam: 'Hacker', dubbel: 1 }, { klantnaam: 'Jan' }))).toEqual({
      besluit: 'toekennen', budget: 1000, voorwaarde: 'x', notitie: '', dubbel: 2000,
    });
  });
  it('refuses keys the form does not have, at any depth', () => {
    expect(errorsOf(form.validate({ besluit: 'afwijzen', rol: 'admin', __proto__x: 1 }))).toEqual({
      rol: 'Dit veld hoort niet bij dit formulier.',
      __proto__x: 'Dit veld hoort niet bij dit formulier.',
    });
    // JSON.parse makes "__proto__" an own key; it must be refused, not merged into a prototype.
    const result = form.validate(JSON.parse('{"besluit":"afwijzen","__proto__":{"admin":true}}'));
    expect(result).toEqual({ ok: false, errors: [{ field: '__proto__', message: 'Dit veld hoort niet bij dit formulier.' }] });
  });
  it('refuses a payload that is not an object', () => {
    for (const payload of [null, [], 'x', 3]) {
      expect(errorsOf(form.validate(payload))).toEqual({ '': 'Het formulier is leeg of heeft niet de goede vorm.' });
    }
  });
  it('settles conditions that depend on hidden fields the same way with or without their stale values', () => {
    const chain = compile([
      { type: 'checkbox', key: 'a' },
      { type: 'checkbox', key: 'b', conditional: { hide: '=a = false' } },
      { type: 'textfield', key: 'c', validate: { required: true }, conditional: { hide: '=b != true' } },
    ]);
    // Browser left b=true behind after a was unticked; the server may receive it or not.
    expect(valueOf(chain.validate({ a: false, b: true }))).toEqual({ a: false });
    expect(valueOf(chain.validate({ a: false }))).toEqual({ a: false });
  });
});

describe('groups with paths and dynamic lists', () => {
  const trajectplan = example('prb-trajectplan');
  const good = {
    doel: 'Werken als kok',
    activiteiten: [{ omschrijving: 'Koksopleiding', startdatum: '2025-09-01' }],
    begroting: [{ omschrijving: 'Opleiding', bedrag: '1.234,56' }, { omschrijving: 'Messen', bedrag: '0' }],
    aanbieder: { naam: 'Kookschool BV', kvk: '12345678', iban: 'NL91 ABNA 0417 1643 00' },
    offerte: 'doc-17',
  };
  it('stores rows with cents and computes the total', () => {
    const value = valueOf(trajectplan.validate(good, { maxBudget: 500000 }));
    expect(value.begroting).toEqual([{ omschrijving: 'Opleiding', bedrag: 123456 }, { omschrijving: 'Messen', bedrag: 0 }]);
    expect(value.totaal).toBe(123456);
    expect(value.aanbieder).toEqual({ naam: 'Kookschool BV', kvk: '12345678', iban: 'NL91ABNA0417164300' });
  });
  it('names the row in the error path', () => {
    const errors = errorsOf(trajectplan.validate({ ...good, begroting: [good.begroting[0], { omschrijving: '', bedrag: '6.000' }] }, { maxBudget: 500000 }));
    expect(errors).toEqual({
      'begroting[1].omschrijving': 'Vul waarvoor in.',
      'begroting[1].bedrag': 'Het bedrag mag niet hoger zijn dan € 5.000,00.',
    });
  });
  it('refuses an empty list when rows are required, and unknown keys inside rows', () => {
    expect(errorsOf(trajectplan.validate({ ...good, activiteiten: [] }, { maxBudget: 500000 }))).toEqual({
      activiteiten: 'Voeg bij activiteiten minstens 1 regel toe.',
    });
    expect(errorsOf(trajectplan.validate({ ...good, activiteiten: [{ ...good.activiteiten[0], prijs: 5 }] }, { maxBudget: 500000 }))).toEqual({
      'activiteiten[0].prijs': 'Dit veld hoort niet bij dit formulier.',
    });
  });
  it('refuses a list that is not a list and too many rows', () => {
    expect(errorsOf(trajectplan.validate({ ...good, begroting: 'veel' }, { maxBudget: 500000 })).begroting).toBe('Deze lijst heeft niet de goede vorm.');
    const many = Array.from({ length: 51 }, () => ({ omschrijving: 'x', bedrag: '1' }));
    expect(errorsOf(trajectplan.validate({ ...good, begroting: many }, { maxBudget: 500000 })).begroting).toBe('Bij begroting kunnen maximaal 50 regels.');
  });
  it('an empty optional list is fine', () => {
    const list = compile([{ type: 'dynamiclist', path: 'rijen', components: [{ type: 'textfield', key: 'x', validate: { required: true } }] }]);
    expect(valueOf(list.validate({ rijen: [] }))).toEqual({ rijen: [] });
    expect(valueOf(list.validate({}))).toEqual({ rijen: [] });
  });
  it('evaluates row conditions against the row (and `this`)', () => {
    const list = compile([
      {
        type: 'dynamiclist',
        path: 'rijen',
        components: [
          { type: 'checkbox', key: 'anders' },
          { type: 'textfield', key: 'uitleg', label: 'Uitleg', validate: { required: true }, conditional: { hide: '=not(this.anders)' } },
        ],
      },
    ]);
    expect(errorsOf(list.validate({ rijen: [{ anders: false }, { anders: true }] }))).toEqual({ 'rijen[1].uitleg': 'Vul uitleg in.' });
  });
});

describe('examples', () => {
  it('aanmelding: hides uitkeringSinds when there is no uitkering', () => {
    const form = example('prb-aanmelding');
    const payload = {
      naam: 'Fatima el Amrani',
      bsn: '111222333',
      geboortedatum: '1990-04-02',
      contact: { email: 'fatima@example.nl', telefoon: '06 12345678', postcode: '3511 AB', huisnummer: '12A' },
      uitkering: 'geen',
      motivatie: 'Ik wil graag als doktersassistent werken en heb daarvoor een opleiding nodig.',
      toestemming: true,
    };
    expect(valueOf(form.validate(payload)).uitkeringSinds).toBeUndefined();
    expect(errorsOf(form.validate({ ...payload, uitkering: 'ww' }))).toEqual({
      uitkeringSinds: 'Geef antwoord op de vraag: Sinds wanneer heeft u deze uitkering?',
    });
  });
  it('besluit: budget hidden when afwijzen, capped by the requested total (FEEL max)', () => {
    const form = example('prb-besluit');
    const motivering = 'De aanvraag past binnen de regeling.';
    expect(valueOf(form.validate({ besluit: 'afwijzen', motivering }, { totaal: 150000 }))).toEqual({ besluit: 'afwijzen', motivering });
    expect(errorsOf(form.validate({ besluit: 'toekennen', budget: '1.500,01', ingangsdatum: TODAY, motivering }, { totaal: 150000 }))).toEqual({
      budget: 'Het bedrag mag niet hoger zijn dan € 1.500,00.',
    });
  });
});

describe('prefill', () => {
  it('opens with the variables the keys name, then defaults, then empty values', () => {
    const form = compile([
      { type: 'textfield', key: 'naam' },
      { type: 'textfield', key: 'land', defaultValue: 'Nederland' },
      { type: 'group', path: 'adres', components: [{ type: 'textfield', key: 'postcode', properties: { 'regie.type': 'postcode' } }] },
      { type: 'textfield', key: 'budget', properties: { 'regie.type': 'euro' } },
      { type: 'dynamiclist', path: 'rijen', defaultRepetitions: 2, components: [{ type: 'textfield', key: 'x' }] },
      { type: 'expression', key: 'som', expression: '=budget + 1' },
    ]);
    expect(form.prefill({ naam: 'Jan', adres: { postcode: '3511 AB' }, budget: 1000, geheim: 'niet meenemen' })).toEqual({
      naam: 'Jan', land: 'Nederland', adres: { postcode: '3511 AB' }, budget: 1000, rijen: [{ x: '' }, { x: '' }], som: 1001,
    });
    expect(form.prefill({ rijen: [{ x: 'a' }] }).rijen).toEqual([{ x: 'a' }]);
  });
});

describe('hostile values', () => {
  it('refuses an object where a text is expected, even one with its own toString, without crashing', () => {
    const form = compileForm(loadFormSchema({ type: 'default', id: 'x', schemaVersion: 16, components: [{ type: 'textfield', id: 'N', key: 'naam', label: 'Naam', validate: { required: true } }] }));
    for (const naam of [{ toString: ' ' }, { toString: 1 }, {}]) {
      const r = form.validate({ naam });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([{ field: 'naam', message: 'Vul hier tekst in.' }]);
    }
  });
});

