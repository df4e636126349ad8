/**
 * Withdrawing an aanvraag (intrekken): the klant on "Mijn zaak", the klantmanager in the
 * zaakdossier. Two steps, so nobody withdraws by one stray click; the server decides
 * whether it is still possible and its refusal is shown as it says it.
 */
import { useId } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextareaVeld } from './TextareaVeld.tsx';
import { useTekstVerzenden } from '../lib/use-tekst-verzenden.ts';
import { regie, type Zaak } from '../regie-api.ts';

const REDEN_MAX = 1000;
/**
 * The fasen of the aanvraag before the besluit, where the diagrams wait for a withdrawal. In
 * `aanmelding` the klantmanager may still be assessing (prb Toelating beoordelen, iro/rio Afstand
 * bepalen); those tasks carry the same withdrawal message.
 */
const FASEN_VOOR_BESLUIT = ['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit'];

/** Whether the page offers the withdrawal; the server stays the judge. */
export function kanIntrekken(zaak: Pick<Zaak, 'regeling' | 'status' | 'fase' | 'bezwaar'>): boolean {
  return (
    zaak.regeling !== 'bezwaar' &&
    zaak.status !== 'afgesloten' &&
    zaak.status !== 'besloten' &&
    !zaak.bezwaar &&
    FASEN_VOOR_BESLUIT.includes(zaak.fase ?? '')
  );
}

export function AanvraagIntrekken({ zaakId, mogelijk, voor, onDone }: { zaakId: string; mogelijk: boolean; voor: 'klant' | 'klantmanager'; onDone: () => void }) {
  const id = useId();
  const klant = voor === 'klant';
  const f = useTekstVerzenden({
    controleer: (reden) => (reden.trim().length > REDEN_MAX ? `Gebruik hoogstens ${REDEN_MAX.toLocaleString('nl-NL')} tekens voor de reden.` : null),
    verstuur: (reden) => regie.aanvraagIntrekken(zaakId, reden || undefined),
    onDone,
  });

  // After the withdrawal the zaak moves on and is no longer withdrawable; the confirmation stays.
  if (!mogelijk && !f.klaar) return null;

  return (
    <section aria-labelledby={`${id}-kop`} className="regie-card">
      <Heading level={2} id={`${id}-kop`}>
        Aanvraag intrekken
      </Heading>
      {f.klaar ? (
        <Alert type="ok" role="status">
          <Paragraph>{klant ? 'Uw aanvraag is ingetrokken.' : 'De intrekking is geregistreerd.'}</Paragraph>
        </Alert>
      ) : !f.open ? (
        <>
          <Paragraph>
            {klant
              ? 'Wilt u niet verder met deze aanvraag? Tot wij een besluit nemen, kunt u uw aanvraag intrekken. Wij stoppen dan met de behandeling en sluiten de zaak af.'
              : 'Wil de klant niet verder met deze aanvraag? Tot het besluit kan de klant de aanvraag intrekken; registreer dat hier. De zaak wordt dan afgesloten.'}
          </Paragraph>
          <Button appearance="secondary-action-button" onClick={() => f.setOpen(true)}>
            Aanvraag intrekken
          </Button>
        </>
      ) : (
        <form className="regie-form" noValidate onSubmit={(e) => void f.submit(e)}>
          {(f.veldFout || f.fout) && (
            <ErrorSummary
              key={f.attempt}
              ref={f.summary}
              title="De aanvraag is niet ingetrokken"
              message={f.fout ?? 'Verbeter het volgende:'}
              fields={f.veldFout ? [{ id: `${id}-reden`, message: f.veldFout }] : []}
            />
          )}
          <Paragraph>
            <strong>{klant ? 'Weet u zeker dat u uw aanvraag wilt intrekken?' : 'Weet u zeker dat u de intrekking wilt registreren?'}</strong> Dit kunt u niet ongedaan maken.
          </Paragraph>
          <TextareaVeld id={`${id}-reden`} label="Reden (niet verplicht)" fout={f.veldFout} value={f.tekst} onChange={f.setTekst} />
          <div className="regie-form__actions">
            <Button type="submit" appearance="primary-action-button" busy={f.bezig} disabled={f.bezig}>
              Ja, aanvraag intrekken
            </Button>
            <Button type="button" appearance="subtle-button" disabled={f.bezig} onClick={f.annuleer}>
              Annuleren
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
