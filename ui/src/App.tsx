import { Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button, Link, Paragraph } from '@utrecht/component-library-react';
import { api, setUnauthorizedHandler, type Session } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { homesFor, navFor } from './homes.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { MessagePage } from './pages/MessagePage.tsx';
import { resolveRoute } from './routes.tsx';
import { linkProps, navigate, usePath } from './router.tsx';

type State =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'authenticated'; session: Session };

const LOGIN_PATH = '/inloggen';

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [loggingOut, setLoggingOut] = useState(false);
  // Where an anonymous visitor wanted to go; used once after login.
  const returnTo = useRef<string | null>(null);
  const path = usePath();

  const loadSession = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const session = await api.me();
      setState(session ? { status: 'authenticated', session } : { status: 'anonymous' });
    } catch {
      setState({ status: 'unreachable' });
    }
  }, []);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  useEffect(() => {
    setUnauthorizedHandler(() =>
      setState({ status: 'anonymous', notice: 'Uw sessie is verlopen. Log opnieuw in.' }),
    );
    return () => setUnauthorizedHandler(undefined);
  }, []);

  // Keep the URL in line with the session: anonymous → /inloggen, logged in → away from it.
  useLayoutEffect(() => {
    if (state.status === 'anonymous' && path !== LOGIN_PATH) {
      if (path !== '/') returnTo.current = path + window.location.search;
      navigate(LOGIN_PATH, { replace: true });
    }
    if (state.status === 'authenticated' && (path === LOGIN_PATH || path === '/')) {
      const homes = homesFor(state.session.roles);
      let target = homes[0]?.path ?? '/geen-rol';
      const wanted = returnTo.current;
      returnTo.current = null;
      if (wanted && resolveRoute(wanted.split('?')[0]!, state.session.roles).kind === 'ok') target = wanted;
      navigate(target, { replace: true });
    }
  }, [state, path]);

  const onLogout = useCallback(async () => {
    setLoggingOut(true);
    try {
      await api.logout();
    } catch {
      // The session is gone from the client's point of view either way; a 401 means it already was.
    } finally {
      setLoggingOut(false);
      setState({ status: 'anonymous', notice: 'U bent uitgelogd.' });
    }
  }, []);

  if (state.status === 'loading') {
    return (
      <Layout>
        <p className="regie-loading" role="status">
          Bezig met laden…
        </p>
      </Layout>
    );
  }

  if (state.status === 'unreachable') {
    return (
      <Layout>
        <MessagePage title="Regie is niet bereikbaar">
          <Paragraph>Regie is op dit moment niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.</Paragraph>
          <Button appearance="primary-action-button" onClick={() => void loadSession()}>
            Opnieuw proberen
          </Button>
        </MessagePage>
      </Layout>
    );
  }

  if (state.status === 'anonymous') {
    return (
      <Layout>
        <LoginPage notice={state.notice} onLoggedIn={(session) => setState({ status: 'authenticated', session })} />
      </Layout>
    );
  }

  return <Shell session={state.session} path={path} onLogout={onLogout} loggingOut={loggingOut} />;
}

/**
 * Moves focus to the page's h1 after an in-app navigation. Lazy pages show a
 * loading text first and their real h1 later (sometimes replacing a loading h1),
 * so keep watching the main area for a few seconds and focus each new h1 while
 * focus is still where the navigation left it (the clicked link, the body, or
 * the h1 we focused before). Stops as soon as the user moves focus elsewhere.
 */
function focusHeadingWhenReady(startedAt: Element | null): () => void {
  const main = document.getElementById('inhoud');
  if (!main) return () => undefined;
  let focused: HTMLElement | null = null;
  const tryFocus = () => {
    const h1 = main.querySelector<HTMLElement>('h1');
    if (!h1 || h1 === focused) return;
    const active = document.activeElement;
    const untouched = !active || active === document.body || active === startedAt || active === focused || !active.isConnected;
    if (!untouched) return;
    h1.focus();
    focused = h1;
  };
  tryFocus();
  const observer = new MutationObserver(tryFocus);
  observer.observe(main, { childList: true, subtree: true });
  const stop = window.setTimeout(() => observer.disconnect(), 5000);
  return () => {
    observer.disconnect();
    window.clearTimeout(stop);
  };
}

function Shell({
  session,
  path,
  onLogout,
  loggingOut,
}: {
  session: Session;
  path: string;
  onLogout: () => void;
  loggingOut: boolean;
}) {
  const homes = homesFor(session.roles);
  const match = resolveRoute(path, session.roles);
  const title = match.kind === 'ok' ? match.route.title : match.kind === 'forbidden' ? 'Geen toegang' : 'Pagina niet gevonden';
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${title} – Regie`;
    // After an in-app navigation, move focus to the new page's heading (WCAG 2.4.3),
    // so screen reader users hear where they are. Not on the first page load.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    return focusHeadingWhenReady(document.activeElement);
  }, [path, title]);

  let content;
  if (homes.length === 0) {
    content = (
      <MessagePage title="Geen toegang">
        U bent ingelogd, maar aan uw account is nog geen rol toegekend. Neem contact op met de beheerder van uw
        organisatie.
      </MessagePage>
    );
  } else if (match.kind === 'ok') {
    const Component = match.route.component;
    content = (
      <Suspense fallback={<p role="status">Bezig met laden…</p>}>
        <Component session={session} params={match.params} />
      </Suspense>
    );
  } else {
    // A way on from a dead end: the user's own start page.
    const verder = (
      <Paragraph>
        <Link {...linkProps(homes[0]!.path)}>Naar {homes[0]!.title}</Link>
      </Paragraph>
    );
    content =
      match.kind === 'forbidden' ? (
        <MessagePage title="Geen toegang">
          <Paragraph>U heeft geen toegang tot deze pagina.</Paragraph>
          {verder}
        </MessagePage>
      ) : (
        <MessagePage title="Pagina niet gevonden">
          <Paragraph>Deze pagina bestaat niet. Controleer het adres of kies een onderdeel in het menu.</Paragraph>
          {verder}
        </MessagePage>
      );
  }

  return (
    <Layout session={session} homes={homes} nav={navFor(session.roles)} currentPath={path} onLogout={onLogout} loggingOut={loggingOut}>
      {content}
    </Layout>
  );
}
