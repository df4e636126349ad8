/** Klantportaal "Berichten": a notification for every status change; opening one marks it read. */
import { useState } from 'react';
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { datumTijd } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { NOT_AVAILABLE, optional, regie } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

export default function BerichtenPage(_props: RouteProps) {
  const load = useLoad(() => optional(regie.berichten()), []);
  const [gelezen, setGelezen] = useState<Set<string>>(new Set());

  const markeer = (id: string, al: boolean) => {
    if (al || gelezen.has(id)) return;
    setGelezen((s) => new Set(s).add(id));
    regie.berichtGelezen(id).catch(() => undefined); // best effort: it is marked again next time
  };

  return (
    <section>
      <Heading level={1} tabIndex={-1}>
        Berichten
      </Heading>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!load.data && load.status === 'loading' && <Laden />}
      {load.data === NOT_AVAILABLE && (
        <div className="regie-empty">
          <Paragraph>Berichten kunt u hier binnenkort lezen. Tot die tijd krijgt u onze berichten per post of e-mail.</Paragraph>
        </div>
      )}
      {load.data && load.data !== NOT_AVAILABLE && load.data.length === 0 && (
        <div className="regie-empty">
          <Paragraph>U heeft nog geen berichten.</Paragraph>
        </div>
      )}
      {load.data && load.data !== NOT_AVAILABLE && load.data.length > 0 && (
        <ul className="regie-messages">
          {[...load.data]
            .sort((a, b) => b.aangemaakt.localeCompare(a.aangemaakt))
            .map((b) => {
              const nieuw = !b.gelezen && !gelezen.has(b.id);
              return (
                <li key={b.id} className={nieuw ? 'regie-message regie-message--new' : 'regie-message'}>
                  <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && markeer(b.id, b.gelezen)}>
                    <summary>
                      {nieuw && <span className="regie-badge">Nieuw</span>} <strong>{b.onderwerp}</strong>{' '}
                      <span className="regie-muted">
                        <time dateTime={b.aangemaakt}>{datumTijd(b.aangemaakt)}</time>
                      </span>
                    </summary>
                    <Paragraph className="regie-message__text">{b.tekst}</Paragraph>
                    {b.zaakId && (
                      <Paragraph>
                        <Link {...linkProps(`/mijn-traject/zaken/${encodeURIComponent(b.zaakId)}`)}>Naar de zaak</Link>
                      </Paragraph>
                    )}
                  </details>
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}
