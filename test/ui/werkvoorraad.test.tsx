// @vitest-environment jsdom
/** The werkvoorraad in jsdom with a stubbed API: rows, traffic light, tabs, paging and claim. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { setCsrfToken, type Session } from '../../ui/src/api.ts';
import { WerkvoorraadPage } from '../../ui/src/pages/WerkvoorraadPage.tsx';
import type { Task } from '../../ui/src/regie-api.ts';

const SESSION: Session = {
  user: { id: 'u1', username: 'klantmanager.almere', displayName: 'Klantmanager Almere' },
  tenant: { id: 'almere', naam: 'Almere', soort: 'gemeente', cbsCode: '0034' },
  roles: ['klantmanager'],
  csrfToken: 'csrf-1',
};

const task = (i: number, over: Partial<Task> = {}): Task => ({
  key: `t${i}`,
  name: 'Intake vastleggen',
  phase: 'orientatie',
  formId: 'intake',
  assignee: null,
  candidateGroups: ['klantmanager'],
  dueDate: '2026-12-01T09:00:00Z',
  overdue: false,
  createdAt: '2026-11-01T09:00:00Z',
  zaak: {
    id: `z${i}`,
    identificatie: `0034-PRB-2026-00000${i}`,
    regeling: 'prb',
    klantNaam: `Klant ${i}`,
    klokStatus: 'op-tijd',
    uiterlijkeEinddatumAfdoening: '2027-01-14',
  },
  ...over,
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const calls: { url: string; init?: RequestInit }[] = [];

beforeEach(() => {
  calls.length = 0;
  setCsrfToken('csrf-1');
  window.history.replaceState(null, '', '/werkvoorraad');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, ...(init ? { init } : {}) });
      if (url.startsWith('/api/tasks?')) {
        const q = new URLSearchParams(url.split('?')[1]);
        const page = Number(q.get('page'));
        const items =
          page === 2
            ? [task(9)]
            : [task(1, { zaak: { ...task(1).zaak!, klokStatus: 'termijn-verlopen' } }), task(2, { overdue: true }), task(3, { assignee: 'klantmanager.almere' })];
        return json({ items, total: 26, page, pageSize: 25 });
      }
      if (url.endsWith('/claim')) return json(task(1, { assignee: 'klantmanager.almere' }));
      return json({ type: 'about:blank', title: 'Niet gevonden', status: 404 }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Werkvoorraad', () => {
  it('shows each task with zaak, due date and a labelled traffic light', async () => {
    render(<WerkvoorraadPage session={SESSION} params={{}} />);
    const row1 = (await screen.findByText('Klant 1')).closest('tr')!;
    expect(within(row1).getByText('Wettelijke termijn verlopen')).toBeTruthy();
    const row2 = screen.getByText('Klant 2').closest('tr')!;
    expect(within(row2).getByText('Taak te laat')).toBeTruthy();
    const row3 = screen.getByText('Klant 3').closest('tr')!;
    expect(within(row3).getByRole('button', { name: /teruggeven/ })).toBeTruthy();
    expect(screen.getByText('26 taken, de vroegste uiterste datum eerst.')).toBeTruthy();
    expect(calls[0]!.url).toBe('/api/tasks?view=mine&page=1&pageSize=25');
  });

  it('switches tabs and pages on the server and keeps them in the URL', async () => {
    const user = userEvent.setup();
    render(<WerkvoorraadPage session={SESSION} params={{}} />);
    await screen.findByText('Klant 1');
    await user.click(screen.getByRole('button', { name: 'Taken van mijn groep' }));
    expect(screen.getByRole('button', { name: 'Taken van mijn groep' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    await screen.findByText('Klant 9');
    expect(calls.at(-1)!.url).toBe('/api/tasks?view=group&page=2&pageSize=25');
    expect(window.location.search).toBe('?weergave=group&pagina=2');
    expect(screen.getByText('Pagina 2 van 2')).toBeTruthy();
  });

  it('claims with the CSRF token and says so', async () => {
    const user = userEvent.setup();
    render(<WerkvoorraadPage session={SESSION} params={{}} />);
    await screen.findByText('Klant 1');
    await user.click(screen.getByRole('button', { name: 'Intake vastleggen oppakken (Klant 1, 0034-PRB-2026-000001)' }));
    await screen.findByText('U heeft de taak "Intake vastleggen" opgepakt.');
    const claim = calls.find((c) => c.url === '/api/tasks/t1/claim')!;
    expect(claim.init?.method).toBe('POST');
    expect((claim.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
  });
});
