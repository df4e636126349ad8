import { z } from 'zod';
import type { FieldError } from './problem.ts';

// Dutch messages for every schema-driven refusal.
z.config(z.locales.nl());

/** Flattens zod issues into per-field Dutch messages; unknown keys become one error per key. */
export function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: base ? `${base}.${key}` : key, message: `Onbekend veld "${key}".` });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    out.push({ field: base || '(body)', message: missing ? 'Dit veld is verplicht.' : issue.message });
  }
  return out;
}
