/**
 * Loads the policy files of `workflows/prb/policies/`, validates them, fills every axis a file
 * leaves out from its preset, and answers "which policy version is in force for this gemeente on
 * this date". A zaak stores the `id` (and `hash`) of the version it started with and later asks
 * for exactly that version with `policyById`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from './duration.ts';
import { PRESETS, presetDefault } from './presets.ts';
import { NL_ERRORS, dutchIssues, type FieldIssue } from './text.ts';
import {
  AXIS_KEYS,
  BRON_PRESET_DEFAULT,
  PolicyFile,
  PrbPolicy,
  type AxisKey,
  type PolicyRef,
  type PolicyVersionFile,
  type PresetCode,
  type Sourced,
} from './schema.ts';

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../policies/', import.meta.url));

export type PolicyErrorCode =
  | 'ONGELDIG_BESTAND'
  | 'DUBBEL_BELEID'
  | 'GEEN_BELEID'
  | 'NOG_NIET_IN_WERKING'
  | 'ONBEKENDE_VERSIE'
  | 'ONGELDIGE_DATUM';

/** A field in a policy file, e.g. `versies[0].plafondCent.waarde`, with its Dutch message. */
export type PolicyFieldError = FieldIssue;

/** Every refusal of the policy module; `message` is Dutch and names the file and field. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    message: string,
    readonly code: PolicyErrorCode,
    readonly details: { bestand?: string; velden?: PolicyFieldError[]; tenantId?: string; regeling?: string } = {},
  ) {
    super(message);
  }
}

function invalidFile(bestand: string, velden: PolicyFieldError[]): PolicyError {
  const lines = velden.map((v) => `  - veld "${v.veld}": ${v.melding}`);
  return new PolicyError(
    `Beleidsbestand "${bestand}" is ongeldig:\n${lines.join('\n')}`,
    'ONGELDIG_BESTAND',
    { bestand, velden },
  );
}

/** JSON with sorted keys, so equal values give equal text (preset comparison, hash). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function policyId(tenantId: string, regeling: string, ingangsdatum: string): string {
  return `${tenantId}:${regeling}:${ingangsdatum}`;
}

function resolveVersion(
  file: PolicyFile,
  versie: PolicyVersionFile,
  index: number,
  bestand: string,
  problems: PolicyFieldError[],
): PrbPolicy {
  const preset: PresetCode = versie.preset.waarde;
  if (versie.preset.bron === BRON_PRESET_DEFAULT) {
    problems.push({
      veld: `versies[${index}].preset.bron`,
      melding: 'De preset zelf kan geen "preset-default" als bron hebben: noem waarom deze preset is gekozen.',
    });
  }
  const axes: Record<string, Sourced<unknown>> = {};
  for (const axis of AXIS_KEYS) {
    const given = versie[axis] as Sourced<unknown> | undefined;
    const fallback = presetDefault(preset, axis);
    if (!given) {
      axes[axis] = {
        waarde: structuredClone(fallback),
        bron: BRON_PRESET_DEFAULT,
        toelichting: `Niet in het beleidsbestand; standaard van preset ${preset} (${PRESETS[preset].herkomst[axis]}).`,
      };
      continue;
    }
    checkPresetDefault(axis, preset, given, fallback, `versies[${index}].${axis}`, problems);
    axes[axis] = given;
  }
  const resolved = {
    id: policyId(file.tenantId, file.regeling, versie.ingangsdatum),
    tenantId: file.tenantId,
    gemeente: file.gemeente,
    regeling: file.regeling,
    ingangsdatum: versie.ingangsdatum,
    hash: '',
    bestand,
    ...(versie.toelichting ? { toelichting: versie.toelichting } : {}),
    preset: versie.preset,
    grondslag: versie.grondslag,
    ...axes,
  } as PrbPolicy;
  const { hash: _hash, bestand: _bestand, ...content } = resolved;
  resolved.hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return resolved;
}

/** A value marked "preset-default" must be the preset's value, or the marker is a lie. */
function checkPresetDefault(
  axis: AxisKey,
  preset: PresetCode,
  given: Sourced<unknown>,
  fallback: unknown,
  path: string,
  problems: PolicyFieldError[],
): void {
  if (given.bron === BRON_PRESET_DEFAULT && !sameValue(given.waarde, fallback)) {
    problems.push({
      veld: `${path}.waarde`,
      melding:
        `De bron is "preset-default", maar de waarde wijkt af van preset ${preset} (${canonicalJson(fallback)}). ` +
        'Neem de waarde van de preset over of noem de bron van de afwijking.',
    });
  }
  for (const [field, bron] of Object.entries(given.bronPerVeld ?? {})) {
    if (bron !== BRON_PRESET_DEFAULT) continue;
    const own = (given.waarde as Record<string, unknown>)[field];
    const presetField =
      typeof fallback === 'object' && fallback !== null ? (fallback as Record<string, unknown>)[field] : undefined;
    if (!sameValue(own, presetField)) {
      problems.push({
        veld: `${path}.waarde.${field}`,
        melding: `De bron van "${field}" is "preset-default", maar de waarde wijkt af van preset ${preset} (${axis}).`,
      });
    }
  }
}

