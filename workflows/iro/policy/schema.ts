/**
 * Policy of the iro (UWV) and of the rio (Rotterdam), the two regelingen in which the klant picks a
 * reïntegratiebedrijf (rib) from a pool and the organisation contracts it on no cure less pay.
 * File format and bron rules: workflows/shared/sourced-policy.ts (as prb, without presets).
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Besluittermijn, Betaalroute, Cent, Grondslag, IsoDuration } from '../../prb/policy/schema.ts';
import { SourcedPolicies, type ResolvedPolicy } from '../../shared/sourced-policy.ts';

export const IRO_UITKERINGEN = ['WW', 'WIA', 'Wajong', 'WWB', 'NUG'] as const;
export const Trajectindicatie = z.enum(['volledig-traject', 'beperkte-ondersteuning', 'werkfit', 'geen-activiteiten']);
export type Trajectindicatie = z.infer<typeof Trajectindicatie>;

export const IroToelating = z.strictObject({
  /** Benefits whose recipients may use this regeling (iro: WW, WIA, Wajong; rio: WWB, NUG). */
  uitkeringen: z.array(z.enum(IRO_UITKERINGEN)).min(1),
  /** UWV since 2009: only when the afstand tot de arbeidsmarkt indicates a full traject; null = not asked. */
  vereisteIndicatie: Trajectindicatie.nullable(),
  /** rio: months without work before the regeling is open; null = no minimum. */
  minimaleWerkloosheidMaanden: z.int().min(1).nullable(),
  /** rio: only when a regular traject is expected not to work. */
  regulierTrajectNietKansrijk: z.boolean(),
  /** One traject at a time. */
  geenLopendTraject: z.boolean(),
});

export const NoCureLessPay = z.strictObject({
  /** Share of the contract price paid when the traject starts; the rest only on the result. */
  startdeelProcent: z.int().min(0).max(100),
});

export const IRO_AXES = {
  grondslag: Grondslag,
  toelating: IroToelating,
  /** Cap excl. btw ("in principe"): above it only with a reason, unless plafondHard. */
  plafondCent: Cent,
  plafondHard: z.boolean(),
  noCureLessPay: NoCureLessPay,
  /** How long a placement must last to count as the result (seed-000 L1559: 6 months). */
  plaatsingsduur: IsoDuration,
  /** Which pool of aanbieders the klant chooses from (aanbiederInPool's regeling). */
  aanbiederPool: z.enum(['iro', 'rio']),
  /** Who contracts the rib. */
  opdrachtgever: z.enum(['uwv', 'gemeente']),
  betaalroute: Betaalroute,
  financieGrensCent: Cent,
  besluittermijn: Besluittermijn,
} as const;

export type IroBeleid = { [K in keyof typeof IRO_AXES]: z.infer<(typeof IRO_AXES)[K]> };
export type IroPolicy = ResolvedPolicy<IroBeleid>;
export type IroProcesbeleid = IroBeleid & { id: string };

const dir = (r: string) => fileURLToPath(new URL(`../../${r}/policies/`, import.meta.url));
let cache: Record<string, SourcedPolicies<IroBeleid>> = {};

/** The shipped policies of iro (workflows/iro/policies) or rio (workflows/rio/policies). */
export function iroPolicies(regeling: 'iro' | 'rio'): SourcedPolicies<IroBeleid> {
  return (cache[regeling] ??= new SourcedPolicies<IroBeleid>(regeling, IRO_AXES, dir(regeling)));
}

/** For tests that load another folder. */
export function resetIroPolicies() {
  cache = {};
}
