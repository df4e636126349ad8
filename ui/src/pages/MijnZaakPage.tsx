/**
 * "Mijn zaak" for the klant: where the zaak stands, what happens next and by
 * when, open tasks first, budget, documents, bezwaar while the term runs, and
 * what happened so far. Always shows where to get independent advice.
 */
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { AanvraagIntrekken, kanIntrekken } from '../components/AanvraagIntrekken.tsx';
import { BudgetOverzicht, Documenten, FaseStappen, Tijdlijn } from '../components/Dossier.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextareaVeld } from '../components/TextareaVeld.tsx';
import { RadioOpties } from '../components/RadioOpties.tsx';
import { FactuurForm } from '../components/FactuurForm.tsx';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { datum, gestoptVoorTraject, isoDag, regelingNaam, standZin, uiterlijkZin } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { useFormulier } from '../lib/use-formulier.ts';
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
        <Paragraph>{standZin(zaak)}</Paragraph>
        <Paragraph className="regie-by-when">{uiterlijkZin(zaak)}</Paragraph>
        {/* A zaak that ended before any traject did not go through the later steps: do not show them as afgerond. */}
        {!(zaak.status === 'afgesloten' && gestoptVoorTraject(zaak.resultaat)) && <FaseStappen fase={zaak.fase} regeling={zaak.regeling} label="Stappen van uw aanvraag" />}
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
          {zaak.budget ? (
            <BudgetOverzicht budget={zaak.budget} />
          ) : (
            <Paragraph>
              {zaak.status === 'afgesloten' || zaak.status === 'besloten' ? 'Er is geen budget toegekend.' : 'Er is nog geen budget toegekend. Dat gebeurt met het besluit op uw aanvraag.'}
            </Paragraph>
          )}
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

      {zaak.bezwaar?.mogelijk && <BezwaarSectie zaakId={zaak.id} kenmerk={zaak.identificatie} bezwaar={zaak.bezwaar} onDone={load.reload} />}

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

type BezwaarVeld = 'gronden' | 'gewenstResultaat' | 'horen';
const BEZWAAR_VELDEN: readonly BezwaarVeld[] = ['gronden', 'gewenstResultaat', 'horen'];
/** The limits of the bezwaar-indienen form (workflows/prb/forms/bezwaar-indienen.form); the server checks them again. */
const GRONDEN_MIN = 20;
const GRONDEN_MAX = 8000;
const GEWENST_MAX = 4000;
const HOREN_OPTIES = [
  ['ja', 'Ja'],
  ['nee', 'Nee'],
] as const;

function controleerBezwaar(v: { gronden: string; gewenstResultaat: string; horen: string }): Partial<Record<BezwaarVeld, string>> {
  const errors: Partial<Record<BezwaarVeld, string>> = {};
  const gronden = v.gronden.trim();
  if (gronden.length === 0) errors.gronden = 'Schrijf op waarom u het niet eens bent met het besluit.';
  else if (gronden.length < GRONDEN_MIN) errors.gronden = `Schrijf iets uitgebreider op waarom u het niet eens bent met het besluit: minstens ${GRONDEN_MIN} tekens.`;
  else if (gronden.length > GRONDEN_MAX) errors.gronden = `Gebruik hoogstens ${GRONDEN_MAX.toLocaleString('nl-NL')} tekens.`;
  if (v.gewenstResultaat.trim().length > GEWENST_MAX) errors.gewenstResultaat = `Gebruik hoogstens ${GEWENST_MAX.toLocaleString('nl-NL')} tekens.`;
  if (v.horen !== 'ja' && v.horen !== 'nee') errors.horen = 'Kies of u uw bezwaar wilt toelichten in een gesprek.';
  return errors;
}

/** A field error of the server (`gegevens.bezwaar.gronden`, `bezwaar.gronden`) on the field this screen shows. */
function bezwaarVeldVan(pad: string): BezwaarVeld | undefined {
  const veld = pad.replace(/^gegevens\./, '').replace(/^bezwaar\./, '');
  return (BEZWAAR_VELDEN as readonly string[]).includes(veld) ? (veld as BezwaarVeld) : undefined;
}

