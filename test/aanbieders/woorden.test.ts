import { describe, expect, it } from 'vitest';
import { cijfersTekst, contractTekst, filtersUitUrl, validateVoorstel, type Aanbieder } from '../../ui/src/pages/AanbiedersPage.tsx';

const cijfers = (c: Partial<Aanbieder['cijfers']>): Aanbieder['cijfers'] => ({
  trajecten: 0,
  geplaatst: 0,
  percentageGeplaatst: null,
  gemiddeldeKostenCents: null,
  perRegeling: [],
  ...c,
});

describe('Aanbieders page in plain words', () => {
  it('says what earlier trajecten led to', () => {
    expect(cijfersTekst(cijfers({}))).toBe('Nog geen afgeronde trajecten bij uw organisatie. Er zijn dus nog geen uitkomsten bekend.');
    // Intl puts a no-break space after the euro sign
    expect(cijfersTekst(cijfers({ trajecten: 12, geplaatst: 7, percentageGeplaatst: 58, gemiddeldeKostenCents: 315_000 })).replace(/\u00a0/g, ' ')).toBe(
      '12 trajecten afgerond, 7 daarvan leidden tot werk (58%). Gemiddeld kostte een traject € 3.150,00.',
    );
    expect(cijfersTekst(cijfers({ trajecten: 3, geplaatst: 1, percentageGeplaatst: 33, gemiddeldeKostenCents: 0 }))).toMatch(/^3 trajecten afgerond, 1 daarvan leidde tot werk \(33%\)\./);
    expect(cijfersTekst(cijfers({ trajecten: 1, geplaatst: 0, percentageGeplaatst: 0, gemiddeldeKostenCents: 50_000 }))).toMatch(/^1 traject afgerond; dat leidde niet tot werk\./);
    expect(
      cijfersTekst(
        cijfers({
          trajecten: 4,
          geplaatst: 2,
          percentageGeplaatst: 50,
          gemiddeldeKostenCents: 200_000,
          perRegeling: [
            { regeling: 'pib', trajecten: 1, geplaatst: 0 },
            { regeling: 'rio', trajecten: 3, geplaatst: 2 },
          ],
        }),
      ),
    ).toContain('Per regeling: pib 1 (0 tot werk), rio 3 (2 tot werk).');
  });

  it('tells a klant whether and for what they can choose the aanbieder, or why not', () => {
    const a = (contract: Partial<NonNullable<Aanbieder['contract']>> | null): Aanbieder => ({
      id: 'x',
      naam: 'X',
      kvk: '90000011',
      diensten: [],
      regio: 'landelijk',
      website: null,
      omschrijving: null,
      uwvIroPool: false,
      cijfers: cijfers({}),
      contract: contract && {
        status: 'in-pool',
        regelingen: ['rio'],
        sinds: '2026-01-01',
        tot: null,
        gemeenteklanten: false,
        inPool: true,
        reden: null,
        toelichting: null,
        voorgesteldDoorU: false,
        ...contract,
      },
    });
    expect(contractTekst(a({}), true)).toBe('U kunt deze aanbieder kiezen voor: rio.');
    expect(contractTekst(a({ status: 'afgewezen', inPool: false, reden: 'Geen keurmerk.' }), true)).toBe('Afgewezen door de klantmanager. Reden: Geen keurmerk.');
    expect(contractTekst(a({ status: 'in-beoordeling', inPool: false, voorgesteldDoorU: true }), true)).toBe(
      'Voorgesteld door u voor rio. Een klantmanager beoordeelt deze aanbieder.',
    );
    expect(contractTekst(a(null), false)).toBe('Uw organisatie heeft (nog) geen afspraken met deze aanbieder.');
  });

  it('checks a proposal like the server does, and reads filters from the link', () => {
    const goed = { naam: 'A', kvk: '9123 4568', iban: 'NL91 ABNA 0417 1643 00', regeling: 'prb', diensten: 'Coaching', regio: 'Almere', website: '', toelichting: 'Graag' };
    expect(validateVoorstel(goed)).toEqual({});
    expect(validateVoorstel({ ...goed, kvk: '123', iban: 'NL92ABNA0417164300', website: 'javascript:alert(1)', diensten: ' , ' })).toEqual({
      kvk: 'Het KvK-nummer bestaat uit 8 cijfers.',
      iban: 'Het IBAN klopt niet. Controleer het rekeningnummer.',
      website: 'Vul een geldig webadres in, beginnend met https://.',
      diensten: 'Noem ten minste één dienst.',
    });
    expect(filtersUitUrl('?regeling=pib&regio=Rotterdam')).toMatchObject({ regeling: 'pib', regio: 'Rotterdam', alle: false });
    expect(filtersUitUrl('?regeling=bezwaar').regeling).toBe('');
  });
});
