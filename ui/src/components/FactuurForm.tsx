/**
 * The klant forwards an invoice (factuur: we pay the aanbieder) or claims money
 * they advanced themselves (declaratie: we pay them back), always against one
 * begrotingsregel of the granted plan: POST /api/zaken/:id/declaraties.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { isValidIban, parseMoney } from '../../../forms/index.ts';
import { euro } from '../lib/format.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { regie, type DeclaratieSoort, type Verplichting } from '../regie-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';

type Field = 'soort' | 'verplichtingId' | 'bedrag' | 'referentie' | 'omschrijving' | 'iban';

interface Values {
  soort: DeclaratieSoort;
  verplichtingId: string;
  bedrag: string;
  referentie: string;
  omschrijving: string;
  iban: string;
}

const LEEG: Values = { soort: 'factuur', verplichtingId: '', bedrag: '', referentie: '', omschrijving: '', iban: '' };

/** Checks in the browser what the server checks too; returns Dutch messages per field. */
export function validateDeclaratie(v: Values, regels: Verplichting[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!regels.some((r) => r.id === v.verplichtingId)) errors.verplichtingId = 'Kies de begrotingsregel waar dit bij hoort.';
  const money = parseMoney(v.bedrag.trim());
  if (v.bedrag.trim() === '') errors.bedrag = 'Vul het bedrag in.';
  else if (!money.ok) errors.bedrag = 'Vul het bedrag in euro’s in, bijvoorbeeld 1.234,56.';
  else if (money.cents <= 0) errors.bedrag = 'Het bedrag moet groter zijn dan € 0,00.';
  if (v.referentie.trim() === '') errors.referentie = 'Vul het factuur- of bonnummer in.';
  else if (v.referentie.trim().length > 100) errors.referentie = 'Gebruik hoogstens 100 tekens.';
  if (v.omschrijving.trim().length > 500) errors.omschrijving = 'Gebruik hoogstens 500 tekens.';
  if (v.soort === 'declaratie') {
    if (v.iban.trim() === '') errors.iban = 'Vul het IBAN in waarop u het voorgeschoten bedrag wilt ontvangen.';
    else if (!isValidIban(v.iban)) errors.iban = 'Het IBAN klopt niet. Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00.';
  }
  return errors;
}

const SERVER_FIELD: Record<string, Field> = {
  soort: 'soort',
  verplichtingId: 'verplichtingId',
  bedragCents: 'bedrag',
  referentie: 'referentie',
  omschrijving: 'omschrijving',
  iban: 'iban',
};

export function regelLabel(r: Verplichting): string {
  return `${r.omschrijving}${r.payeeNaam ? ` – ${r.payeeNaam}` : ''} (${euro(r.bedragCents)})`;
}

