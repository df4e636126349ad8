import { Textarea, Textbox } from '@utrecht/component-library-react';
import type { ComponentProps } from './field-props.ts';
import { FieldFrame } from './FieldFrame.tsx';
import { useField } from './use-field.ts';
import { fieldKind } from '../validation/field-kind.ts';
import { formatCents, parseMoney } from '../validation/money.ts';
import { formatIban, isValidIban } from '../validation/iban.ts';

/** Format help shown under the label, so nobody has to guess the notation (WCAG 3.3.2). */
const HINTS: Record<string, string> = {
  bsn: 'Het BSN heeft 9 cijfers.',
  iban: 'Bijvoorbeeld NL91 ABNA 0417 1643 00.',
  kvk: 'Het KvK-nummer heeft 8 cijfers.',
  postcode: 'Bijvoorbeeld 1234 AB.',
  euro: "Bedrag in euro's, bijvoorbeeld 1.234,56.",
};

/** textfield (incl. BSN, IBAN, KvK, postcode, euro), textarea, number and date. */
export function TextInputField(props: ComponentProps) {
  const { component } = props;
  const field = useField(props);
  const kind = fieldKind(component);
  const text = typeof field.value === 'string' ? field.value : field.value === null || field.value === undefined ? '' : String(field.value);
  const common = {
    id: field.id,
    name: field.name,
    value: text,
    readOnly: field.readOnly,
    disabled: field.disabled,
    invalid: Boolean(field.error),
    'aria-required': field.optional ? undefined : true,
    onChange: (event: { target: { value: string } }) => field.setValue(event.target.value),
  };
  // Tidy the notation once the person leaves the field; the stored value is decided on submit.
  const onBlur = () => {
    field.onBlur();
    if (kind === 'euro') {
      const parsed = parseMoney(text.trim());
      if (parsed.ok && text.trim() !== '') field.setValue(formatCents(parsed.cents));
    }
    if (kind === 'iban' && isValidIban(text)) field.setValue(formatIban(text.replace(/\s/g, '').toUpperCase()));
  };
  return (
    <FieldFrame
      id={field.id}
      label={field.label}
      description={component.description}
      hint={kind ? HINTS[kind] : undefined}
      error={field.error}
      optional={field.optional && !field.readOnly}
    >
      {(aria) =>
        component.type === 'textarea' ? (
          <Textarea {...common} {...aria} onBlur={onBlur} rows={5} />
        ) : kind === 'euro' ? (
          <span className="regie-money">
            <span className="regie-money__currency" aria-hidden="true">
              €
            </span>{' '}
            <Textbox {...common} {...aria} onBlur={onBlur} inputMode="decimal" autoComplete="off" />
          </span>
        ) : (
          <Textbox
            {...common}
            {...aria}
            onBlur={onBlur}
            type={kind === 'date' ? 'date' : component.validate?.validationType === 'email' ? 'email' : component.validate?.validationType === 'phone' ? 'tel' : 'text'}
            inputMode={kind === 'number' ? 'decimal' : kind === 'bsn' || kind === 'kvk' ? 'numeric' : undefined}
            autoComplete={kind === 'postcode' ? 'postal-code' : component.validate?.validationType === 'email' ? 'email' : undefined}
          />
        )
      }
    </FieldFrame>
  );
}
