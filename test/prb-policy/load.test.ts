import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_DIR,
  PolicyError,
  PolicyRegistry,
  loadPolicies,
  parsePolicyFile,
  policyById,
  policyFor,
  policyRef,
} from '../../workflows/prb/policy/load.ts';
import { PRESETS } from '../../workflows/prb/policy/presets.ts';
import { AXIS_KEYS, PrbPolicy, parseBron } from '../../workflows/prb/policy/schema.ts';

const GEMEENTEN = ['almere', 'breda', 'delft', 'groningen', 'utrecht', 'vlaardingen', 'wageningen', 'zoetermeer'];

function readPolicy(tenant: string): Record<string, any> {
  return JSON.parse(readFileSync(join(DEFAULT_POLICY_DIR, `${tenant}.json`), 'utf8'));
}

function catchPolicyError(fn: () => unknown): PolicyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error('verwachtte een PolicyError');
}

describe('shipped policy files', () => {
  const registry = loadPolicies();

  it('loads a policy for each of the 8 gemeenten and nothing else', () => {
    expect(registry.tenants('prb')).toEqual(GEMEENTEN);
    expect(readdirSync(DEFAULT_POLICY_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(GEMEENTEN.map((g) => `${g}.json`));
  });

  it.each(GEMEENTEN)('%s: every version is complete, every value has a bron, and the result validates', (tenant) => {
    const versions = registry.versions(tenant, 'prb');
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      expect(PrbPolicy.safeParse(version).success).toBe(true);
      for (const axis of AXIS_KEYS) {
        expect(parseBron(version[axis].bron), `${version.id} ${axis}`).not.toBeNull();
      }
      expect(version.id).toBe(`${tenant}:prb:${version.ingangsdatum}`);
      expect(version.bestand).toBe(`${tenant}.json`);
    }
  });

  it('files write every axis explicitly, so a designer sees where the source is silent', () => {
    for (const tenant of GEMEENTEN) {
      for (const versie of readPolicy(tenant).versies) {
        for (const axis of AXIS_KEYS) expect(versie[axis], `${tenant} ${versie.ingangsdatum} ${axis}`).toBeDefined();
      }
    }
  });

  it('carries the gemeente rules from seed-000 §2.8', () => {
    const on = (tenant: string) => registry.policyFor(tenant, 'prb', '2025-01-01');
    expect(on('groningen').eenHoofdaanbieder.waarde).toBe(true);
    expect(on('groningen').noCureLessPay.waarde).toEqual({ actief: true, resultaatdeelProcent: 30 });
    expect(on('groningen').noCureLessPay.bronPerVeld).toEqual({ resultaatdeelProcent: 'aanname' });
    expect(on('groningen').selectie.waarde).toBe('ja-tenzij');
    expect(on('utrecht').uitvoeringstermijn.waarde).toEqual({ soort: 'duur', duur: 'P1Y' });
    expect(on('utrecht').plafondCent.waarde).toBe(500_000);
    expect(on('breda').besluittermijn.waarde.servicenorm).toBe('P1W');
    expect(on('breda').verplichtePlanonderdelen.waarde).toEqual(['zelfbewustwording', 'bemiddeling', 'nazorg']);
    expect(on('delft').orientatiefase.waarde).toMatchObject({ actief: true, duur: 'P3M', begeleiding: 'extern-bureau' });
    expect(on('almere').monitoring.waarde.cadans).toEqual({ soort: 'aantal-in-periode', aantal: 3, periode: 'P15M' });
    expect(on('almere').monitoring.waarde.presentatie?.na).toBe('P6M');
    expect(on('zoetermeer').betaalroute.waarde).toBe('aanbieder-factureert-klantmanager');
    expect(on('wageningen').planToetsing.waarde).toBe('marginaal');
    expect(on('vlaardingen').budgetInzichtKlant.waarde).toBe(true);
  });

  it('fills an axis a file leaves out from the preset, marked preset-default', () => {
    const json = readPolicy('delft');
    delete json.versies[0].noCureLessPay;
    const [version] = parsePolicyFile(json, 'delft.json');
    expect(version!.noCureLessPay.bron).toBe('preset-default');
    expect(version!.noCureLessPay.waarde).toEqual(PRESETS.B.waarden.noCureLessPay);
    expect(version!.noCureLessPay.toelichting).toContain('preset B');
  });

  it('servicenorm is never longer than the doorlooptijd in any shipped policy', () => {
    for (const policy of registry.all()) {
      const { servicenorm, doorlooptijd, wettelijkeTermijn } = policy.besluittermijn.waarde;
      expect(wettelijkeTermijn).toBeNull();
      expect(doorlooptijd).toBe('P8W');
      expect(['P8W', 'P1W']).toContain(servicenorm);
    }
  });
});

describe('version in force on a date', () => {
  it('Utrecht: € 10.000 until the change at the end of 2008, € 5.000 from then on', () => {
    expect(policyFor('utrecht', 'prb', '2008-11-30').plafondCent.waarde).toBe(1_000_000);
    expect(policyFor('utrecht', 'prb', '2008-12-01').plafondCent.waarde).toBe(500_000);
    expect(policyFor('utrecht', 'prb', '2030-06-15').id).toBe('utrecht:prb:2008-12-01');
  });

  it('Wageningen: two fixed ribs in 2007, client forwards invoices from 2008', () => {
    const v2007 = policyFor('wageningen', 'prb', '2007-12-31');
    const v2008 = policyFor('wageningen', 'prb', '2008-01-01');
    expect(v2007.betaalroute.waarde).toBe('aanbieder-factureert-gemeente');
    expect(v2007.aanbiederskeuze.waarde).toBe('alleen-geselecteerde-aanbieders');
    expect(v2008.betaalroute.waarde).toBe('klant-stuurt-facturen-door');
  });

  it('a zaak keeps its version: policyById returns exactly the stored version, with a stable hash', () => {
    const started = policyFor('utrecht', 'prb', '2008-06-01');
    const ref = policyRef(started);
    expect(ref).toEqual({ id: 'utrecht:prb:2006-01-01', tenantId: 'utrecht', regeling: 'prb', ingangsdatum: '2006-01-01', hash: started.hash });
    expect(JSON.parse(JSON.stringify(ref)).id).toBe(ref.id);
    const later = policyById(ref.id);
    expect(later.plafondCent.waarde).toBe(1_000_000);
    expect(later.hash).toBe(ref.hash);
    expect(loadPolicies().policyById(ref.id).hash).toBe(ref.hash);
    expect(policyFor('utrecht', 'prb', '2009-01-01').hash).not.toBe(ref.hash);
  });

  it('an edited version gets another hash, so a zaak can tell', () => {
    const json = readPolicy('almere');
    const [before] = parsePolicyFile(json, 'almere.json');
    json.versies[0].plafondCent.waarde = 450_000;
    const [after] = parsePolicyFile(json, 'almere.json');
    expect(after!.id).toBe(before!.id);
    expect(after!.hash).not.toBe(before!.hash);
  });

  it('refuses a date before the first version', () => {
    const error = catchPolicyError(() => policyFor('almere', 'prb', '2007-12-31'));
    expect(error.code).toBe('NOG_NIET_IN_WERKING');
    expect(error.message).toContain('2008-01-01');
  });

  it('a tenant without prb policy gets a clear Dutch error', () => {
    const error = catchPolicyError(() => policyFor('eindhoven', 'prb', '2025-01-01'));
    expect(error.code).toBe('GEEN_BELEID');
    expect(error.message).toContain('Voor "eindhoven" is geen beleid voor de regeling "prb" vastgelegd');
    expect(catchPolicyError(() => policyFor('almere', 'pgb-bw', '2025-01-01')).code).toBe('GEEN_BELEID');
  });

  it('refuses an invalid date and an unknown version id', () => {
    expect(catchPolicyError(() => policyFor('almere', 'prb', '2025-02-30')).code).toBe('ONGELDIGE_DATUM');
    expect(catchPolicyError(() => policyById('almere:prb:1999-01-01')).code).toBe('ONBEKENDE_VERSIE');
  });
});

describe('broken policy files', () => {
  function broken(mutate: (json: Record<string, any>) => void, tenant = 'groningen', bestand = `${tenant}.json`): PolicyError {
    const json = readPolicy(tenant);
    mutate(json);
    return catchPolicyError(() => parsePolicyFile(json, bestand));
  }

  it('names file and field for a negative cap', () => {
    const error = broken((j) => (j.versies[0].plafondCent.waarde = -5));
    expect(error.code).toBe('ONGELDIG_BESTAND');
    expect(error.details.bestand).toBe('groningen.json');
    expect(error.details.velden).toContainEqual({ veld: 'versies[0].plafondCent.waarde', melding: 'Een bedrag kan niet negatief zijn.' });
    expect(error.message).toContain('Beleidsbestand "groningen.json" is ongeldig');
    expect(error.message).toContain('versies[0].plafondCent.waarde');
  });

  it('refuses euros with a decimal point where cents are expected', () => {
    const error = broken((j) => (j.versies[0].plafondCent.waarde = 5000.5));
    expect(error.details.velden?.[0]?.veld).toBe('versies[0].plafondCent.waarde');
    expect(error.details.velden?.[0]?.melding).toContain('hele centen');
  });

  it('names an unknown field (a typo)', () => {
    const error = broken((j) => (j.versies[0].plafond = j.versies[0].plafondCent));
    expect(error.details.velden).toContainEqual({ veld: 'versies[0].plafond', melding: 'Onbekend veld "plafond".' });
  });

  it('refuses a value marked preset-default that is not the preset value', () => {
    const error = broken((j) => (j.versies[0].vierOgenDrempelCent = { waarde: 100_000, bron: 'preset-default' }));
    expect(error.details.velden?.[0]?.veld).toBe('versies[0].vierOgenDrempelCent.waarde');
    expect(error.details.velden?.[0]?.melding).toContain('wijkt af van preset A');
  });

  it('refuses a bron that is neither a line reference, a law, preset-default nor aanname', () => {
    const error = broken((j) => (j.versies[0].eenHoofdaanbieder.bron = 'zie beleidsnota'));
    expect(error.details.velden?.[0]?.veld).toBe('versies[0].eenHoofdaanbieder.bron');
    expect(error.details.velden?.[0]?.melding).toMatch(/^Ongeldige bron/);
  });

  it('requires a toelichting for an aanname', () => {
    const error = broken((j) => delete j.versies[0].noCureLessPay.toelichting);
    expect(error.details.velden).toContainEqual(expect.objectContaining({ veld: 'versies[0].noCureLessPay.toelichting' }));
  });

  it('refuses a servicenorm longer than the doorlooptijd, and a doorlooptijd beyond Awb 4:13 without a statutory term', () => {
    const longer = broken((j) => (j.versies[0].besluittermijn = { waarde: { servicenorm: 'P10W', doorlooptijd: 'P8W', wettelijkeTermijn: null }, bron: 'aanname', toelichting: 'test' }));
    expect(longer.details.velden?.[0]?.veld).toBe('versies[0].besluittermijn.waarde.servicenorm');
    const beyond = broken((j) => (j.versies[0].besluittermijn = { waarde: { servicenorm: 'P8W', doorlooptijd: 'P12W', wettelijkeTermijn: null }, bron: 'aanname', toelichting: 'test' }));
    expect(beyond.details.velden?.[0]?.veld).toBe('versies[0].besluittermijn.waarde.doorlooptijd');
    expect(beyond.details.velden?.[0]?.melding).toContain('Awb 4:13');
    const named = readPolicy('groningen');
    named.versies[0].besluittermijn = {
      waarde: { servicenorm: 'P8W', doorlooptijd: 'P13W', wettelijkeTermijn: 'voorbeeldwet art. 1' },
      bron: 'aanname',
      toelichting: 'test',
    };
    expect(parsePolicyFile(named, 'groningen.json')[0]!.besluittermijn.waarde.doorlooptijd).toBe('P13W');
  });

  it('refuses a file whose name is not its tenantId, and two versions with one ingangsdatum', () => {
    expect(broken(() => undefined, 'groningen', 'stad-groningen.json').details.velden?.[0]?.veld).toBe('tenantId');
    const twice = broken((j) => j.versies.push(structuredClone(j.versies[0])));
    expect(twice.details.velden?.[0]?.veld).toBe('versies[1].ingangsdatum');
  });

  it('refuses an unknown admission criterion and an impossible date', () => {
    const criterion = broken((j) => j.versies[0].toelating.waarde.criteria.push({ soort: 'postcode' }));
    expect(criterion.details.velden?.[0]?.veld).toMatch(/^versies\[0\]\.toelating\.waarde\.criteria\[\d+\]/);
    const date = broken((j) => (j.versies[0].ingangsdatum = '2006-02-30'));
    expect(date.details.velden?.[0]?.veld).toBe('versies[0].ingangsdatum');
  });

  it('loadPolicies stops at a broken file on disk, naming it; invalid JSON too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regie-policy-'));
    writeFileSync(join(dir, 'almere.json'), readFileSync(join(DEFAULT_POLICY_DIR, 'almere.json')));
    writeFileSync(join(dir, 'breda.json'), '{ "tenantId": "breda", ');
    const error = catchPolicyError(() => loadPolicies(dir));
    expect(error.details.bestand).toBe('breda.json');
    expect(error.message).toContain('Beleidsbestand "breda.json" is geen geldige JSON');
  });

  it('refuses the same tenant twice', () => {
    const versions = parsePolicyFile(readPolicy('delft'), 'delft.json');
    const copy = versions.map((v) => ({ ...v, bestand: 'delft-kopie.json' }));
    expect(catchPolicyError(() => new PolicyRegistry([...versions, ...copy])).code).toBe('DUBBEL_BELEID');
  });
});

