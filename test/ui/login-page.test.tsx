// @vitest-environment jsdom
/**
 * The login form in jsdom: validation, error texts per server answer, focus.
 * The API call is injected, so no server is needed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiError, NetworkError, type Problem, type Session } from '../../ui/src/api.ts';
import { LoginPage } from '../../ui/src/pages/LoginPage.tsx';

afterEach(cleanup);

const SESSION: Session = {
  user: { id: 'u1', username: 'klantmanager.almere', displayName: 'Klantmanager Almere' },
  tenant: { id: 'almere', naam: 'Almere', soort: 'gemeente', cbsCode: '0034' },
  roles: ['klantmanager'],
  csrfToken: 'csrf',
};

const problem = (status: number, extra: Partial<Problem> = {}): Problem => ({
  type: 'about:blank',
  title: 'Fout',
  status,
  ...extra,
});

function setup(login: (u: string, p: string) => Promise<Session>) {
  const onLoggedIn = vi.fn();
  const user = userEvent.setup();
  render(<LoginPage login={login} onLoggedIn={onLoggedIn} />);
  const fill = async (username: string, password: string) => {
    if (username) await user.type(screen.getByLabelText('Gebruikersnaam'), username);
    if (password) await user.type(screen.getByLabelText('Wachtwoord'), password);
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
  };
  return { onLoggedIn, fill, user };
}

const summaryText = () => document.querySelector('.regie-error-summary')?.textContent ?? '';

describe('LoginPage', () => {
  it('logs in with trimmed username and reports the session', async () => {
    const login = vi.fn(async () => SESSION);
    const { onLoggedIn, fill } = setup(login);
    await fill('  klantmanager.almere ', 'regie-demo');
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(SESSION));
    expect(login).toHaveBeenCalledWith('klantmanager.almere', 'regie-demo');
  });

  it('does not call the server with empty fields and marks both fields', async () => {
    const login = vi.fn(async () => SESSION);
    const { fill } = setup(login);
    await fill('', '');
    expect(login).not.toHaveBeenCalled();
    expect(summaryText()).toContain('Vul alle velden in om in te loggen.');
    const username = screen.getByLabelText('Gebruikersnaam');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Wachtwoord').getAttribute('aria-invalid')).toBe('true');
    // The error text is part of the field's accessible description.
    const ids = (username.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toContain('Vul uw gebruikersnaam in.');
    expect(document.activeElement?.classList.contains('regie-error-summary')).toBe(true);
  });

  it('only asks for the password when the username is filled in', async () => {
    const { fill } = setup(vi.fn(async () => SESSION));
    await fill('klantmanager.almere', '');
    expect(screen.getByLabelText('Gebruikersnaam').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('link', { name: 'Vul uw wachtwoord in.' })).toBeTruthy();
  });

  it('401: says the combination is wrong, not which part, and clears the password', async () => {
    const { fill } = setup(vi.fn(async () => Promise.reject(new ApiError(problem(401)))));
    await fill('klantmanager.almere', 'fout');
    await waitFor(() => expect(summaryText()).toContain('De gebruikersnaam of het wachtwoord is onjuist.'));
    expect((screen.getByLabelText('Wachtwoord') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Gebruikersnaam') as HTMLInputElement).value).toBe('klantmanager.almere');
  });

  it('423: says the account is locked and how long to wait (from Retry-After)', async () => {
    const { fill } = setup(vi.fn(async () => Promise.reject(new ApiError(problem(423), 14 * 60 + 5))));
    await fill('beslisser.almere', 'regie-demo');
    await waitFor(() => expect(summaryText()).toContain('Uw account is tijdelijk geblokkeerd'));
    expect(summaryText()).toContain('U kunt over 15 minuten opnieuw inloggen.');
  });

  it('423 without Retry-After: falls back to the server detail', async () => {
    const detail = 'Probeer het over 3 minuten opnieuw.';
    const { fill } = setup(vi.fn(async () => Promise.reject(new ApiError(problem(423, { detail })))));
    await fill('beslisser.almere', 'regie-demo');
    await waitFor(() => expect(summaryText()).toContain(detail));
  });

  it('429: asks to wait', async () => {
    const { fill } = setup(vi.fn(async () => Promise.reject(new ApiError(problem(429), 45))));
    await fill('beslisser.almere', 'x');
    await waitFor(() => expect(summaryText()).toContain('Er zijn te veel inlogpogingen gedaan. Wacht 45 seconden'));
  });

  it('400: shows the server field errors at the fields', async () => {
    const err = new ApiError(
      problem(400, { errors: [{ field: 'username', message: 'Gebruikersnaam is te lang.' }] }),
    );
    const { fill } = setup(vi.fn(async () => Promise.reject(err)));
    await fill('x'.repeat(10), 'regie-demo');
    await waitFor(() => expect(screen.getByLabelText('Gebruikersnaam').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Gebruikersnaam is te lang.' })).toBeTruthy();
  });

  it('network failure: says Regie is not reachable', async () => {
    const { fill } = setup(vi.fn(async () => Promise.reject(new NetworkError(new TypeError('fetch failed')))));
    await fill('klantmanager.almere', 'regie-demo');
    await waitFor(() => expect(summaryText()).toContain('Regie is op dit moment niet bereikbaar.'));
  });

  it('a repeated failure renders a new summary and focuses it again', async () => {
    const { fill, user } = setup(vi.fn(async () => Promise.reject(new ApiError(problem(401)))));
    await fill('klantmanager.almere', 'fout');
    await waitFor(() => expect(summaryText()).toContain('onjuist'));
    const first = document.querySelector('.regie-error-summary');
    await user.type(screen.getByLabelText('Wachtwoord'), 'nog-fout');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(document.querySelector('.regie-error-summary')).not.toBe(first));
    expect(document.activeElement?.classList.contains('regie-error-summary')).toBe(true);
  });
});
