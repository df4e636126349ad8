import { forwardRef, type MouseEvent } from 'react';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem, Link } from '@utrecht/component-library-react';

export interface ErrorSummaryProps {
  title: string;
  message: string;
  /** Field errors, each linking to its input (by id). */
  fields?: { id: string; message: string }[];
}

/**
 * Error summary at the top of a form (GOV.UK / NL Design System pattern).
 * The caller focuses it after a failed submit, so screen readers read it at once
 * and keyboard users start right above the problem. Links jump to the field.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(
  { title, message, fields = [] },
  ref,
) {
  const focusField = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.focus();
  };
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="regie-error-summary">
      <Heading level={2}>
        {title}
      </Heading>
      <Paragraph>{message}</Paragraph>
      {fields.length > 0 && (
        <UnorderedList>
          {fields.map((f) => (
            <UnorderedListItem key={f.id}>
              <Link href={`#${f.id}`} onClick={(e) => focusField(e, f.id)}>
                {f.message}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
});
