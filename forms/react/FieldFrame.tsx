import { VisuallyHidden } from './VisuallyHidden.tsx';
import type { ReactNode } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';

export interface FieldAria {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldFrameProps {
  id: string;
  label: string;
  description?: string;
  /** Format help for Regie types, e.g. "Bijvoorbeeld 1234 AB". */
  hint?: string;
  error?: string;
  optional: boolean;
  type?: 'text' | 'checkbox';
  children: (aria: FieldAria) => ReactNode;
}

export function describedBy(id: string, description: boolean, error: boolean): string | undefined {
  const ids = [description ? `${id}-beschrijving` : '', error ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function labelText(label: string, optional: boolean): string {
  return optional ? `${label} (niet verplicht)` : label;
}

/** Visible label, description and error, all tied to the input by id (WCAG 1.3.1, 3.3.1). */
export function FieldFrame({ id, label, description, hint, error, optional, type, children }: FieldFrameProps) {
  const help = [description, hint].filter(Boolean).join(' ');
  const aria: FieldAria = { 'aria-describedby': describedBy(id, help !== '', Boolean(error)) };
  if (error) aria['aria-invalid'] = true;
  const labelElement = (
    <FormLabel htmlFor={id} type={type === 'checkbox' ? 'checkbox' : undefined}>
      {labelText(label, optional)}
    </FormLabel>
  );
  return (
    <FormField invalid={Boolean(error)} type={type} className="regie-form-field">
      {/* For a checkbox the Utrecht grid puts this label beside the box, not above it. */}
      <div className="utrecht-form-field__label">{labelElement}</div>
      {help !== '' && <FormFieldDescription id={`${id}-beschrijving`}>{help}</FormFieldDescription>}
      {error && (
        <FormFieldErrorMessage id={`${id}-fout`}>
          <VisuallyHidden>Fout: </VisuallyHidden>
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children(aria)}</div>
    </FormField>
  );
}
