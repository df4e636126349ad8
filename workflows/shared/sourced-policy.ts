/**
 * Policy files of the regelingen beyond prb (iro, rio, pib): the same file shape and the same
 * bron rules as the prb policies (workflows/prb/README.md §1), without presets — every axis is
 * written out, so "preset-default" is no valid bron here. One file per tenant in the regeling's
 * `policies/` folder, versioned by ingangsdatum; a zaak keeps the version it started under.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { BRON_PRESET_DEFAULT, IsoDate, TENANT_ID, sourced } from '../prb/policy/schema.ts';
import { NL_ERRORS, dutchIssues } from '../prb/policy/text.ts';

export class SourcedPolicyError extends Error {
  constructor(
    message: string,
    readonly fouten: { veld: string; melding: string }[] = [],
  ) {
    super(message);
    this.name = 'SourcedPolicyError';
  }
}

/** A resolved version: values for the process, bronnen for whoever asks where a value comes from. */
export interface ResolvedPolicy<V> {
  /** `<tenantId>:<regeling>:<ingangsdatum>`, stored on the zaak. */
  id: string;
  tenantId: string;
  organisatie: string;
  regeling: string;
  ingangsdatum: string;
  hash: string;
  waarden: V;
  bronnen: Record<string, { bron: string; toelichting?: string | undefined }>;
}

type Axes = Record<string, z.ZodType>;

function fileSchema(regeling: string, axes: Axes) {
  const shape = Object.fromEntries(Object.entries(axes).map(([k, s]) => [k, sourced(s)]));
  return z.strictObject({
    tenantId: z.string().regex(TENANT_ID, { error: 'tenantId: kleine letters, bijvoorbeeld "uwv".' }),
    organisatie: z.string().min(1),
    regeling: z.literal(regeling, { error: `Verwacht regeling "${regeling}".` }),
    toelichting: z.string().min(1).optional(),
    versies: z.array(z.strictObject({ ingangsdatum: IsoDate, toelichting: z.string().min(1).optional(), ...shape })).min(1),
  });
}

/** Validates one policy file; every axis must be present with a bron other than preset-default. */
export function parseSourcedPolicy<V>(regeling: string, axes: Axes, json: unknown, bestand: string): ResolvedPolicy<V>[] {
  const parsed = fileSchema(regeling, axes).safeParse(json, NL_ERRORS);
  if (!parsed.success) {
    const fouten = dutchIssues(parsed.error, '(bestand)');
    throw new SourcedPolicyError(`Beleidsbestand "${bestand}" is ongeldig: ${fouten.map((f) => `${f.veld}: ${f.melding}`).join('; ')}`, fouten);
  }
  const file = parsed.data as { tenantId: string; organisatie: string; versies: Record<string, unknown>[] };
  if (bestand.endsWith('.json') && basename(bestand, '.json') !== file.tenantId) {
    throw new SourcedPolicyError(`De tenantId "${file.tenantId}" hoort bij bestand "${file.tenantId}.json".`);
  }
  const seen = new Set<string>();
  return file.versies
    .map((versie) => {
      const ingangsdatum = versie.ingangsdatum as string;
      if (seen.has(ingangsdatum)) throw new SourcedPolicyError(`Beleidsbestand "${bestand}": ingangsdatum ${ingangsdatum} komt twee keer voor.`);
      seen.add(ingangsdatum);
      const waarden: Record<string, unknown> = {};
      const bronnen: ResolvedPolicy<V>['bronnen'] = {};
      for (const axis of Object.keys(axes)) {
        const s = versie[axis] as { waarde: unknown; bron: string; toelichting?: string };
        if (s.bron === BRON_PRESET_DEFAULT) {
          throw new SourcedPolicyError(`Beleidsbestand "${bestand}": ${axis} heeft bron "preset-default", maar ${regeling} kent geen presets; noem de bron of schrijf "aanname" met toelichting.`);
        }
        waarden[axis] = s.waarde;
        bronnen[axis] = { bron: s.bron, ...(s.toelichting ? { toelichting: s.toelichting } : {}) };
      }
      const content = { tenantId: file.tenantId, regeling, ingangsdatum, waarden };
      return {
        id: `${file.tenantId}:${regeling}:${ingangsdatum}`,
        tenantId: file.tenantId,
        organisatie: file.organisatie,
        regeling,
        ingangsdatum,
        hash: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
        waarden: waarden as V,
        bronnen,
      };
    })
    .sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1));
}

/** All policy files of one regeling folder; immutable after loading. */
export class SourcedPolicies<V> {
  private readonly byTenant = new Map<string, ResolvedPolicy<V>[]>();

  constructor(
    readonly regeling: string,
    axes: Axes,
    dir: string,
  ) {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const versions = parseSourcedPolicy<V>(regeling, axes, JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
      this.byTenant.set(versions[0]!.tenantId, versions);
    }
  }

  tenants(): string[] {
    return [...this.byTenant.keys()];
  }

  /** The version in force on `date`; undefined when the tenant has none (yet). */
  policyFor(tenantId: string, date: string): ResolvedPolicy<V> | undefined {
    return (this.byTenant.get(tenantId) ?? []).filter((v) => v.ingangsdatum <= date).at(-1);
  }

  policyById(id: string): ResolvedPolicy<V> {
    for (const versions of this.byTenant.values()) {
      const found = versions.find((v) => v.id === id);
      if (found) return found;
    }
    throw new SourcedPolicyError(`Beleid ${id} bestaat niet.`);
  }
}

/** The `policy` process variable: the values the diagram and the job handlers read, with the id. */
export function procesbeleid<V>(p: ResolvedPolicy<V>): V & { id: string } {
  return { id: p.id, ...structuredClone(p.waarden) };
}