/**
 * Bezwaar against the besluit that still stands, with what the bezwaar-indienen form asks of the
 * klant: why, what they had wanted, and whether they want a hoorzitting. The besluit's kenmerk is
 * the zaak's own ("Ons kenmerk" on the beschikking), so the klant need not copy it from the letter.
 */
function BezwaarSectie({ zaakId, kenmerk, bezwaar, onDone }: { zaakId: string; kenmerk: string; bezwaar: Bezwaar; onDone: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [klaar, setKlaar] = useState(false);
  const [values, setValues] = useState({ gronden: '', gewenstResultaat: '', horen: '' });
  const { errors, fout, bezig, attempt, summary, verstuur } = useFormulier<BezwaarVeld>({ statussen: [400, 422], weigeringBijVeldFouten: false });
  const fid = (f: BezwaarVeld) => `${id}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await verstuur(
      controleerBezwaar(values),
      async () => {
        const gewenstResultaat = values.gewenstResultaat.trim();
        await regie.bezwaarMaken(zaakId, {
          besluitKenmerk: kenmerk,
          gronden: values.gronden.trim(),
          ...(gewenstResultaat ? { gewenstResultaat } : {}),
          horen: values.horen as 'ja' | 'nee',
        });
        setKlaar(true);
        onDone();
      },
      bezwaarVeldVan,
    );
  }

  const fields = BEZWAAR_VELDEN.filter((f) => errors[f]).map((f) => ({ id: fid(f), message: errors[f]! }));
  const horenBeschreven = errors.horen ? `${fid('horen')}-fout` : undefined;

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
      {klaar ? (
        <Alert type="ok">
          <Paragraph>Uw bezwaar is verstuurd. U krijgt van ons een ontvangstbevestiging.</Paragraph>
        </Alert>
      ) : !open ? (
        <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
          Bezwaar maken
        </Button>
      ) : (
        <form className="regie-form" noValidate onSubmit={(e) => void submit(e)}>
          {(fields.length > 0 || fout) && (
            <ErrorSummary key={attempt} ref={summary} title="Uw bezwaar is niet verstuurd" message={fout ?? 'Verbeter het volgende:'} fields={fields} />
          )}
          <Paragraph>
            Uw bezwaar gaat over het besluit met kenmerk <strong>{kenmerk}</strong>.
          </Paragraph>
          <TextareaVeld
            id={fid('gronden')}
            label="Waarom bent u het niet eens met het besluit?"
            uitleg="Schrijf in uw eigen woorden wat er volgens u niet klopt."
            fout={errors.gronden}
            rows={6}
            value={values.gronden}
            onChange={(gronden) => setValues((v) => ({ ...v, gronden }))}
          />
          <TextareaVeld
            id={fid('gewenstResultaat')}
            label="Wat had u willen krijgen? (niet verplicht)"
            fout={errors.gewenstResultaat}
            value={values.gewenstResultaat}
            onChange={(gewenstResultaat) => setValues((v) => ({ ...v, gewenstResultaat }))}
          />
          <Fieldset className="regie-field" aria-describedby={horenBeschreven}>
            <FieldsetLegend>Wilt u uw bezwaar toelichten in een gesprek (hoorzitting)?</FieldsetLegend>
            {errors.horen && (
              <p id={`${fid('horen')}-fout`} className="utrecht-form-field-error-message">
                {errors.horen}
              </p>
            )}
            <RadioOpties
              id={fid('horen')}
              name={fid('horen')}
              opties={HOREN_OPTIES}
              gekozen={values.horen}
              invalid={Boolean(errors.horen)}
              onKies={(horen) => setValues((v) => ({ ...v, horen }))}
            />
          </Fieldset>
          <div className="regie-form__actions">
            <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
              Bezwaar versturen
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
