import { useEffect, useMemo, useRef, useState } from 'react';
import { setIn, useFormik, type FormikErrors } from 'formik';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { FormSchema } from '../schema/types.ts';
import { compileForm, type CompiledForm, type FieldError } from '../validation/compile-form.ts';
import { formScope } from '../validation/scope.ts';
import { ComponentList } from './ComponentRenderer.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FormContext, type UploadHandler } from './form-context.ts';
import { toFormValues } from './form-values.ts';

export interface RegieFormProps {
  /** A loaded schema (loadFormSchema) or an already compiled form. */
  form: FormSchema | CompiledForm;
  /** The task's input variables: they prefill the form and are the FEEL context. */
  variables?: Record<string, unknown>;
  /** Called with the validated value (money in cents, hidden fields dropped) — send this to the server. */
  onSubmit: (value: Record<string, unknown>) => void | Promise<void>;
  /** Needed for file pickers; without it they show that uploading is not possible here. */
  onUpload?: UploadHandler;
  /** Per-field errors from the server (422 problem+json), shown like the browser's own. */
  serverErrors?: FieldError[];
  submitLabel?: string;
  /** Today's date (ISO) for date rules; defaults to today in Europe/Amsterdam. */
  today?: () => string;
}

function isCompiled(form: FormSchema | CompiledForm): form is CompiledForm {
  return typeof (form as CompiledForm).validate === 'function';
}

function toFormikErrors(errors: FieldError[]): FormikErrors<Record<string, unknown>> {
  let out: FormikErrors<Record<string, unknown>> = {};
  // The first message per field wins, matching the server's one-message-per-field.
  for (const error of [...errors].reverse()) if (error.field !== '') out = setIn(out, error.field, error.message) as typeof out;
  return out;
}

const NO_VARIABLES: Record<string, unknown> = {};

/**
 * Renders a Regie form with Formik and NL Design System components. Validation is the
 * compiled form's — the very code the server runs on completion — so both sides agree.
 */
export function RegieForm({ form, variables = NO_VARIABLES, onSubmit, onUpload, serverErrors, submitLabel = 'Versturen', today }: RegieFormProps) {
  const compiled = useMemo(() => (isCompiled(form) ? form : compileForm(form, { today })), [form, today]);
  const initialValues = useMemo(
    () => toFormValues(compiled.schema.components, compiled.prefill(variables)),
    [compiled, variables],
  );
  const [attempted, setAttempted] = useState(false);
  const [errorList, setErrorList] = useState<FieldError[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const focusedFor = useRef(0);

  const formik = useFormik<Record<string, unknown>>({
    initialValues,
    // No enableReinitialize: a parent re-rendering with a new variables object must not wipe
    // what the person typed. Give the form a new React key to start over.
    validateOnChange: attempted,
    validateOnBlur: attempted,
    validate: (values) => {
      const result = compiled.validate(values, variables);
      const errors = result.ok ? [] : result.errors;
      setErrorList(errors);
      return toFormikErrors(errors);
    },
    onSubmit: async (values) => {
      const result = compiled.validate(values, variables);
      if (result.ok) await onSubmit(result.value);
    },
  });

  // After a failed submit, move focus to the summary so it is announced (WCAG 3.3.1).
  useEffect(() => {
    if (formik.submitCount > focusedFor.current && !formik.isSubmitting && errorList.length > 0) {
      focusedFor.current = formik.submitCount;
      summary.current?.focus();
    }
  }, [formik.submitCount, formik.isSubmitting, errorList]);

  useEffect(() => {
    if (!serverErrors || serverErrors.length === 0) return;
    setAttempted(true);
    setErrorList(serverErrors);
    void formik.setErrors(toFormikErrors(serverErrors));
    setTimeout(() => summary.current?.focus(), 0);
    // formik is a new object every render; the server errors alone decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverErrors]);

  const data = useMemo(() => compiled.evaluate(formik.values, variables), [compiled, formik.values, variables]);
  const showErrors = attempted;

  return (
    <FormContext.Provider value={{ compiled, formik, variables, data, showErrors, onUpload }}>
      <form
        className="utrecht-form regie-form"
        noValidate
        onSubmit={(event) => {
          setAttempted(true);
          formik.handleSubmit(event);
        }}
      >
        {showErrors && errorList.length > 0 && <ErrorSummary ref={summary} errors={errorList} />}
        <ComponentList components={compiled.schema.components} prefix={[]} scope={formScope(variables, data)} scopeData={data} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={formik.isSubmitting}>
            {submitLabel}
          </Button>
        </ButtonGroup>
      </form>
    </FormContext.Provider>
  );
}
