import { Heading, Paragraph } from '@utrecht/component-library-react';
import { tenantLabel } from '../components/Layout.tsx';
import type { Home } from '../homes.ts';
import type { RouteProps } from '../routes.tsx';

/** The (for now empty) home of one role. */
export function RoleHome({ home, session }: RouteProps & { home: Home }) {
  const tenant = tenantLabel(session.tenant);
  const role = home.roleLabel.toLowerCase();
  return (
    <section aria-labelledby="paginatitel" className="regie-home" data-role={home.role}>
      <Heading level={1} id="paginatitel" tabIndex={-1}>
        {home.title}
      </Heading>
      <Paragraph appearance="lead">Welkom, {session.user.displayName}.</Paragraph>
      {home.role !== 'klant' && (
        <Paragraph>
          U bent ingelogd als {role}
          {tenant ? ` bij ${tenant}` : ''}.
        </Paragraph>
      )}
      <div className="regie-empty">
        <Paragraph>{home.empty}</Paragraph>
      </div>
    </section>
  );
}
