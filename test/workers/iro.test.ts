import { describe, expect, it } from 'vitest';
import { beschikkingTekst } from '../../workers/beschikking/index.ts';
import { helemaandenTussen, iroPlanToets, iroResultaat, iroToelating, noCureLessPayTermijnen, type IroFeiten } from '../../workers/iro/index.ts';
import { iroPolicies } from '../../workflows/iro/policy/schema.ts';

const uwv = iroPolicies('iro').policyFor('uwv', '2026-03-01')!.waarden;
const rotterdam = iroPolicies('rio').policyFor('rotterdam', '2026-03-01')!.waarden;
const feiten = (f: Partial<IroFeiten>): IroFeiten => ({ uitkering: 'WW', trajectindicatie: 'volledig-traject', lopendTraject: false, peildatum: '2026-03-01', ...f });

describe('iroToelating (UWV): only a full traject opens the iro', () => {
  const cases: [string, Partial<IroFeiten>, string[]][] = [
    ['WW, volledig traject', {}, []],
    ['WIA, volledig traject', { uitkering: 'WIA' }, []],
    ['Wajong, volledig traject', { uitkering: 'Wajong' }, []],
    ['beperkte ondersteuning', { trajectindicatie: 'beperkte-ondersteuning' }, ['IRO_GEEN_VOLLEDIG_TRAJECT']],
    ['werkfit', { trajectindicatie: 'werkfit' }, ['IRO_GEEN_VOLLEDIG_TRAJECT']],
    ['geen activiteiten', { trajectindicatie: 'geen-activiteiten' }, ['IRO_GEEN_VOLLEDIG_TRAJECT']],
    ['afstand nog niet bepaald', { trajectindicatie: null }, ['TOELATING_GEGEVEN_ONTBREEKT']],
    ['bijstand (gemeente, niet UWV)', { uitkering: 'WWB' }, ['TOELATING_UITKERING']],
    ['uitkering onbekend', { uitkering: null }, ['TOELATING_GEGEVEN_ONTBREEKT']],
    ['al in een traject', { lopendTraject: true }, ['TOELATING_LOPEND_TRAJECT']],
    ['WWB en werkfit: two reasons', { uitkering: 'WWB', trajectindicatie: 'werkfit' }, ['TOELATING_UITKERING', 'IRO_GEEN_VOLLEDIG_TRAJECT']],
  ];
  for (const [naam, f, codes] of cases) {
    it(naam, () => {
      const r = iroToelating(uwv.toelating, feiten(f));
      expect(r.redenen.map((x) => x.code)).toEqual(codes);
      expect(r.toegelaten).toBe(codes.length === 0);
      for (const reden of r.redenen) expect(reden.omschrijving).toMatch(/^[A-Z]/);
    });
  }
});

describe('iroToelating (rio, Rotterdam): WWB/NUG, six months without work, regular traject not expected to work', () => {
  const rio = (f: Partial<IroFeiten>) => iroToelating(rotterdam.toelating, { uitkering: 'WWB', werkloosSinds: '2025-01-15', regulierTrajectKansrijk: false, lopendTraject: false, peildatum: '2026-03-01', ...f }, 'rio');
  const cases: [string, Partial<IroFeiten>, string[]][] = [
    ['WWB, 13 months, regulier niet kansrijk', {}, []],
    ['NUG', { uitkering: 'NUG' }, []],
    ['precies zes maanden', { werkloosSinds: '2025-09-01' }, []],
    ['een dag te kort', { werkloosSinds: '2025-09-02' }, ['TOELATING_WERKLOOSHEIDSDUUR']],
    ['WW hoort bij UWV (iro)', { uitkering: 'WW' }, ['TOELATING_UITKERING']],
    ['regulier traject kansrijk', { regulierTrajectKansrijk: true }, ['TOELATING_REGULIER_TRAJECT_KANSRIJK']],
    ['niet beoordeeld', { regulierTrajectKansrijk: null }, ['TOELATING_GEGEVEN_ONTBREEKT']],
    ['werkloosheid onbekend', { werkloosSinds: null }, ['TOELATING_GEGEVEN_ONTBREEKT']],
  ];
  for (const [naam, f, codes] of cases) it(naam, () => expect(rio(f).redenen.map((x) => x.code)).toEqual(codes));
  it('counts whole calendar months', () => {
    expect(helemaandenTussen('2025-09-01', '2026-03-01')).toBe(6);
    expect(helemaandenTussen('2025-09-02', '2026-03-01')).toBe(5);
    expect(helemaandenTussen('2024-02-29', '2024-03-28')).toBe(0);
  });
});

