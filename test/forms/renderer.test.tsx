// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadFormSchema, type FormSchema } from '../../forms/index.ts';
import { RegieForm } from '../../forms/react/index.ts';

const TODAY = '2025-06-15';
const today = () => TODAY;

function example(name: string): FormSchema {
  return loadFormSchema(readFileSync(resolve(process.cwd(), 'forms/examples', `${name}.form`), 'utf8'));
}

afterEach(cleanup);

describe('RegieForm', () => {
  it('renders each field with a visible label and its description linked by aria-describedby', () => {
    render(<RegieForm form={example('prb-aanmelding')} onSubmit={() => {}} today={today} />);
    const bsn = screen.getByLabelText('Uw burgerservicenummer (BSN)');
    expect(bsn.tagName).toBe('INPUT');
    const describedBy = bsn.getAttribute('aria-describedby')!;
    const description = document.getElementById(describedBy)!;
    expect(description.textContent).toContain('U vindt uw BSN op uw paspoort');
    expect(description.textContent).toContain('9 cijfers');
    expect(screen.getByLabelText('Uw telefoonnummer (niet verplicht)')).toHaveProperty('type', 'tel');
    expect(screen.getByRole('group', { name: 'Welke uitkering heeft u?' })).toBeTruthy();
  });
});
