/**
 * The procesbeleid of a pgb bw zaak: the version's values as the process variable `policy`
 * (workflows/pgb-bw/process.md §1). Sources stay out; durations have no weeks (FEEL has no `W`).
 */
import { withoutWeeks } from '../../prb/policy/snapshot.ts';
import { regelsVan } from './load.ts';
import type { PgbBwPolicy, PgbBwRegels } from './schema.ts';

export type PgbBwProcesbeleid = PgbBwRegels & { id: string; tenantId: string; gemeente: string; regeling: 'pgb-bw'; ingangsdatum: string; hash: string };

function feelSafe(value: unknown): unknown {
  if (typeof value === 'string') return withoutWeeks(value);
  if (Array.isArray(value)) return value.map(feelSafe);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, feelSafe(v)]));
  return value;
}

export function pgbBwProcesbeleid(policy: PgbBwPolicy): PgbBwProcesbeleid {
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    gemeente: policy.gemeente,
    regeling: 'pgb-bw',
    ingangsdatum: policy.ingangsdatum,
    hash: policy.hash,
    ...(feelSafe(regelsVan(policy)) as PgbBwRegels),
  };
}