export function FactuurForm({ zaakId, regels, onSent }: { zaakId: string; regels: Verplichting[]; onSent: () => void }) {
  const id = useId();
  const [values, setValues] = useState<Values>(LEEG);
  // The route names fields on 400 and 422; with field errors the summary lists them under "Verbeter het volgende:".
  const { errors, fout, bezig, attempt, summary, verstuur } = useFormulier<Field>({ statussen: [400, 422], weigeringBijVeldFouten: false });
  const [verstuurd, setVerstuurd] = useState<string | null>(null);
  const fid = (f: Field) => `${id}-${f}`;
  const set = (f: keyof Values) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const factuur = values.soort === 'factuur';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setVerstuurd(null);
    await verstuur(
      validateDeclaratie(values, regels),
      async () => {
        const money = parseMoney(values.bedrag.trim());
        await regie.dienDeclaratieIn(zaakId, {
          soort: values.soort,
          verplichtingId: values.verplichtingId,
          bedragCents: money.ok ? money.cents : 0,
          referentie: values.referentie.trim(),
          ...(values.omschrijving.trim() ? { omschrijving: values.omschrijving.trim() } : {}),
          ...(values.soort === 'declaratie' ? { iban: values.iban.trim() } : {}),
        });
        setValues(LEEG);
        setVerstuurd(
          factuur
            ? 'Uw factuur is ontvangen. Wij controleren hem en betalen de aanbieder. U ziet de betaling hierboven bij Betalingen.'
            : 'Uw declaratie is ontvangen. Wij controleren hem en betalen u terug. U ziet de betaling hierboven bij Betalingen.',
        );
        onSent();
      },
      (pad) => SERVER_FIELD[pad],
    );
  }

  const fields = (Object.keys(errors) as Field[]).map((f) => ({ id: fid(f), message: errors[f]! }));
  const describedBy = (f: Field, uitleg = false) =>
    [uitleg ? `${fid(f)}-uitleg` : null, errors[f] ? `${fid(f)}-fout` : null].filter(Boolean).join(' ') || undefined;
  const foutTekstVan = (f: Field) =>
    errors[f] && (
      <p id={`${fid(f)}-fout`} className="utrecht-form-field-error-message">
        {errors[f]}
      </p>
    );

  return (
    <form className="regie-form regie-factuur-form" noValidate onSubmit={(e) => void submit(e)} aria-label="Factuur of declaratie indienen">
      {(fields.length > 0 || fout) && (
        <ErrorSummary
          key={attempt}
          ref={summary}
          title={factuur ? 'Uw factuur is niet verstuurd' : 'Uw declaratie is niet verstuurd'}
          message={fout ?? 'Verbeter het volgende:'}
          fields={fields}
        />
      )}
      <Fieldset className="regie-field" aria-describedby={describedBy('soort')}>
        <FieldsetLegend>Wat wilt u indienen?</FieldsetLegend>
        {foutTekstVan('soort')}
        {(
          [
            ['factuur', 'Een factuur van de aanbieder: wij betalen de aanbieder'],
            ['declaratie', 'Een declaratie: u heeft zelf betaald en wij betalen u terug'],
          ] as const
        ).map(([soort, tekst], i) => (
          <div className="utrecht-form-field utrecht-form-field--radio" key={soort}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={i === 0 ? fid('soort') : `${fid('soort')}-${i}`} type="radio">
                {tekst}
              </FormLabel>
            </div>
            <div className="utrecht-form-field__input">
              <RadioButton
                id={i === 0 ? fid('soort') : `${fid('soort')}-${i}`}
                name={`${id}-soort`}
                value={soort}
                checked={values.soort === soort}
                onChange={() => setValues((v) => ({ ...v, soort }))}
              />
            </div>
          </div>
        ))}
      </Fieldset>
      <div className="regie-field">
        <FormLabel htmlFor={fid('verplichtingId')}>Bij welke begrotingsregel hoort het?</FormLabel>
        {foutTekstVan('verplichtingId')}
        <Select
          id={fid('verplichtingId')}
          value={values.verplichtingId}
          invalid={Boolean(errors.verplichtingId)}
          aria-describedby={describedBy('verplichtingId')}
          onChange={set('verplichtingId')}
        >
          <SelectOption value="">Maak een keuze</SelectOption>
          {regels.map((r) => (
            <SelectOption key={r.id} value={r.id}>
              {regelLabel(r)}
            </SelectOption>
          ))}
        </Select>
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={fid('bedrag')}>Bedrag</FormLabel>
        <Paragraph id={`${fid('bedrag')}-uitleg`} className="utrecht-form-field-description">
          In euro’s, zoals op de {factuur ? 'factuur' : 'bon'}, bijvoorbeeld 1.234,56.
        </Paragraph>
        {foutTekstVan('bedrag')}
        <Textbox
          id={fid('bedrag')}
          inputMode="decimal"
          autoComplete="off"
          value={values.bedrag}
          invalid={Boolean(errors.bedrag)}
          aria-describedby={describedBy('bedrag', true)}
          onChange={set('bedrag')}
        />
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={fid('referentie')}>{factuur ? 'Factuurnummer' : 'Nummer van de bon of factuur'}</FormLabel>
        {foutTekstVan('referentie')}
        <Textbox
          id={fid('referentie')}
          autoComplete="off"
          value={values.referentie}
          invalid={Boolean(errors.referentie)}
          aria-describedby={describedBy('referentie')}
          onChange={set('referentie')}
        />
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={fid('omschrijving')}>Omschrijving (niet verplicht)</FormLabel>
        {foutTekstVan('omschrijving')}
        <Textbox
          id={fid('omschrijving')}
          value={values.omschrijving}
          invalid={Boolean(errors.omschrijving)}
          aria-describedby={describedBy('omschrijving')}
          onChange={set('omschrijving')}
        />
      </div>
      {!factuur && (
        <div className="regie-field">
          <FormLabel htmlFor={fid('iban')}>Uw IBAN</FormLabel>
          <Paragraph id={`${fid('iban')}-uitleg`} className="utrecht-form-field-description">
            Op deze rekening betalen wij het voorgeschoten bedrag terug.
          </Paragraph>
          {foutTekstVan('iban')}
          <Textbox
            id={fid('iban')}
            autoComplete="off"
            value={values.iban}
            invalid={Boolean(errors.iban)}
            aria-describedby={describedBy('iban', true)}
            onChange={set('iban')}
          />
        </div>
      )}
      <div className="regie-form__actions">
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          {factuur ? 'Factuur versturen' : 'Declaratie versturen'}
        </Button>
      </div>
      <div aria-live="polite">
        {verstuurd && (
          <Alert type="ok">
            <Paragraph>{verstuurd}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}
