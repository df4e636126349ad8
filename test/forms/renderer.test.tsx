// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
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

describe('RegieForm behaviour', () => {
  it('on a failed submit shows a Dutch error summary that takes focus and links to each field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<RegieForm form={example('prb-besluit')} variables={{ naam: 'Jan', totaal: 150000, begroting: [] }} onSubmit={onSubmit} today={today} />);
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    const summary = await screen.findByRole('group', { name: 'Er zijn 2 fouten in het formulier' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Kies besluit.', 'Vul motivering in.']);
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(links[1]!);
    const motivering = screen.getByLabelText('Motivering');
    expect(document.activeElement).toBe(motivering);
    expect(motivering.getAttribute('aria-invalid')).toBe('true');
    const errorId = motivering.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-fout'))!;
    expect(document.getElementById(errorId)!.textContent).toBe('Fout: Vul motivering in.');
  });

  it('shows the budget only when toekennen is chosen, and submits cents without hidden fields', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<RegieForm form={example('prb-besluit')} variables={{ naam: 'Jan', totaal: 150000, begroting: [{ omschrijving: 'Cursus', bedrag: 150000 }] }} onSubmit={onSubmit} today={today} />);
    expect(screen.queryByLabelText('Toegekend budget')).toBeNull();
    expect(screen.getByText('Besluit op de aanvraag van Jan')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '€ 1.500,00' })).toBeTruthy();
    expect((screen.getByLabelText('Aangevraagd bedrag') as HTMLInputElement).value).toBe('1.500,00');

    await user.click(screen.getByLabelText('Toekennen'));
    const budget = screen.getByLabelText('Toegekend budget');
    await user.type(budget, '1250,5');
    await user.tab();
    expect((budget as HTMLInputElement).value).toBe('1.250,50');
    await user.type(screen.getByLabelText('Ingangsdatum'), TODAY);
    await user.type(screen.getByLabelText('Motivering'), 'Past binnen de regeling en het doel.');

    await user.click(screen.getByLabelText('Afwijzen'));
    expect(screen.queryByLabelText('Toegekend budget')).toBeNull();
    await user.click(screen.getByLabelText('Toekennen'));
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ besluit: 'toekennen', budget: 125050, ingangsdatum: TODAY, motivering: 'Past binnen de regeling en het doel.' });

    onSubmit.mockClear();
    await user.click(screen.getByLabelText('Afwijzen'));
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ besluit: 'afwijzen', motivering: 'Past binnen de regeling en het doel.' });
  });

  it('adds and removes begroting rows with named buttons and keeps the total in euros', async () => {
    const user = userEvent.setup();
    render(<RegieForm form={example('prb-trajectplan')} variables={{ maxBudget: 500000 }} onSubmit={() => {}} today={today} />);
    const begroting = screen.getByRole('group', { name: 'Begroting' });
    expect(within(begroting).getAllByRole('group')).toHaveLength(1);
    await user.type(within(begroting).getByLabelText(/^Bedrag/), '1.000');
    await user.click(screen.getByRole('button', { name: 'Begrotingsregel toevoegen' }));
    const rows = within(begroting).getAllByRole('group');
    expect(rows.map((r) => r.querySelector('legend')!.textContent)).toEqual(['Begrotingsregel 1', 'Begrotingsregel 2']);
    await waitFor(() => expect(document.activeElement).toBe(within(rows[1]!).getByLabelText('Waarvoor')));
    await user.type(within(rows[1]!).getByLabelText(/^Bedrag/), '234,56');
    expect(screen.getByLabelText('Totaal van de begroting').textContent).toBe('€ 1.234,56');

    await user.click(screen.getByRole('button', { name: 'Begrotingsregel 1 verwijderen' }));
    expect(within(begroting).getAllByRole('group')).toHaveLength(1);
    expect(screen.getByLabelText('Totaal van de begroting').textContent).toBe('€ 234,56');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Begrotingsregel toevoegen' }));
    expect(screen.getByText('Beschrijf uw plan. Uw budget is maximaal € 5.000,00.')).toBeTruthy();
  });

  it('names the row field in the summary and links to it', async () => {
    const user = userEvent.setup();
    render(<RegieForm form={example('prb-trajectplan')} variables={{ maxBudget: 500000 }} onSubmit={() => {}} today={today} />);
    await user.type(screen.getByLabelText(/^Bedrag/), '-5');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    const summary = await screen.findByRole('group', { name: /fouten in het formulier/ });
    const link = within(summary).getByRole('link', { name: 'Het bedrag mag niet negatief zijn.' });
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText(/^Bedrag/));
  });

  it('uploads a file with visible progress and submits the document id', async () => {
    const user = userEvent.setup();
    let finish: (value: { documentId: string }) => void = () => {};
    let report: (fraction: number) => void = () => {};
    const onUpload = vi.fn((_file: File, onProgress: (fraction: number) => void) => {
      report = onProgress;
      return new Promise<{ documentId: string }>((resolve) => (finish = resolve));
    });
    const onSubmit = vi.fn();
    const schema = loadFormSchema({ type: 'default', id: 'upload', components: [{ type: 'filepicker', key: 'offerte', label: 'Offerte', validate: { required: true } }] });
    render(<RegieForm form={schema} onSubmit={onSubmit} onUpload={onUpload} />);
    await user.upload(screen.getByLabelText('Offerte'), new File(['pdf'], 'offerte.pdf', { type: 'application/pdf' }));
    expect(onUpload).toHaveBeenCalledTimes(1);
    report(0.4);
    const progress = await screen.findByRole('progressbar', { name: 'Uploaden van offerte.pdf' });
    await waitFor(() => expect(progress.getAttribute('value')).toBe('0.4'));
    expect(screen.getByText(/40% geüpload/)).toBeTruthy();
    finish({ documentId: 'doc-42' });
    expect(await screen.findByText('offerte.pdf is toegevoegd.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ offerte: 'doc-42' }));
  });

  it('shows server errors (422) in the same summary', async () => {
    const schema = loadFormSchema({ type: 'default', id: 'x', components: [{ type: 'textfield', key: 'iban', label: 'Uw IBAN', properties: { 'regie.type': 'iban' } }] });
    render(<RegieForm form={schema} onSubmit={() => {}} serverErrors={[{ field: 'iban', message: 'Vul uw IBAN in.' }]} />);
    const summary = await screen.findByRole('group', { name: 'Er is 1 fout in het formulier' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'Vul uw IBAN in.' })).toBeTruthy();
  });

  it('renders html content without scripts or javascript: links', () => {
    const schema = loadFormSchema({
      type: 'default',
      id: 'x',
      components: [{ type: 'html', content: '<p>Zie <a href="javascript:alert(1)">dit</a> en <a href="https://www.utrecht.nl">Utrecht</a></p><script>alert(1)</script><img src=x onerror=alert(1)>' }],
    });
    const { container } = render(<RegieForm form={schema} onSubmit={() => {}} />);
    const html = container.querySelector('.utrecht-html')!.innerHTML;
    expect(html).not.toContain('script');
    expect(html).not.toContain('javascript');
    expect(html).not.toContain('onerror');
    expect(screen.getByRole('link', { name: 'Utrecht' }).getAttribute('href')).toBe('https://www.utrecht.nl');
  });

  it('keeps links within Regie (opening in a new tab, so the form stays) but not protocol-relative ones', () => {
    const schema = loadFormSchema({
      type: 'default',
      id: 'x',
      components: [{ type: 'html', content: '<p><a href="/aanbieders?regeling=iro">Aanbiedersgids</a> <a href="//evil.example/x">elders</a> <a href="/\\evil.example">ook elders</a></p>' }],
    });
    render(<RegieForm form={schema} onSubmit={() => {}} />);
    const gids = screen.getByRole('link', { name: 'Aanbiedersgids' });
    expect(gids.getAttribute('href')).toBe('/aanbieders?regeling=iro');
    expect(gids.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('elders').getAttribute('href')).toBeNull();
    expect(screen.getByText('ook elders').getAttribute('href')).toBeNull();
  });
});
