/**
 * Loads `workflows/pgb-bw/policies/*.json` (prb's loader pattern: validate, resolve per version,
 * hash, answer "which version is in force for this gemeente on this date").
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from '../../prb/policy/duration.ts';
import { PolicyError } from '../../prb/policy/load.ts';
import { NL_ERRORS, dutchIssues } from '../../prb/policy/text.ts';
import { AXIS_KEYS, PolicyFile, type PgbBwPolicy, type PgbBwRegels } from './schema.ts';

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../policies/', import.meta.url));

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

function invalid(bestand: string, velden: { veld: string; melding: string }[]): PolicyError {
  return new PolicyError(
    `Beleidsbestand "${bestand}" is ongeldig:\n${velden.map((v) => `  - veld "${v.veld}": ${v.melding}`).join('\n')}`,
    'ONGELDIG_BESTAND',
    { bestand, velden },
  );
}

/** Validates one parsed file; returns its versions sorted by ingangsdatum. */
export function parsePolicyFile(json: unknown, bestand: string): PgbBwPolicy[] {
  const parsed = PolicyFile.safeParse(json, NL_ERRORS);
  if (!parsed.success) throw invalid(bestand, dutchIssues(parsed.error, '(bestand)'));
  const file = parsed.data;
  const problems: { veld: string; melding: string }[] = [];
  if (bestand.endsWith('.json') && basename(bestand, '.json') !== file.tenantId) {
    problems.push({ veld: 'tenantId', melding: `De tenantId "${file.tenantId}" hoort bij bestand "${file.tenantId}.json".` });
  }
  const seen = new Set<string>();
  const versions = file.versies.map((versie, i) => {
    if (seen.has(versie.ingangsdatum)) problems.push({ veld: `versies[${i}].ingangsdatum`, melding: `Ingangsdatum ${versie.ingangsdatum} komt twee keer voor.` });
    seen.add(versie.ingangsdatum);
    const u = versie.uitvoeringskosten.waarde as PgbBwRegels['uitvoeringskosten'];
    if (u.soort === 'percentage' && u.basis === 'gemiddeld-budget-wsw-plaats' && u.gemiddeldBudgetCent === null) {
      problems.push({ veld: `versies[${i}].uitvoeringskosten.waarde.gemiddeldBudgetCent`, melding: 'Bij basis "gemiddeld-budget-wsw-plaats" is het gemiddelde budget verplicht.' });
    }
    const content = { tenantId: file.tenantId, gemeente: file.gemeente, regeling: file.regeling, soort: file.soort, ...versie };
    return {
      ...content,
      id: `${file.tenantId}:pgb-bw:${versie.ingangsdatum}`,
      hash: createHash('sha256').update(canonicalJson(content)).digest('hex'),
      bestand,
    } as PgbBwPolicy;
  });
  if (problems.length) throw invalid(bestand, problems);
  return versions.sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1));
}

export function loadPolicyFile(path: string): PgbBwPolicy[] {
  const bestand = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyError(`Beleidsbestand "${bestand}" is niet te lezen: ${(error as Error).message}`, 'ONGELDIG_BESTAND', { bestand });
  }
  return parsePolicyFile(json, bestand);
}

/** The unwrapped values of one version: what the budget worker calculates with. */
export function regelsVan(policy: PgbBwPolicy): PgbBwRegels {
  return Object.fromEntries(AXIS_KEYS.map((k) => [k, policy[k].waarde])) as PgbBwRegels;
}

export class PgbBwPolicyRegistry {
  readonly #byTenant = new Map<string, PgbBwPolicy[]>();
  readonly #byId = new Map<string, PgbBwPolicy>();

  constructor(policies: readonly PgbBwPolicy[]) {
    for (const p of policies) {
      if (this.#byId.has(p.id)) throw new PolicyError(`Beleid "${p.id}" staat twee keer vastgelegd.`, 'DUBBEL_BELEID', { bestand: p.bestand });
      this.#byId.set(p.id, Object.freeze(p));
      const list = this.#byTenant.get(p.tenantId) ?? [];
      list.push(p);
      list.sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1));
      this.#byTenant.set(p.tenantId, list);
    }
  }

  /** Tenants with a gemeente policy (the VNG model is no tenant). */
  tenants(): string[] {
    return [...this.#byTenant.entries()].filter(([, list]) => list[0]!.soort === 'gemeente').map(([t]) => t).sort();
  }

  versions(tenantId: string): readonly PgbBwPolicy[] {
    return this.#byTenant.get(tenantId) ?? [];
  }

  policyFor(tenantId: string, date: string): PgbBwPolicy {
    if (!isIsoDate(date)) throw new PolicyError(`"${date}" is geen geldige datum (verwacht JJJJ-MM-DD).`, 'ONGELDIGE_DATUM');
    const versions = this.versions(tenantId);
    if (!versions.length) {
      throw new PolicyError(`Voor "${tenantId}" is geen pgb bw-beleid vastgelegd. Voeg workflows/pgb-bw/policies/${tenantId}.json toe.`, 'GEEN_BELEID', { tenantId, regeling: 'pgb-bw' });
    }
    const inForce = versions.filter((v) => v.ingangsdatum <= date).at(-1);
    if (!inForce) {
      throw new PolicyError(`Het pgb bw-beleid van ${versions[0]!.gemeente} is op ${date} nog niet in werking; de eerste versie gaat in op ${versions[0]!.ingangsdatum}.`, 'NOG_NIET_IN_WERKING', { tenantId });
    }
    return inForce;
  }

  policyById(id: string): PgbBwPolicy {
    const p = this.#byId.get(id);
    if (!p) throw new PolicyError(`Beleidsversie "${id}" bestaat niet (meer).`, 'ONBEKENDE_VERSIE');
    return p;
  }
}

export function loadPolicies(dir: string = DEFAULT_POLICY_DIR): PgbBwPolicyRegistry {
  const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  return new PgbBwPolicyRegistry(files.flatMap((n) => loadPolicyFile(join(dir, n))));
}

let defaultRegistry: PgbBwPolicyRegistry | undefined;

/** The policies shipped in `workflows/pgb-bw/policies/`, loaded once. */
export function defaultPgbBwPolicies(): PgbBwPolicyRegistry {
  defaultRegistry ??= loadPolicies();
  return defaultRegistry;
}
