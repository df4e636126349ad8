import { forwardRef } from 'react';
import { Heading2, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { FieldError } from '../validation/compile-form.ts';
import { fieldDomId } from '../validation/paths.ts';

export interface ErrorSummaryProps {
  errors: FieldError[];
}

function focusField(path: string): void {
  const target = document.getElementById(fieldDomId(path));
  if (!target) return;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/**
 * The list of problems at the top of the form. It takes focus after a failed submit so a
 * screen reader announces it, and each item jumps to its field (WCAG 3.3.1, 2.4.3).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary({ errors }, ref) {
  const count = errors.length;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="utrecht-alert utrecht-alert--error regie-error-summary"
      aria-labelledby="regie-foutoverzicht-titel"
      role="group"
    >
      <Heading2 id="regie-foutoverzicht-titel">
        {count === 1 ? 'Er is 1 fout in het formulier' : `Er zijn ${count} fouten in het formulier`}
      </Heading2>
      <UnorderedList>
        {errors.map((error) => (
          <UnorderedListItem key={`${error.field}:${error.message}`}>
            {error.field === '' ? (
              error.message
            ) : (
              <Link
                href={`#${fieldDomId(error.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(error.field);
                }}
              >
                {error.message}
              </Link>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
});
