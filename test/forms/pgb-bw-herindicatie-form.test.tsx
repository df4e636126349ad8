// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { loadFormSchema } from '../../forms/index.ts';
import { RegieForm } from '../../forms/react/index.ts';

const form = loadFormSchema(readFileSync(resolve(process.cwd(), 'workflows/pgb-bw/forms/pgb-bw-herindicatie.form'), 'utf8'));

afterEach(cleanup);

// The klantmanager who judges a herindicatie sees what was registered (POST …/pgb-bw/herindicatie).
describe('pgb bw herindicatie task form', () => {
  it('shows the registered herindicatie: date, outcome in words and the toelichting', () => {
    const herindicatie = { datum: '2027-02-20', uitkomst: 'indicatie-gewijzigd', toelichting: 'Minder uren begeleiding nodig.' };
    render(<RegieForm form={form} variables={{ herindicatie }} onSubmit={() => {}} />);
    expect(screen.getByText('Geregistreerde herindicatie van 2027-02-20: de indicatie is gewijzigd.')).toBeTruthy();
    expect(screen.getByText('Toelichting van de klantmanager die haar vastlegde: Minder uren begeleiding nodig.')).toBeTruthy();
  });

  it('shows nothing of it for a herindicatie that came in without these fields', () => {
    render(<RegieForm form={form} variables={{}} onSubmit={() => {}} />);
    expect(screen.queryByText(/Geregistreerde herindicatie/)).toBeNull();
    expect(screen.getByText(/Er is een herindicatie binnengekomen/)).toBeTruthy();
  });
});
