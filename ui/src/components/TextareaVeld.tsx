import { FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

/**
 * A labelled textarea with its optional explanation and error message, wired for screen readers:
 * the error and the explanation are read with the field (aria-describedby), the field is marked
 * invalid, and the error's id is `${id}-fout` so an ErrorSummary can point to the field by `id`.
 */
export function TextareaVeld({
  id,
  label,
  uitleg,
  fout,
  value,
  rows = 4,
  spellCheck,
  onChange,
}: {
  id: string;
  label: string;
  uitleg?: string;
  fout?: string | null;
  value: string;
  rows?: number;
  spellCheck?: boolean;
  onChange: (value: string) => void;
}) {
  const describedBy = [uitleg ? `${id}-uitleg` : null, fout ? `${id}-fout` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="regie-field">
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {uitleg && (
        <Paragraph id={`${id}-uitleg`} className="utrecht-form-field-description">
          {uitleg}
        </Paragraph>
      )}
      {fout && (
        <p id={`${id}-fout`} className="utrecht-form-field-error-message">
          {fout}
        </p>
      )}
      <Textarea
        id={id}
        rows={rows}
        value={value}
        invalid={Boolean(fout)}
        spellCheck={spellCheck}
        aria-describedby={describedBy}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
    </div>
  );
}