/**
 * Validates one parsed policy file and returns its versions, resolved and sorted by ingangsdatum.
 * `bestand` names the file in error messages; when it ends in `.json`, its name must be the tenantId.
 */
export function parsePolicyFile(json: unknown, bestand: string): PrbPolicy[] {
  const parsed = PolicyFile.safeParse(json, NL_ERRORS);
  if (!parsed.success) throw invalidFile(bestand, dutchIssues(parsed.error, '(bestand)'));
  const file = parsed.data;
  const problems: PolicyFieldError[] = [];
  const expectedName = bestand.endsWith('.json') ? basename(bestand, '.json') : null;
  if (expectedName !== null && expectedName !== file.tenantId) {
    problems.push({
      veld: 'tenantId',
      melding: `De tenantId "${file.tenantId}" hoort bij bestand "${file.tenantId}.json"; hernoem het bestand of pas de tenantId aan.`,
    });
  }
  const versions = file.versies.map((versie, index) => resolveVersion(file, versie, index, bestand, problems));
  if (problems.length > 0) throw invalidFile(bestand, problems);
  for (const version of versions) {
    const check = PrbPolicy.safeParse(version, NL_ERRORS);
    if (!check.success) throw invalidFile(bestand, dutchIssues(check.error, '(bestand)'));
  }
  return versions.sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1));
}

