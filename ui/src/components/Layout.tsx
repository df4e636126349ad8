import type { ReactNode } from 'react';
import {
  Button,
  Document,
  NavBar,
  NavList,
  NavListLink,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import type { Session, Tenant } from '../api.ts';
import type { Home, NavItem } from '../homes.ts';
import { linkProps } from '../router.tsx';

export function tenantLabel(tenant: Tenant | null): string | null {
  if (!tenant) return null;
  if (tenant.soort === 'gemeente' && !/^gemeente\b/i.test(tenant.naam)) return `Gemeente ${tenant.naam}`;
  return tenant.naam;
}

function Logo({ href }: { href: string }) {
  return (
    <a className="regie-logo" {...linkProps(href)}>
      <svg className="regie-logo__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="4" />
        <path d="M9 7h8a6 6 0 0 1 1.6 11.8L24 25h-4.6l-4.8-5.8H13V25H9zm4 3.5v5.3h4a2.65 2.65 0 0 0 0-5.3z" />
      </svg>
      <span className="regie-logo__text">
        <span className="regie-logo__name">Regie</span>
        <span className="regie-logo__tagline">Re-integratiebudgetten</span>
      </span>
    </a>
  );
}

export interface LayoutProps {
  children: ReactNode;
  session?: Session | undefined;
  /** The user's homes; navigation is shown when there is more than one. */
  homes?: Home[];
  /** Main navigation (defaults to the homes); shown when it has more than one link. */
  nav?: NavItem[];
  currentPath?: string;
  onLogout?: (() => void) | undefined;
  loggingOut?: boolean;
}

/** Page frame: skip link, header with user and tenant, optional role navigation, main, footer. */
export function Layout({ children, session, homes = [], nav, currentPath, onLogout, loggingOut }: LayoutProps) {
  const links = nav ?? homes;
  const tenant = tenantLabel(session?.tenant ?? null);
  return (
    <Document className="regie-document">
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <Page className="regie-page">
        <PageHeader className="regie-header">
          <Logo href={homes[0]?.path ?? '/'} />
          {session && (
            <div className="regie-header__user">
              <p className="regie-header__who">
                <span className="regie-header__name" data-testid="gebruiker">
                  {session.user.displayName}
                </span>
                {tenant && (
                  <span className="regie-header__tenant" data-testid="organisatie">
                    {tenant}
                  </span>
                )}
              </p>
              {onLogout && (
                <Button appearance="secondary-action-button" onClick={onLogout} busy={Boolean(loggingOut)}>
                  Uitloggen
                </Button>
              )}
            </div>
          )}
        </PageHeader>
        {links.length > 1 && (
          <NavBar className="regie-nav" aria-label="Hoofdmenu">
            <NavList>
              {links.map((h) => (
                <NavListLink
                  key={h.path}
                  {...linkProps(h.path)}
                  aria-current={currentPath === h.path ? 'page' : undefined}
                >
                  {h.title}
                </NavListLink>
              ))}
            </NavList>
          </NavBar>
        )}
        <PageContent className="regie-content">
          <main id="inhoud" tabIndex={-1} className="regie-main">
            {children}
          </main>
        </PageContent>
        <PageFooter className="regie-footer">
          <Paragraph>Regie – open source onder de EUPL-1.2, gebouwd met NL Design System.</Paragraph>
        </PageFooter>
      </Page>
    </Document>
  );
}
