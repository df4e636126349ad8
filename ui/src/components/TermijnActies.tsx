/**
 * What a klantmanager or beslisser does to the beslistermijn of an undecided zaak, from the
 * zaakdossier: verdagen once (Awb 4:14: before the term ends, with a reason the aanvrager is
 * told) and registering a written ingebrekestelling the gemeente received (Awb 4:17: the zaak
 * clock then shows when a dwangsom starts and what it amounts to).
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, FormLabel, Heading, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { datum, vandaag } from '../lib/format.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { regie, type Klok } from '../regie-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextareaVeld } from './TextareaVeld.tsx';

export const VERDAGINGSTERMIJNEN: Record<string, string> = { P1W: '1 week', P2W: '2 weken', P4W: '4 weken', P6W: '6 weken', P8W: '8 weken' };

function FoutMelding({ id, fout }: { id: string; fout: string | undefined }) {
  if (!fout) return null;
  return (
    <p id={`${id}-fout`} className="utrecht-form-field-error-message">
      {fout}
    </p>
  );
}

export function validateIngebrekestelling(v: { ontvangen: string; toelichting: string }, today: string): Partial<Record<'ontvangen' | 'toelichting', string>> {
  const errors: Partial<Record<'ontvangen' | 'toelichting', string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.ontvangen)) errors.ontvangen = 'Vul de datum in waarop de ingebrekestelling binnenkwam.';
  else if (v.ontvangen > today) errors.ontvangen = 'De datum kan niet in de toekomst liggen.';
  if (v.toelichting.length > 2000) errors.toelichting = 'Gebruik hoogstens 2.000 tekens.';
  return errors;
}

function IngebrekestellingForm({ zaakId, klok, onDone }: { zaakId: string; klok: Klok; onDone: (melding: string) => void }) {
  const id = useId();
  const today = vandaag();
  const [values, setValues] = useState({ ontvangen: today, toelichting: '' });
  const f = useFormulier<'ontvangen' | 'toelichting'>();
  const fid = (veld: string) => `${id}-${veld}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void f.verstuur(
      validateIngebrekestelling(values, today),
      async () => {
        const toelichting = values.toelichting.trim();
        await regie.registreerIngebrekestelling(zaakId, { ontvangen: values.ontvangen, ...(toelichting ? { toelichting } : {}) });
        setValues({ ontvangen: today, toelichting: '' });
        onDone('De ingebrekestelling is geregistreerd. Bij Gegevens en termijnen ziet u wat dat voor de dwangsom betekent.');
      },
      (pad) => (pad === 'ontvangen' || pad === 'toelichting' ? pad : undefined),
    );
  };
  const fields = (Object.keys(f.errors) as Array<'ontvangen' | 'toelichting'>).map((k) => ({ id: fid(k), message: f.errors[k]! }));
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={fid('kop')}>
      <Heading level={3} id={fid('kop')}>
        Ingebrekestelling registreren
      </Heading>
      <Paragraph>
        Heeft de klant de gemeente schriftelijk in gebreke gesteld omdat het besluit te laat is? Leg vast wanneer de brief binnenkwam. Alleen een
        ingebrekestelling die na de uiterste beslisdatum ({datum(klok.uiterlijkeEinddatumAfdoening)}) binnenkwam, telt (art. 4:17 Awb).
      </Paragraph>
      {(fields.length > 0 || f.fout) && (
        <ErrorSummary key={f.attempt} ref={f.summary} title="De ingebrekestelling is niet geregistreerd" message={f.fout ?? 'Verbeter de volgende punten:'} fields={fields} />
      )}
      <div className="regie-field">
        <FormLabel htmlFor={fid('ontvangen')}>Ontvangen op</FormLabel>
        <FoutMelding id={fid('ontvangen')} fout={f.errors.ontvangen} />
        <Textbox
          id={fid('ontvangen')}
          type="date"
          max={today}
          value={values.ontvangen}
          invalid={Boolean(f.errors.ontvangen)}
          aria-describedby={f.errors.ontvangen ? `${fid('ontvangen')}-fout` : undefined}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, ontvangen: e.target.value }))}
        />
      </div>
      <TextareaVeld
        id={fid('toelichting')}
        label="Toelichting (niet verplicht)"
        rows={2}
        fout={f.errors.toelichting}
        value={values.toelichting}
        onChange={(toelichting) => setValues((v) => ({ ...v, toelichting }))}
      />
      <div className="regie-form__actions">
        <Button type="submit" appearance="secondary-action-button" busy={f.bezig} disabled={f.bezig}>
          Ingebrekestelling registreren
        </Button>
      </div>
    </form>
  );
}

export function validateVerdaging(v: { termijn: string; reden: string }): Partial<Record<'termijn' | 'reden', string>> {
  const errors: Partial<Record<'termijn' | 'reden', string>> = {};
  if (!(v.termijn in VERDAGINGSTERMIJNEN)) errors.termijn = 'Kies met hoeveel tijd u de beslistermijn verdaagt.';
  if (v.reden.trim().length === 0) errors.reden = 'Vermeld waarom de beslissing later komt; de klant krijgt die reden te horen.';
  else if (v.reden.length > 2000) errors.reden = 'Gebruik hoogstens 2.000 tekens.';
  return errors;
}

function VerdagenForm({ zaakId, klok, onDone }: { zaakId: string; klok: Klok; onDone: (melding: string) => void }) {
  const id = useId();
  const [values, setValues] = useState({ termijn: 'P4W', reden: '' });
  const f = useFormulier<'termijn' | 'reden'>();
  const fid = (veld: string) => `${id}-${veld}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void f.verstuur(
      validateVerdaging(values),
      async () => {
        const zaak = await regie.verdaagZaak(zaakId, { termijn: values.termijn, reden: values.reden.trim() });
        onDone(`De beslistermijn is verdaagd. De uiterste beslisdatum is nu ${datum(zaak.klok.uiterlijkeEinddatumAfdoening)}. De klant heeft daarover een bericht gekregen, met de reden.`);
      },
      (pad) => (pad === 'termijn' || pad === 'reden' ? pad : undefined),
    );
  };
  const fields = (Object.keys(f.errors) as Array<'termijn' | 'reden'>).map((k) => ({ id: fid(k), message: f.errors[k]! }));
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={fid('kop')}>
      <Heading level={3} id={fid('kop')}>
        Beslistermijn verdagen
      </Heading>
      <Paragraph>
        Lukt het niet om uiterlijk op {datum(klok.uiterlijkeEinddatumAfdoening)} te besluiten? U kunt de beslistermijn één keer verdagen, zolang hij
        nog loopt, met een redelijke termijn (art. 4:14 Awb). De klant krijgt een bericht met de nieuwe datum en de reden.
      </Paragraph>
      {(fields.length > 0 || f.fout) && (
        <ErrorSummary key={f.attempt} ref={f.summary} title="De beslistermijn is niet verdaagd" message={f.fout ?? 'Verbeter de volgende punten:'} fields={fields} />
      )}
      <div className="regie-field">
        <FormLabel htmlFor={fid('termijn')}>Verdagen met</FormLabel>
        <FoutMelding id={fid('termijn')} fout={f.errors.termijn} />
        <Select
          id={fid('termijn')}
          value={values.termijn}
          invalid={Boolean(f.errors.termijn)}
          aria-describedby={f.errors.termijn ? `${fid('termijn')}-fout` : undefined}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setValues((v) => ({ ...v, termijn: e.target.value }))}
        >
          {Object.entries(VERDAGINGSTERMIJNEN).map(([k, label]) => (
            <SelectOption key={k} value={k}>
              {label}
            </SelectOption>
          ))}
        </Select>
      </div>
      <TextareaVeld
        id={fid('reden')}
        label="Reden"
        uitleg="Waarom komt het besluit later? De klant krijgt deze reden te horen."
        rows={2}
        fout={f.errors.reden}
        value={values.reden}
        onChange={(reden) => setValues((v) => ({ ...v, reden }))}
      />
      <div className="regie-form__actions">
        <Button type="submit" appearance="secondary-action-button" busy={f.bezig} disabled={f.bezig}>
          Beslistermijn verdagen
        </Button>
      </div>
    </form>
  );
}

/** Verdagen while the term runs and it was not yet verdaagd; an ingebrekestelling while undecided. */
export function TermijnActies({ zaakId, klok, onDone }: { zaakId: string; klok: Klok; onDone: () => void }) {
  const kanVerdagen = !klok.verdaagd && klok.status !== 'termijn-verlopen';
  // After an effective ingebrekestelling a second one changes nothing; after a premature one it may follow.
  const kanIngebrekestelling = !klok.dwangsom || klok.dwangsom.status === 'voorbarig';
  // Here, not in the form: after a verdaging the form goes, its confirmation must stay.
  const [melding, setMelding] = useState<string | null>(null);
  const klaar = (tekst: string) => {
    setMelding(tekst);
    onDone();
  };
  if (!kanVerdagen && !kanIngebrekestelling && !melding) return null;
  return (
    <section aria-labelledby="z-termijnen">
      <Heading level={2} id="z-termijnen">
        Beslistermijn
      </Heading>
      <div aria-live="polite">
        {melding && (
          <Alert type="ok">
            <Paragraph>{melding}</Paragraph>
          </Alert>
        )}
      </div>
      {kanVerdagen && <VerdagenForm zaakId={zaakId} klok={klok} onDone={klaar} />}
      {kanIngebrekestelling && <IngebrekestellingForm zaakId={zaakId} klok={klok} onDone={klaar} />}
    </section>
  );
}
