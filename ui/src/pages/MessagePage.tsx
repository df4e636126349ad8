import { useEffect, type ReactNode } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';

/** Simple page for "niet gevonden", "geen toegang" and "niet bereikbaar". */
export function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Regie`;
  }, [title]);
  return (
    <section className="regie-message">
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
    </section>
  );
}
