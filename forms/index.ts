/**
 * Server-safe entry: load and check form files, compile them to validators. No React here.
 * The browser renderer is `forms/react/index.ts`.
 */
export type { FormSchema, FormComponent, FormOption, FormValidate, RegieType, RegieDateRule } from './schema/types.ts';
export { FormSchemaError } from './schema/form-schema-error.ts';
export { loadFormSchema } from './schema/load-form-schema.ts';
export { compileForm, MAX_ROWS } from './validation/compile-form.ts';
export { describeFormValues, type DescribedValue } from './validation/describe-values.ts';
export type { CompiledForm, CompileOptions, FieldError, ValidationResult } from './validation/compile-form.ts';
export { isValidBsn, normalizeBsn } from './validation/bsn.ts';
export { isValidIban, normalizeIban, formatIban } from './validation/iban.ts';
export { isValidKvk } from './validation/kvk.ts';
export { normalizePostcode } from './validation/postcode.ts';
export { parseMoney, formatCents, formatEuro } from './validation/money.ts';
export { maandenGeraakt, todayInAmsterdam } from './validation/dates.ts';
export { messages } from './validation/messages.ts';
