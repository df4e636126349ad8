import { VisuallyHidden } from './VisuallyHidden.tsx';
import { useRef } from 'react';
import { getIn } from 'formik';
import { Button, Fieldset, FieldsetLegend, FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { ComponentProps } from './field-props.ts';
import { ComponentList } from './ComponentRenderer.tsx';
import { useRegieForm } from './form-context.ts';
import { emptyRow } from './form-values.ts';
import { fieldDomId, formatPath, isPlainObject, keySegments } from '../validation/paths.ts';
import { rowScope } from '../validation/scope.ts';
import { MAX_ROWS } from '../validation/compile-form.ts';

/** Repeating rows (activiteiten, begrotingsregels) with add and remove buttons that say what they do. */
export function DynamicListField({ component, prefix, scope, scopeData }: ComponentProps) {
  const { formik, showErrors, data } = useRegieForm();
  const segments = [...prefix, ...keySegments(component.path)];
  const name = formatPath(segments);
  const id = fieldDomId(name);
  const rows = getIn(formik.values, name) as unknown;
  const list = Array.isArray(rows) ? (rows as unknown[]) : [];
  const rowData = getIn(data, name) as unknown;
  const error = getIn(formik.errors, name) as unknown;
  const shownError = showErrors && typeof error === 'string' ? error : undefined;
  const noun = component.properties?.['regie.rijNaam'] ?? 'regel';
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const max = Math.min(Number(component.properties?.['regie.maxRijen'] ?? MAX_ROWS), MAX_ROWS);
  const canChange = component.allowAddRemove !== false;
  const addButton = useRef<HTMLButtonElement>(null);

  const add = () => {
    void formik.setFieldValue(name, [...list, emptyRow(component)]);
    // Move focus into the new row so keyboard users land where they need to type.
    setTimeout(() => {
      const fieldset = document.getElementById(`${id}-rij-${list.length}`);
      fieldset?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    }, 0);
  };
  const remove = (index: number) => {
    void formik.setFieldValue(
      name,
      list.filter((_, i) => i !== index),
    );
    addButton.current?.focus();
  };

  return (
    <Fieldset className="regie-dynamic-list" invalid={Boolean(shownError)} aria-describedby={shownError ? `${id}-fout` : undefined}>
      {component.label && <FieldsetLegend>{component.label}</FieldsetLegend>}
      {shownError && (
        <FormFieldErrorMessage id={`${id}-fout`}>
          <VisuallyHidden>Fout: </VisuallyHidden>
          {shownError}
        </FormFieldErrorMessage>
      )}
      {list.map((_, index) => {
        const itemData = Array.isArray(rowData) && isPlainObject(rowData[index]) ? (rowData[index] as Record<string, unknown>) : {};
        return (
          <Fieldset key={index} id={`${id}-rij-${index}`} className="regie-dynamic-list__row">
            <FieldsetLegend>
              {Noun} {index + 1}
            </FieldsetLegend>
            <ComponentList
              components={component.components ?? []}
              prefix={[...segments, index]}
              scope={rowScope(scope, itemData, scopeData, index)}
              scopeData={itemData}
            />
            {canChange && (
              <Button appearance="secondary-action-button" type="button" onClick={() => remove(index)}>
                {Noun} {index + 1} verwijderen
              </Button>
            )}
          </Fieldset>
        );
      })}
      {canChange && list.length < max && (
        <Button ref={addButton} id={id} appearance="secondary-action-button" type="button" onClick={add}>
          {Noun} toevoegen
        </Button>
      )}
    </Fieldset>
  );
}
