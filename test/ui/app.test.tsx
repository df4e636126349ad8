// @vitest-environment jsdom
/** The App's session flow in jsdom with a stubbed fetch: /api/me decides login or home. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { App } from '../../ui/src/App.tsx';
import type { Session } from '../../ui/src/api.ts';

const SESSION: Session = {
  user: { id: 'u1', username: 'manager.almere', displayName: 'Manager Almere' },
  tenant: { id: 'almere', naam: 'Almere', soort: 'gemeente', cbsCode: '0034' },
  roles: ['manager', 'klantmanager'],
  csrfToken: 'csrf-1',
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthorized = () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Niet ingelogd', status: 401 }), {
    status: 401,
    headers: { 'content-type': 'application/problem+json' },
  });

let loggedIn = false;
const calls: { url: string; init: RequestInit | undefined }[] = [];

beforeEach(() => {
  loggedIn = false;
  calls.length = 0;
  window.history.replaceState(null, '', '/');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/me') return loggedIn ? json(SESSION) : unauthorized();
      if (url === '/api/auth/login') {
        loggedIn = true;
        return json(SESSION);
      }
      if (url.startsWith('/api/tasks?')) return json({ items: [], total: 0, page: 1, pageSize: 25 });
      if (url === '/api/doorlooptijden') return json({ peildatum: '2026-11-22', regelingen: [] });
      if (url === '/api/auth/logout') {
        loggedIn = false;
        return new Response(null, { status: 204 });
      }
      return unauthorized();
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('shows the login page at /inloggen when there is no session', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    expect(window.location.pathname).toBe('/inloggen');
  });

  it('logs in, shows the first home with role navigation, and logs out with the CSRF token', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Gebruikersnaam'), 'manager.almere');
    await user.type(screen.getByLabelText('Wachtwoord'), 'regie-demo');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    await screen.findByRole('heading', { level: 1, name: 'Werkvoorraad' });
    expect(window.location.pathname).toBe('/werkvoorraad');
    expect(document.title).toBe('Werkvoorraad – Regie');
    expect(screen.getByTestId('organisatie').textContent).toBe('Gemeente Almere');

    await user.click(screen.getByRole('link', { name: 'Doorlooptijden' }));
    await screen.findByRole('heading', { level: 1, name: 'Doorlooptijden' });
    expect(window.location.pathname).toBe('/doorlooptijden');
    await screen.findByText('Er zijn nog geen zaken om doorlooptijden over te tonen.');

    await user.click(screen.getByRole('button', { name: 'Uitloggen' }));
    await screen.findByText('U bent uitgelogd.');
    const logout = calls.find((c) => c.url === '/api/auth/logout');
    expect((logout?.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
    await waitFor(() => expect(window.location.pathname).toBe('/inloggen'));
  });

  it('shows a retry page when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Regie is niet bereikbaar' });
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });
});