describe('noCureLessPayTermijnen: start part and result part always add up to the contract', () => {
  const cases: [number, number, number, number][] = [
    [500_000, 50, 250_000, 250_000],
    [500_000, 30, 150_000, 350_000],
    [333_333, 50, 166_666, 166_667],
    [100_001, 70, 70_000, 30_001],
    [500_000, 0, 0, 500_000],
    [500_000, 100, 500_000, 0],
  ];
  for (const [bedrag, procent, start, resultaat] of cases) {
    it(`${bedrag} cent, ${procent}% at the start`, () => {
      const t = noCureLessPayTermijnen(bedrag, procent);
      expect([t.startCent, t.resultaatCent, t.startAandeelBp]).toEqual([start, resultaat, procent * 100]);
      expect(t.startCent + t.resultaatCent).toBe(bedrag);
    });
  }
  it('UWV splits 50/50 (an assumption in its policy)', () => expect(uwv.noCureLessPay.startdeelProcent).toBe(50));
});

describe('iroResultaat: only a placement that lasted is the result', () => {
  const cases: [Parameters<typeof iroResultaat>[0], boolean | null, string][] = [
    ['geplaatst', true, 'geplaatst'],
    ['geplaatst', false, 'niet-geplaatst'],
    ['geplaatst', null, 'niet-geplaatst'],
    ['niet-geplaatst', null, 'niet-geplaatst'],
    ['voortijdig-gestopt', true, 'voortijdig-gestopt'],
  ];
  for (const [uitkomst, nog, verwacht] of cases) it(`${uitkomst}, nog in dienst ${nog}`, () => expect(iroResultaat(uitkomst, nog)).toBe(verwacht));
});

describe('iroPlanToets', () => {
  const plan = { opgesteldDoor: 'rib' as const, prijsCent: 500_000, duurMaanden: 9, activiteiten: [{ omschrijving: 'Jobhunting', duurWeken: 12 }] };
  it('records who wrote the plan and finds nothing at the cap', () => {
    expect(iroPlanToets(uwv, plan)).toEqual({ prijsCent: 500_000, plafondCent: 500_000, opgesteldDoor: 'rib', bevindingen: [] });
  });
  it('above the cap "in principe": a point of attention, asking for a reason', () => {
    expect(iroPlanToets(uwv, { ...plan, prijsCent: 600_000 }).bevindingen.map((b) => [b.code, b.ernst])).toEqual([['BOVEN_PLAFOND_ZONDER_TOELICHTING', 'aandachtspunt']]);
    expect(iroPlanToets(uwv, { ...plan, prijsCent: 600_000, toelichtingPrijs: 'Extra jobcoaching' }).bevindingen.map((b) => b.code)).toEqual(['BOVEN_PLAFOND_MET_TOELICHTING']);
  });
  it('above a hard cap: a ground for refusal', () => {
    expect(iroPlanToets({ ...uwv, plafondHard: true }, { ...plan, prijsCent: 500_001 }).bevindingen.map((b) => [b.code, b.ernst])).toEqual([['BOVEN_PLAFOND', 'afwijzing']]);
  });
});

describe('a UWV beschikking is signed on behalf of UWV, not of a college van B en W', () => {
  const brief = (namens?: string) =>
    beschikkingTekst({
      gemeente: { naam: 'UWV', afzender: 'UWV WERKbedrijf' },
      klant: { naam: 'Henk de Vries' },
      zaakReferentie: 'UWV-IRO-2026-000001',
      regeling: 'individuele re-integratieovereenkomst (iro)',
      besluit: { soort: 'afwijzing', gronden: [iroToelating(uwv.toelating, feiten({ trajectindicatie: 'werkfit' })).redenen.map((r) => ({ code: r.code, tekst: r.omschrijving }))[0]!] },
      motivering: 'U voldoet niet aan de voorwaarden.',
      datum: '2026-03-02',
      verzenddatum: '2026-03-02',
      bezwaar: { uiterlijkeReactiedatum: '2026-04-13', adres: ['UWV'] },
      ...(namens ? { namens } : {}),
    });
  it('names its own signatory when given, the college otherwise', () => {
    expect(brief('namens de Raad van bestuur van UWV,').namens).toBe('namens de Raad van bestuur van UWV,');
    expect(brief().namens).toBe('namens het college van burgemeester en wethouders,');
  });
  it('the refusal ground reads as a sentence', () => {
    expect(JSON.stringify(brief().besluit)).toContain('UWV heeft uw afstand tot de arbeidsmarkt bepaald: u kunt zelf werk vinden.');
  });
});
