import { createContext, useContext } from 'react';
import type { FormikProps } from 'formik';
import type { CompiledForm } from '../validation/compile-form.ts';

/** Uploads a file to the zaak's documents, reporting progress as a fraction 0..1. */
export type UploadHandler = (file: File, onProgress: (fraction: number) => void) => Promise<{ documentId: string }>;

export interface RegieFormContext {
  compiled: CompiledForm;
  formik: FormikProps<Record<string, unknown>>;
  variables: Record<string, unknown>;
  /** The form's data as FEEL sees it (CompiledForm.evaluate), recomputed on every change. */
  data: Record<string, unknown>;
  /** Errors show only after the first submit attempt (or when the server sent some). */
  showErrors: boolean;
  onUpload?: UploadHandler;
}

export const FormContext = createContext<RegieFormContext | null>(null);

export function useRegieForm(): RegieFormContext {
  const context = useContext(FormContext);
  if (!context) throw new Error('Een formulieronderdeel staat buiten <RegieForm>.');
  return context;
}
