import { getIn } from 'formik';
import type { ComponentProps } from './field-props.ts';
import { useRegieForm } from './form-context.ts';
import { resolveFlag } from '../validation/feel.ts';
import { fieldDomId, formatPath, keySegments } from '../validation/paths.ts';

/** The shared wiring of a keyed field: name, id, value, error, flags. */
export function useField({ component, prefix, scope }: ComponentProps) {
  const { formik, showErrors } = useRegieForm();
  const name = formatPath([...prefix, ...keySegments(component.key)]);
  const error = getIn(formik.errors, name) as unknown;
  return {
    name,
    id: fieldDomId(name),
    value: getIn(formik.values, name) as unknown,
    error: showErrors && typeof error === 'string' ? error : undefined,
    readOnly: resolveFlag(component.readonly, scope),
    disabled: resolveFlag(component.disabled, scope),
    optional: component.validate?.required !== true,
    label: component.label ?? component.key ?? '',
    setValue: (value: unknown) => void formik.setFieldValue(name, value),
    onBlur: () => void formik.setFieldTouched(name, true, false),
  };
}
