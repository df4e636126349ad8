/** Browser entry: the React/Formik renderer. Server code imports `forms/index.ts` instead. */
export { RegieForm } from './RegieForm.tsx';
export type { RegieFormProps } from './RegieForm.tsx';
export type { UploadHandler } from './form-context.ts';
export { ErrorSummary } from './ErrorSummary.tsx';
export { toFormValues } from './form-values.ts';