const SOURCES = '/work/shared/sources';

describe.skipIf(!existsSync(SOURCES))('source references', () => {
  it('every line reference in the policies points to a non-empty line of the source', () => {
    const files = readdirSync(SOURCES);
    const lines = (bestand: string): string[] => {
      const prefix = bestand.startsWith('seed-') ? bestand.slice(5) : bestand.slice(0, 3);
      const file = files.find((f) => f.startsWith(`${prefix}_`));
      expect(file, bestand).toBeDefined();
      return readFileSync(join(SOURCES, file!), 'utf8').split('\n');
    };
    const refs: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'bron' && typeof v === 'string') refs.push(v);
          else if (k === 'bronPerVeld') refs.push(...Object.values(v as Record<string, string>));
          else collect(v);
        }
      }
    };
    for (const tenant of GEMEENTEN) collect(readPolicy(tenant));
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) {
      const parsed = parseBron(ref);
      expect(parsed, ref).not.toBeNull();
      if (parsed?.soort !== 'regels') continue;
      for (const { bestand, van, tot } of parsed.verwijzingen) {
        const text = lines(bestand);
        expect(tot, ref).toBeGreaterThanOrEqual(van);
        expect(text[van - 1]?.trim(), `${ref}: regel ${van}`).toBeTruthy();
        expect(text[tot - 1]?.trim(), `${ref}: regel ${tot}`).toBeTruthy();
      }
    }
  });

  it('the key rules are where the policy says: Zoetermeer L1083, Groningen L1075/L1198, Utrecht L472, Breda L1654', () => {
    const source = readFileSync(join(SOURCES, readdirSync(SOURCES).find((f) => f.startsWith('000_'))!), 'utf8').split('\n');
    expect(source[1083 - 1]).toContain('Zoetermeer\tminimaal 1 jaar WWB-uitkering');
    expect(source[1075 - 1]).toContain('Groningen\tminimaal 6 maanden werkloos');
    expect(source[1198 - 1]).toContain('één dienstverlener');
    expect(source[472 - 1]).toContain('binnen een jaar uit te voeren');
    expect(source[1654 - 1]).toContain('binnen een week');
    expect(source[1073 - 1]).toContain('maximaal 1 jaar afstand tot de arbeidsmarkt');
    expect(source[1152 - 1]).toContain('3x in 15 maanden');
    expect(source[1449 - 1]).toContain('precies op het maximumbedrag');
    expect(source[956 - 1]).toContain('eigen, te starten, onderneming is bij alle gemeenten uitgesloten');
  });
});
