/**
 * The procesbeleid: a resolved policy version as a process variable (`policy`, see
 * workflows/prb/process.md). Every axis is unwrapped to its `waarde`, so a diagram reads
 * `=policy.orientatiefase.duur` or `=policy.plafondCent`; sources stay out (workers that need them
 * load the version by `policy.id`). Durations in weeks are written in days (`P8W` → `P56D`),
 * because FEEL's `duration()` (feelin and Camunda) does not accept `W`.
 */
import { parseDuration } from './duration.ts';
import { AXIS_KEYS, type AxisValues, type PrbPolicy, type PresetCode, type Regeling } from './schema.ts';

export type Procesbeleid = AxisValues & {
  id: string;
  tenantId: string;
  gemeente: string;
  regeling: Regeling;
  ingangsdatum: string;
  hash: string;
  preset: PresetCode;
};

/** `P1Y2W3D` → `P1Y17D`; anything else unchanged. */
export function withoutWeeks(text: string): string {
  const d = parseDuration(text);
  if (!d || d.weeks === 0) return text;
  const days = d.weeks * 7 + d.days;
  return `P${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${days}D`;
}

function feelSafe(value: unknown): unknown {
  if (typeof value === 'string') return withoutWeeks(value);
  if (Array.isArray(value)) return value.map(feelSafe);
  if (value !== null && typeof value === 'object') {
    // A criterion's own `bron` is a source marker too: it stays out like the axis bron.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'bron')
        .map(([k, v]) => [k, feelSafe(v)]),
    );
  }
  return value;
}

export function procesbeleid(policy: PrbPolicy): Procesbeleid {
  const axes = Object.fromEntries(AXIS_KEYS.map((axis) => [axis, feelSafe(policy[axis].waarde)])) as AxisValues;
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    gemeente: policy.gemeente,
    regeling: policy.regeling,
    ingangsdatum: policy.ingangsdatum,
    hash: policy.hash,
    preset: policy.preset.waarde,
    ...axes,
  };
}
