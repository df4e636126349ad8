/**
 * Klant home "Mijn traject": first what the klant has to do (open tasks), then
 * each zaak with its phase, the next step and by when, in plain Dutch.
 */
import { useState } from 'react';
import { Alert, ButtonLink, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { takeFlash } from '../lib/flash.ts';
import { datum, isoDag, regelingNaam, standZin, uiterlijkZin } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { NOT_AVAILABLE, optional, regie } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

export default function MijnTrajectPage({ session }: RouteProps) {
  const [flash] = useState(() => takeFlash());
  const load = useLoad(async () => {
    const [taken, zaken, berichten] = await Promise.all([
      regie.tasks({ view: 'all', pageSize: 100 }),
      regie.zaken(),
      optional(regie.berichten()),
    ]);
    return { taken: taken.items, zaken, ongelezen: berichten === NOT_AVAILABLE ? null : berichten.filter((b) => !b.gelezen).length };
  }, []);

  return (
    <section className="regie-mijn-traject">
      <Heading level={1} tabIndex={-1}>
        Mijn traject
      </Heading>
      <Paragraph appearance="lead">Welkom, {session.user.displayName}.</Paragraph>
      {flash && (
        <Alert type="ok" className="regie-notice">
          <Paragraph>{flash}</Paragraph>
        </Alert>
      )}
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!load.data && load.status === 'loading' && <Laden />}
      {load.data && (
        <>
          {load.data.ongelezen !== null && load.data.ongelezen > 0 && (
            <Paragraph>
              <Link {...linkProps('/berichten')}>
                U heeft {load.data.ongelezen === 1 ? '1 nieuw bericht' : `${load.data.ongelezen} nieuwe berichten`}
              </Link>
            </Paragraph>
          )}

          <section aria-labelledby="te-doen">
            <Heading level={2} id="te-doen">
              Wat u nu moet doen
            </Heading>
            {load.data.taken.length === 0 ? (
              <Paragraph>U hoeft op dit moment niets te doen.</Paragraph>
            ) : (
              <ul className="regie-todo">
                {load.data.taken.map((t) => (
                  <li key={t.key} className="regie-todo__item">
                    <Link {...linkProps(`/mijn-traject/taken/${encodeURIComponent(t.key)}`)}>{t.name ?? 'Taak'}</Link>
                    {t.dueDate && (
                      <span className="regie-muted">
                        {' '}
                        · graag vóór <time dateTime={isoDag(t.dueDate)}>{datum(t.dueDate)}</time>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="aanvragen">
            <Heading level={2} id="aanvragen">
              Mijn aanvragen
            </Heading>
            {load.data.zaken.length === 0 ? (
              <>
                <div className="regie-empty">
                  <Paragraph>
                    U heeft nog geen lopende aanvraag of traject. Zodra u een aanvraag doet, ziet u hier hoe het ermee staat.
                  </Paragraph>
                </div>
                <Paragraph>
                  <ButtonLink appearance="primary-action-button" {...linkProps('/regelingen')}>
                    Bekijk wat u kunt aanvragen
                  </ButtonLink>
                </Paragraph>
              </>
            ) : (
              load.data.zaken.map((z) => (
                <article key={z.id} className="regie-card" aria-labelledby={`zaak-${z.id}`}>
                  <Heading level={3} id={`zaak-${z.id}`}>
                    {regelingNaam(z.regeling)}
                  </Heading>
                  <Paragraph>{standZin(z)}</Paragraph>
                  <Paragraph className="regie-by-when">{uiterlijkZin(z)}</Paragraph>
                  <Paragraph>
                    <Link {...linkProps(`/mijn-traject/zaken/${encodeURIComponent(z.id)}`)}>
                      Bekijk uw zaak {z.identificatie}
                    </Link>
                  </Paragraph>
                </article>
              ))
            )}
          </section>
        </>
      )}
    </section>
  );
}