/** Reads and validates a policy file from disk. */
export function loadPolicyFile(path: string): PrbPolicy[] {
  const bestand = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyError(`Beleidsbestand "${bestand}" kan niet worden gelezen: ${(error as Error).message}`, 'ONGELDIG_BESTAND', {
      bestand,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(`Beleidsbestand "${bestand}" is geen geldige JSON: ${(error as Error).message}`, 'ONGELDIG_BESTAND', {
      bestand,
    });
  }
  return parsePolicyFile(json, bestand);
}

/** The loaded policies of all tenants; immutable after construction. */
export class PolicyRegistry {
  readonly #byTenant = new Map<string, PrbPolicy[]>();
  readonly #byId = new Map<string, PrbPolicy>();

  constructor(policies: readonly PrbPolicy[]) {
    for (const policy of policies) {
      if (this.#byId.has(policy.id)) {
        const other = this.#byId.get(policy.id)!;
        throw new PolicyError(
          `Beleid "${policy.id}" staat in twee bestanden: "${other.bestand}" en "${policy.bestand}".`,
          'DUBBEL_BELEID',
          { bestand: policy.bestand, tenantId: policy.tenantId, regeling: policy.regeling },
        );
      }
      const key = `${policy.tenantId}:${policy.regeling}`;
      const list = this.#byTenant.get(key) ?? [];
      const otherFile = list.find((p) => p.bestand !== policy.bestand);
      if (otherFile) {
        throw new PolicyError(
          `Het ${policy.regeling}-beleid van "${policy.tenantId}" staat in twee bestanden: "${otherFile.bestand}" en "${policy.bestand}".`,
          'DUBBEL_BELEID',
          { bestand: policy.bestand, tenantId: policy.tenantId, regeling: policy.regeling },
        );
      }
      list.push(deepFreeze(policy));
      list.sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1));
      this.#byTenant.set(key, list);
      this.#byId.set(policy.id, policy);
    }
  }

  /** Tenant ids that have a policy for the regeling, sorted. */
  tenants(regeling = 'prb'): string[] {
    return [...this.#byTenant.keys()]
      .filter((key) => key.endsWith(`:${regeling}`))
      .map((key) => key.slice(0, key.lastIndexOf(':')))
      .sort();
  }

  /** All versions of one tenant × regeling, oldest first; empty when there are none. */
  versions(tenantId: string, regeling = 'prb'): readonly PrbPolicy[] {
    return this.#byTenant.get(`${tenantId}:${regeling}`) ?? [];
  }

  all(): readonly PrbPolicy[] {
    return [...this.#byId.values()];
  }

  /** The version in force on `date` (ISO): the latest with ingangsdatum ≤ date. */
  policyFor(tenantId: string, regeling: string, date: string): PrbPolicy {
    if (!isIsoDate(date)) {
      throw new PolicyError(`"${date}" is geen geldige datum (verwacht JJJJ-MM-DD).`, 'ONGELDIGE_DATUM', {
        tenantId,
        regeling,
      });
    }
    const versions = this.versions(tenantId, regeling);
    if (versions.length === 0) {
      throw new PolicyError(
        `Voor "${tenantId}" is geen beleid voor de regeling "${regeling}" vastgelegd; ` +
          `een zaak ${regeling} kan voor deze organisatie niet starten. Voeg workflows/${regeling}/policies/${tenantId}.json toe.`,
        'GEEN_BELEID',
        { tenantId, regeling },
      );
    }
    let inForce: PrbPolicy | undefined;
    for (const version of versions) if (version.ingangsdatum <= date) inForce = version;
    if (!inForce) {
      throw new PolicyError(
        `Het ${regeling}-beleid van ${versions[0]!.gemeente} is op ${date} nog niet in werking; ` +
          `de eerste versie gaat in op ${versions[0]!.ingangsdatum}.`,
        'NOG_NIET_IN_WERKING',
        { tenantId, regeling, bestand: versions[0]!.bestand },
      );
    }
    return inForce;
  }

  /** The exact version a zaak started with. */
  policyById(id: string): PrbPolicy {
    const policy = this.#byId.get(id);
    if (!policy) {
      throw new PolicyError(`Beleidsversie "${id}" bestaat niet (meer).`, 'ONBEKENDE_VERSIE');
    }
    return policy;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What to store on a zaak so it keeps this version. */
export function policyRef(policy: PrbPolicy): PolicyRef {
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    regeling: policy.regeling,
    ingangsdatum: policy.ingangsdatum,
    hash: policy.hash,
  };
}

/** Loads every `*.json` in `dir`; the first broken file stops the load with its Dutch error. */
export function loadPolicies(dir: string = DEFAULT_POLICY_DIR): PolicyRegistry {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return new PolicyRegistry(files.flatMap((name) => loadPolicyFile(join(dir, name))));
}

let defaultRegistry: PolicyRegistry | undefined;

/** The policies shipped in `workflows/prb/policies/`, loaded once. */
export function defaultPolicies(): PolicyRegistry {
  defaultRegistry ??= loadPolicies();
  return defaultRegistry;
}

export function policyFor(tenantId: string, regeling: string, date: string): PrbPolicy {
  return defaultPolicies().policyFor(tenantId, regeling, date);
}

export function policyById(id: string): PrbPolicy {
  return defaultPolicies().policyById(id);
}
