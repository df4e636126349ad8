/**
 * "Mijn zaak" for the klant: where the zaak stands, what happens next and by
 * when, open tasks first, budget, documents, bezwaar while the term runs, and
 * what happened so far. Always shows where to get independent advice.
 */
import { useId } from 'react';
import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { AanvraagIntrekken, kanIntrekken } from '../components/AanvraagIntrekken.tsx';
import { BudgetOverzicht, Documenten, FaseStappen, Tijdlijn } from '../components/Dossier.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextareaVeld } from '../components/TextareaVeld.tsx';
import { FactuurForm } from '../components/FactuurForm.tsx';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { datum, faseNaam, isoDag, regelingNaam, uiterlijkZin, volgendeStap } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { useTekstVerzenden } from '../lib/use-tekst-verzenden.ts';
import { regie, type Bezwaar } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

/** The process closes the zaak in a job just after the withdrawal: reload now and once more when it has. */
function intrekkingVerwerkt(reload: () => void) {
  reload();
  setTimeout(reload, 1500);
}

export default function MijnZaakPage({ session, params }: RouteProps) {
  const id = params.id!;
  const load = useLoad(async () => {
    const [zaak, taken] = await Promise.all([regie.zaak(id), regie.tasks({ view: 'all', zaakId: id, pageSize: 100 })]);
    return { zaak, taken: taken.items };
  }, [id]);

  if (!load.data) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          {load.status === 'error' ? 'Zaak niet gevonden' : 'Mijn zaak'}
        </Heading>
        {load.status === 'error' ? (
          <>
            <LoadError message={load.notFound ? 'Deze zaak bestaat niet of is niet van u.' : load.message} />
            <Paragraph>
              <Link {...linkProps('/mijn-traject')}>Naar Mijn traject</Link>
            </Paragraph>
          </>
        ) : (
          <Laden />
        )}
      </>
    );
  }

  const { zaak, taken } = load.data;
  return (
    <article className="regie-mijn-zaak">
      <Paragraph className="regie-back">
        <Link {...linkProps('/mijn-traject')}>← Terug naar Mijn traject</Link>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        Mijn zaak: {regelingNaam(zaak.regeling)}
      </Heading>
      <Paragraph className="regie-muted">Zaaknummer {zaak.identificatie}</Paragraph>

      <section aria-labelledby="mz-nu" className="regie-card regie-card--highlight">
        <Heading level={2} id="mz-nu">
          Hoe staat het ervoor?
        </Heading>
        <Paragraph>
          Fase: <strong>{faseNaam(zaak.fase)}</strong>. {volgendeStap(zaak.fase)}
        </Paragraph>
        <Paragraph className="regie-by-when">{uiterlijkZin(zaak)}</Paragraph>
        <FaseStappen fase={zaak.fase} label="Stappen van uw aanvraag" />
      </section>

      <section aria-labelledby="mz-taken">
        <Heading level={2} id="mz-taken">
          Wat u nu moet doen
        </Heading>
        {taken.length === 0 ? (
          <Paragraph>U hoeft op dit moment niets te doen voor deze zaak.</Paragraph>
        ) : (
          <ul className="regie-todo">
            {taken.map((t) => (
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

      {zaak.budget !== undefined && (
        <section aria-labelledby="mz-budget">
          <Heading level={2} id="mz-budget">
            Uw budget
          </Heading>
          {zaak.budget ? <BudgetOverzicht budget={zaak.budget} /> : <Paragraph>Er is nog geen budget toegekend. Dat gebeurt met het besluit op uw aanvraag.</Paragraph>}
          {zaak.budget && zaak.status !== 'afgesloten' && (
            <>
              <Heading level={3}>Factuur of declaratie indienen</Heading>
              {zaak.budget.verplichtingen && zaak.budget.verplichtingen.length > 0 ? (
                <FactuurForm zaakId={zaak.id} regels={zaak.budget.verplichtingen} onSent={load.reload} />
              ) : (
                <Paragraph>
                  Heeft u een factuur van een aanbieder of een bon van iets dat u zelf heeft betaald? Geef die aan uw
                  klantmanager. Binnenkort kunt u facturen ook op deze pagina indienen.
                </Paragraph>
              )}
            </>
          )}
        </section>
      )}

      {zaak.documenten !== undefined && (
        <section aria-labelledby="mz-documenten">
          <Heading level={2} id="mz-documenten">
            Brieven en documenten
          </Heading>
          <Documenten zaakId={zaak.id} documenten={zaak.documenten} />
        </section>
      )}

      <AanvraagIntrekken zaakId={zaak.id} mogelijk={kanIntrekken(zaak)} voor="klant" onDone={() => intrekkingVerwerkt(load.reload)} />

      {zaak.bezwaar?.mogelijk && <BezwaarSectie zaakId={zaak.id} bezwaar={zaak.bezwaar} onDone={load.reload} />}

      <section aria-labelledby="mz-tijdlijn">
        <Heading level={2} id="mz-tijdlijn">
          Wat er is gebeurd
        </Heading>
        <Tijdlijn items={zaak.tijdlijn} mijnGebruikersnaam={session.user.username} />
      </section>

      <section aria-labelledby="mz-hulp" className="regie-card">
        <Heading level={2} id="mz-hulp">
          Niet eens of hulp nodig?
        </Heading>
        <Paragraph>
          Heeft u vragen of bent u het ergens niet mee eens? Neem contact op met uw klantmanager. U kunt ook gratis
          onafhankelijk advies vragen, bijvoorbeeld bij het Juridisch Loket. Bezwaar maken of advies vragen heeft geen
          gevolgen voor uw uitkering.
        </Paragraph>
        <Paragraph>
          <Link {...linkProps(`/regelingen/${encodeURIComponent(zaak.regeling)}`)}>Lees de regels van deze regeling</Link>
        </Paragraph>
      </section>
    </article>
  );
}

function BezwaarSectie({ zaakId, bezwaar, onDone }: { zaakId: string; bezwaar: Bezwaar; onDone: () => void }) {
  const id = useId();
  const f = useTekstVerzenden({
    controleer: (gronden) => (gronden.trim().length === 0 ? 'Schrijf op waarom u het niet eens bent met het besluit.' : null),
    verstuur: (gronden) => regie.bezwaarMaken(zaakId, gronden),
    onDone,
  });

  return (
    <section aria-labelledby="mz-bezwaar" className="regie-card">
      <Heading level={2} id="mz-bezwaar">
        Bezwaar maken
      </Heading>
      <Paragraph>
        Bent u het niet eens met het besluit? Dan kunt u bezwaar maken tot en met{' '}
        <strong>
          <time dateTime={isoDag(bezwaar.uiterlijkeReactiedatum)}>{datum(bezwaar.uiterlijkeReactiedatum)}</time>
        </strong>
        .
      </Paragraph>
      {f.klaar ? (
        <Alert type="ok">
          <Paragraph>Uw bezwaar is verstuurd. U krijgt van ons een ontvangstbevestiging.</Paragraph>
        </Alert>
      ) : !f.open ? (
        <Button appearance="secondary-action-button" onClick={() => f.setOpen(true)}>
          Bezwaar maken
        </Button>
      ) : (
        <form className="regie-form" noValidate onSubmit={(e) => void f.submit(e)}>
          {(f.veldFout || f.fout) && (
            <ErrorSummary
              key={f.attempt}
              ref={f.summary}
              title="Uw bezwaar is niet verstuurd"
              message={f.fout ?? 'Verbeter het volgende:'}
              fields={f.veldFout ? [{ id: `${id}-gronden`, message: f.veldFout }] : []}
            />
          )}
          <TextareaVeld id={`${id}-gronden`} label="Waarom bent u het niet eens met het besluit?" fout={f.veldFout} rows={6} value={f.tekst} onChange={f.setTekst} />
          <div className="regie-form__actions">
            <Button type="submit" appearance="primary-action-button" busy={f.bezig} disabled={f.bezig}>
              Bezwaar versturen
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
