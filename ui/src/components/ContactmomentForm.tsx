/**
 * Register a contactmoment (conversation, call, letter, e-mail) on a zaak:
 * the sources found these could not be extracted from systems afterwards.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, FormLabel, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { CONTACT_SOORTEN, vandaag } from '../lib/format.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { regie, type ContactSoort } from '../regie-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextareaVeld } from './TextareaVeld.tsx';

type Field = 'soort' | 'datum' | 'samenvatting';

export function validateContactmoment(v: { soort: string; datum: string; samenvatting: string }, today: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!(v.soort in CONTACT_SOORTEN)) errors.soort = 'Kies wat voor contact het was.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.datum)) errors.datum = 'Vul de datum van het contact in.';
  else if (v.datum > today) errors.datum = 'De datum kan niet in de toekomst liggen.';
  if (v.samenvatting.trim().length === 0) errors.samenvatting = 'Schrijf kort op wat er besproken is.';
  else if (v.samenvatting.length > 4000) errors.samenvatting = 'Gebruik hoogstens 4000 tekens.';
  return errors;
}

export function ContactmomentForm({ zaakId, onSaved }: { zaakId: string; onSaved: () => void }) {
  const id = useId();
  const today = vandaag();
  const [values, setValues] = useState({ soort: 'gesprek', datum: today, samenvatting: '' });
  const { errors, fout, bezig, attempt, summary, verstuur } = useFormulier<Field>();
  const [saved, setSaved] = useState<string | null>(null);
  const fid = (f: Field) => `${id}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    await verstuur(
      validateContactmoment(values, today),
      async () => {
        await regie.addContactmoment(zaakId, { soort: values.soort as ContactSoort, datum: values.datum, samenvatting: values.samenvatting.trim() });
        setValues({ soort: 'gesprek', datum: today, samenvatting: '' });
        setSaved('Het contactmoment is vastgelegd.');
        onSaved();
      },
      (pad) => (pad === 'soort' || pad === 'datum' || pad === 'samenvatting' ? pad : undefined),
    );
  }

  const fields = (Object.keys(errors) as Field[]).map((f) => ({ id: fid(f), message: errors[f]! }));
  const describedBy = (f: Field) => (errors[f] ? `${fid(f)}-fout` : undefined);

  return (
    <form className="regie-form regie-contact-form" noValidate onSubmit={(e) => void submit(e)} aria-label="Contactmoment vastleggen">
      {(fields.length > 0 || fout) && (
        <ErrorSummary
          key={attempt}
          ref={summary}
          title="Het contactmoment is niet vastgelegd"
          message={fout ?? 'Verbeter de volgende punten:'}
          fields={fields}
        />
      )}
      <div className="regie-field">
        <FormLabel htmlFor={fid('soort')}>Soort contact</FormLabel>
        {errors.soort && (
          <p id={`${fid('soort')}-fout`} className="utrecht-form-field-error-message">
            {errors.soort}
          </p>
        )}
        <Select
          id={fid('soort')}
          value={values.soort}
          invalid={Boolean(errors.soort)}
          aria-describedby={describedBy('soort')}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setValues((v) => ({ ...v, soort: e.target.value }))}
        >
          {Object.entries(CONTACT_SOORTEN).map(([k, label]) => (
            <SelectOption key={k} value={k}>
              {label}
            </SelectOption>
          ))}
        </Select>
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={fid('datum')}>Datum</FormLabel>
        {errors.datum && (
          <p id={`${fid('datum')}-fout`} className="utrecht-form-field-error-message">
            {errors.datum}
          </p>
        )}
        <Textbox
          id={fid('datum')}
          type="date"
          max={today}
          value={values.datum}
          invalid={Boolean(errors.datum)}
          aria-describedby={describedBy('datum')}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, datum: e.target.value }))}
        />
      </div>
      <TextareaVeld
        id={fid('samenvatting')}
        label="Wat is er besproken?"
        uitleg="Kort en feitelijk: wat is afgesproken en wie wat doet."
        fout={errors.samenvatting}
        value={values.samenvatting}
        onChange={(samenvatting) => setValues((v) => ({ ...v, samenvatting }))}
      />
      <div className="regie-form__actions">
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Contactmoment vastleggen
        </Button>
      </div>
      <div aria-live="polite">{saved && <Paragraph>{saved}</Paragraph>}</div>
    </form>
  );
}
