import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../workflows/prb/policy/load.ts';
import { parseBron } from '../../workflows/prb/policy/schema.ts';
import { loadPolicies, parsePolicyFile, regelsVan } from '../../workflows/pgb-bw/policy/load.ts';
import { AXIS_KEYS } from '../../workflows/pgb-bw/policy/schema.ts';
import { pgbBwProcesbeleid } from '../../workflows/pgb-bw/policy/snapshot.ts';

const policies = loadPolicies();

describe('pgb bw policies', () => {
  it('ship seven gemeenten; the VNG model is a reference, not a tenant', () => {
    expect(policies.tenants()).toEqual(['apeldoorn', 'eindhoven', 'enschede', 'gouda', 'helmond', 'leiden', 'wageningen']);
    expect(policies.versions('vng-model')).toHaveLength(1);
  });

  it('every axis of every version has a valid bron, and an aanname is explained', () => {
    for (const tenant of [...policies.tenants(), 'vng-model']) {
      for (const v of policies.versions(tenant)) {
        for (const axis of [...AXIS_KEYS]) {
          const s = v[axis];
          expect(parseBron(s.bron), `${v.id} ${axis}`).not.toBeNull();
          if (s.bron === 'aanname') expect(s.toelichting, `${v.id} ${axis}`).toBeTruthy();
        }
      }
    }
  });

  it('is versioned by date: Eindhoven pre-finances from the W-deel WWB in 2008 and the Participatiebudget from 2009', () => {
    expect(regelsVan(policies.policyFor('eindhoven', '2008-12-31')).wachtlijst.voorfinanciering).toBe('w-deel-wwb');
    expect(regelsVan(policies.policyFor('eindhoven', '2009-01-01')).wachtlijst.voorfinanciering).toBe('participatiebudget');
    expect(() => policies.policyFor('eindhoven', '2008-06-30')).toThrow(/nog niet in werking/);
  });

  it('says which reading it chose where the source is ambiguous, and makes it a parameter', () => {
    const leiden = policies.policyFor('leiden', '2026-01-01');
    expect(leiden.werkgeverEisen.waarde.minContractMaanden).toBe(12);
    expect(leiden.werkgeverEisen.toelichting).toMatch(/612/);
    const helmond = policies.policyFor('helmond', '2026-01-01');
    expect(helmond.uitvoeringskosten.waarde).toMatchObject({ soort: 'percentage', procent: 5, basis: 'loonkostensubsidie-en-bemiddeling' });
    expect(helmond.uitvoeringskosten.toelichting).toMatch(/tegenstrijdig/);
  });

  it('the process variable holds values only, with FEEL-safe durations', () => {
    const p = pgbBwProcesbeleid(policies.policyFor('leiden', '2026-01-01'));
    expect(p.herziening.cyclus).toBe('P24M');
    expect(p.besluittermijn.doorlooptijd).toBe('P56D');
    expect(JSON.stringify(p)).not.toContain('"bron"');
  });

  it('refuses a broken file with a Dutch message naming the field', () => {
    const file = structuredClone(JSON.parse(JSON.stringify({ tenantId: 'x', gemeente: 'X', regeling: 'pgb-bw', soort: 'gemeente', versies: [policies.policyFor('helmond', '2026-01-01')] })));
    for (const k of ['id', 'hash', 'bestand', 'tenantId', 'gemeente', 'regeling', 'soort']) delete file.versies[0][k];
    expect(parsePolicyFile(file, 'x.json')).toHaveLength(1);
    file.versies[0].begeleiding.bron = 'ergens';
    expect(() => parsePolicyFile(file, 'x.json')).toThrow(PolicyError);
    expect(() => parsePolicyFile(file, 'x.json')).toThrow(/versies.*begeleiding.*bron/s);
  });
});
