import {
  FormField,
  FormLabel,
  HTMLContent,
  Paragraph,
  Separator,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ComponentProps } from './field-props.ts';
import { evaluateFeel, renderTemplate } from '../validation/feel.ts';
import { isFeel } from '../schema/feel-syntax.ts';
import { formatEuro } from '../validation/money.ts';
import { fieldDomId, formatPath, getIn, keySegments } from '../validation/paths.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { useRegieForm } from './form-context.ts';

/** form-js text is markdown; Regie renders its paragraphs as plain text (see README). */
export function TextView({ component, scope }: ComponentProps) {
  const text = renderTemplate(component.text ?? '', scope);
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <Paragraph key={i}>{p.replace(/^#+\s*/, '')}</Paragraph>
        ))}
    </>
  );
}

export function HtmlView({ component, scope }: ComponentProps) {
  const html = sanitizeHtml(renderTemplate(component.content ?? '', scope));
  return <HTMLContent dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SeparatorView() {
  return <Separator />;
}

export function SpacerView() {
  return <div className="regie-spacer" aria-hidden="true" style={{ blockSize: '1.5rem' }} />;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A read-only table from a FEEL expression or a variable key. */
export function TableView({ component, scope }: ComponentProps) {
  const source = component.dataSource ?? '';
  const rows = isFeel(source) ? evaluateFeel(source, scope) : getIn(scope, keySegments(source));
  const list = Array.isArray(rows) ? rows : [];
  const columns = component.columns ?? [];
  return (
    <Table>
      {component.label && <TableCaption>{component.label}</TableCaption>}
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.key} scope="col">
              {c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.length === 0 ? (
          <TableRow>
            <TableCell colSpan={Math.max(columns.length, 1)}>Geen gegevens.</TableCell>
          </TableRow>
        ) : (
          list.map((row, i) => (
            <TableRow key={i}>
              {columns.map((c) => (
                <TableCell key={c.key}>{cellText(getIn(row, keySegments(c.key)))}</TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}

/** A computed value; shown only when it has a label (form-js never shows one). Announced when it changes. */
export function ExpressionView({ component, prefix }: ComponentProps) {
  const { data } = useRegieForm();
  if (!component.label) return null;
  const segments = keySegments(component.key);
  const value = getIn(data, [...prefix, ...segments]);
  const euro = component.properties?.['regie.type'] === 'euro';
  const shown = typeof value === 'number' && euro ? formatEuro(value) : cellText(value);
  const id = fieldDomId(formatPath([...prefix, ...segments]));
  return (
    <FormField className="regie-form-field" label={<FormLabel htmlFor={id}>{component.label}</FormLabel>}>
      <output id={id} aria-live="polite" className="utrecht-form-field__input regie-output">
        {shown}
      </output>
    </FormField>
  );
}
