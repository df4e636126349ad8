import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { api, type Session } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { loginFailure, validateLogin, type LoginFailure, type LoginField } from '../login-errors.ts';

export interface LoginPageProps {
  onLoggedIn: (session: Session) => void;
  /** A notice from a previous action, e.g. "U bent uitgelogd." */
  notice?: string | undefined;
  /** Injected in component tests; defaults to the real API. */
  login?: (username: string, password: string) => Promise<Session>;
}

const FIELD_IDS: Record<LoginField, string> = { username: 'gebruikersnaam', password: 'wachtwoord' };

export function LoginPage({ onLoggedIn, notice, login = api.login }: LoginPageProps) {
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped on every failure, so the summary is focused again on a repeated failure.
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Inloggen – Regie';
    // FormFieldTextbox does not pass these through to the <input>.
    usernameRef.current?.setAttribute('autocapitalize', 'none');
    usernameRef.current?.setAttribute('spellcheck', 'false');
  }, []);

  useEffect(() => {
    if (failure) summaryRef.current?.focus();
  }, [failure, attempt]);

  const fail = (f: LoginFailure) => {
    setFailure(f);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const username = String(data.get('username') ?? '');
    const password = String(data.get('password') ?? '');
    const invalid = validateLogin(username, password);
    if (invalid) return fail(invalid);

    setBusy(true);
    try {
      const session = await login(username.trim(), password);
      onLoggedIn(session);
    } catch (err) {
      if (passwordRef.current) passwordRef.current.value = '';
      fail(loginFailure(err));
    } finally {
      setBusy(false);
    }
  }

  const fe = failure?.fieldErrors ?? {};
  const fieldLinks = (Object.keys(FIELD_IDS) as LoginField[])
    .filter((f) => fe[f])
    .map((f) => ({ id: FIELD_IDS[f], message: fe[f]! }));

  return (
    <div className="regie-login">
      <Heading level={1} tabIndex={-1}>
        Inloggen
      </Heading>
      <Paragraph>Log in met de gebruikersnaam en het wachtwoord die u van uw organisatie heeft gekregen.</Paragraph>

      {notice && !failure && (
        <Alert type="ok" role="status" className="regie-notice">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}

      {failure && (
        // A new element per attempt: screen readers announce a repeated error again.
        <ErrorSummary
          key={attempt}
          ref={summaryRef}
          title="Inloggen is niet gelukt"
          message={failure.message}
          fields={fieldLinks}
        />
      )}

      <form className="regie-form" method="post" action="/api/auth/login" noValidate onSubmit={onSubmit} aria-label="Inloggen">
        <FormFieldTextbox
          label="Gebruikersnaam"
          name="username"
          inputId={FIELD_IDS.username}
          autoComplete="username"
          inputRef={usernameRef}
          required
          invalid={Boolean(fe.username)}
          errorMessage={fe.username}
        />
        <FormFieldTextbox
          label="Wachtwoord"
          name="password"
          type="password"
          inputId={FIELD_IDS.password}
          inputRef={passwordRef}
          autoComplete="current-password"
          required
          invalid={Boolean(fe.password)}
          errorMessage={fe.password}
        />
        <div className="regie-form__actions">
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            Inloggen
          </Button>
        </div>
      </form>
    </div>
  );
}
