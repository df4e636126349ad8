import type { ChangeEvent } from 'react';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { ComponentProps } from './field-props.ts';
import { FieldFrame, describedBy, labelText } from './FieldFrame.tsx';
import { useField } from './use-field.ts';
import { resolveOptions } from '../validation/options.ts';

export function CheckboxField(props: ComponentProps) {
  const field = useField(props);
  return (
    <FieldFrame id={field.id} label={field.label} description={props.component.description} error={field.error} optional={false} type="checkbox">
      {(aria) => (
        <Checkbox
          {...aria}
          id={field.id}
          name={field.name}
          checked={field.value === true}
          disabled={field.disabled || field.readOnly}
          invalid={Boolean(field.error)}
          aria-required={field.optional ? undefined : true}
          onChange={(event) => field.setValue(event.target.checked)}
          onBlur={field.onBlur}
        />
      )}
    </FieldFrame>
  );
}

/** radio and checklist: a fieldset whose legend is the question; the first option carries the field id. */
export function OptionGroupField(props: ComponentProps) {
  const { component, scope } = props;
  const field = useField(props);
  const options = resolveOptions(component, scope);
  const multiple = component.type === 'checklist';
  const selected = multiple ? (Array.isArray(field.value) ? field.value.map(String) : []) : [String(field.value ?? '')];
  const description = component.description;
  return (
    <Fieldset
      invalid={Boolean(field.error)}
      aria-describedby={describedBy(field.id, Boolean(description), Boolean(field.error))}
      disabled={field.disabled || field.readOnly}
      className="regie-form-field"
    >
      <FieldsetLegend>{labelText(field.label, field.optional)}</FieldsetLegend>
      {description && <FormFieldDescription id={`${field.id}-beschrijving`}>{description}</FormFieldDescription>}
      {field.error && (
        <FormFieldErrorMessage id={`${field.id}-fout`}>
          <VisuallyHidden>Fout: </VisuallyHidden>
          {field.error}
        </FormFieldErrorMessage>
      )}
      {options.map((option, index) => {
        const id = index === 0 ? field.id : `${field.id}-${index}`;
        const value = String(option.value);
        const checked = selected.includes(value);
        const input = multiple ? (
          <Checkbox
            id={id}
            name={field.name}
            value={value}
            checked={checked}
            invalid={Boolean(field.error)}
            onChange={(event) => {
              const current = Array.isArray(field.value) ? (field.value as unknown[]) : [];
              field.setValue(event.target.checked ? [...current, option.value] : current.filter((v) => String(v) !== value));
            }}
            onBlur={field.onBlur}
          />
        ) : (
          <RadioButton
            id={id}
            name={field.name}
            value={value}
            checked={checked}
            invalid={Boolean(field.error)}
            onChange={() => field.setValue(option.value)}
            onBlur={field.onBlur}
          />
        );
        return (
          <div className={`utrecht-form-field utrecht-form-field--${multiple ? 'checkbox' : 'radio'}`} key={value}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type={multiple ? 'checkbox' : 'radio'}>
                {option.label}
              </FormLabel>
            </div>
            <div className="utrecht-form-field__input">{input}</div>
          </div>
        );
      })}
    </Fieldset>
  );
}

export function SelectField(props: ComponentProps) {
  const { component, scope } = props;
  const field = useField(props);
  const options = resolveOptions(component, scope);
  return (
    <FieldFrame id={field.id} label={field.label} description={component.description} error={field.error} optional={field.optional}>
      {(aria) => (
        <Select
          {...aria}
          id={field.id}
          name={field.name}
          value={field.value === null || field.value === undefined ? '' : String(field.value)}
          disabled={field.disabled || field.readOnly}
          invalid={Boolean(field.error)}
          aria-required={field.optional ? undefined : true}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => {
            const chosen = options.find((o) => String(o.value) === event.target.value);
            field.setValue(chosen ? chosen.value : null);
          }}
          onBlur={field.onBlur}
        >
          <SelectOption value="">Maak een keuze</SelectOption>
          {options.map((option) => (
            <SelectOption key={String(option.value)} value={String(option.value)}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldFrame>
  );
}
