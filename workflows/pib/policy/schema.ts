/**
 * Policy of the pib (persoonlijk inburgeringsbudget, Wet inburgering) per gemeente.
 * File format and bron rules: workflows/shared/sourced-policy.ts (as prb, without presets).
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Besluittermijn, Betaalroute, Cent, Grondslag } from '../../prb/policy/schema.ts';
import { SourcedPolicies, type ResolvedPolicy } from '../../shared/sourced-policy.ts';

export const Inburgeraar = z.enum(['vrijwillig', 'verplicht']);

export const PIB_AXES = {
  grondslag: Grondslag,
  toelating: z.strictObject({
    /** Since 2008 for vrijwillige, since 2009 also for verplichte inburgeraars (seed-000 L574). */
    doelgroepen: z.array(Inburgeraar).min(1),
    woontInGemeente: z.boolean(),
  }),
  /** A WWB client's programme combines taal and re-integratie (seed-000 L574, "in principe altijd"). */
  duaalVoorWWB: z.boolean(),
  plafondCent: Cent,
  /** pib: the gemeente contracts the chosen providers (seed-000 L574), unlike most prb. */
  opdrachtgever: z.enum(['gemeente']),
  betaalroute: Betaalroute,
  financieGrensCent: Cent,
  besluittermijn: Besluittermijn,
} as const;

export type PibBeleid = { [K in keyof typeof PIB_AXES]: z.infer<(typeof PIB_AXES)[K]> };
export type PibPolicy = ResolvedPolicy<PibBeleid>;
export type PibProcesbeleid = PibBeleid & { id: string };

let cache: SourcedPolicies<PibBeleid> | undefined;

/** The shipped pib policies (workflows/pib/policies). */
export function pibPolicies(): SourcedPolicies<PibBeleid> {
  return (cache ??= new SourcedPolicies<PibBeleid>('pib', PIB_AXES, fileURLToPath(new URL('../policies/', import.meta.url))));
}
