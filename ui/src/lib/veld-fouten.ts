import { ApiError } from '../api.ts';

/**
 * The field errors of a refused request, on the form's own fields: for a 400 (and whatever other
 * statuses the form's route uses for field errors, such as 422) each `body.<pad>` error goes to the
 * field `veldVan` names, the first message per field. Empty for any other error, and for errors on
 * paths the form does not show; the caller then shows the refusal as one message.
 */
export function serverVeldFouten<K extends string>(err: unknown, veldVan: (pad: string) => K | undefined, statussen: readonly number[] = [400]): Partial<Record<K, string>> {
  const fouten: Partial<Record<K, string>> = {};
  if (!(err instanceof ApiError) || !statussen.includes(err.status)) return fouten;
  for (const fe of err.problem.errors ?? []) {
    const veld = veldVan(fe.field.replace(/^body\./, ''));
    if (veld !== undefined) fouten[veld] ??= fe.message;
  }
  return fouten;
}
