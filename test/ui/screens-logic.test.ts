/** Pure logic behind the screens: Dutch wording, the traffic light, filters ↔ URL, caseload counts, small form checks. */
import { describe, expect, it } from 'vitest';
import { datum, euro, faseNaam, resterend, taskLight, uiterlijkZin, vandaag, volgendeStap } from '../../ui/src/lib/format.ts';
import { filtersFromSearch, filtersToSearch, standaardWeergave, toTaskQuery } from '../../ui/src/pages/WerkvoorraadPage.tsx';
import { perFase } from '../../ui/src/pages/CaseloadPage.tsx';
import { dwangsomCijfer, periodeKeuzes, termijnStand } from '../../ui/src/pages/DoorlooptijdenPage.tsx';
import { validateIngebrekestelling, validateVerdaging } from '../../ui/src/components/TermijnActies.tsx';
import { dwangsomZin } from '../../ui/src/lib/format.ts';
import { parseVariables } from '../../ui/src/pages/IncidentenPage.tsx';
import { validateContactmoment } from '../../ui/src/components/ContactmomentForm.tsx';
import { kanIntrekken } from '../../ui/src/components/AanvraagIntrekken.tsx';
import { lopendeAanvraag, naamInZin } from '../../ui/src/pages/RegelingenPage.tsx';
import { fasenVan, gestoptVoorTraject, standZin } from '../../ui/src/lib/format.ts';
import { taskQueryString, type Klok, type ZaakSamenvatting } from '../../ui/src/regie-api.ts';
import { navFor, taakThuis } from '../../ui/src/homes.ts';
import { groepNamen } from '../../ui/src/lib/roles.ts';
import { resolveRoute } from '../../ui/src/routes.tsx';

const klok = (over: Partial<Klok> = {}): Klok => ({
  startdatum: '2026-11-19',
  einddatumGepland: '2026-12-17',
  uiterlijkeEinddatumAfdoening: '2027-01-14',
  status: 'op-tijd',
  opgeschort: false,
  verdaagd: false,
  afgehandeld: false,
  dagenTotUiterlijkeEinddatum: 56,
  werkdagenTotUiterlijkeEinddatum: 38,
  ...over,
});

describe('Dutch wording', () => {
  it('formats calendar days without a time-zone shift, and money from cents', () => {
    expect(datum('2027-01-14')).toBe('14 januari 2027');
    expect(datum('2026-12-31T23:30:00Z')).toBe('1 januari 2027'); // Amsterdam is an hour ahead
    expect(euro(125050)).toMatch(/^€\s1\.250,50$/);
    expect(vandaag(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('says by when the klant hears, in plain Dutch, from the clock', () => {
    expect(uiterlijkZin({ status: 'in-behandeling', klok: klok() })).toBe('Uiterlijk 14 januari 2027 hoort u of uw aanvraag is toegekend.');
    expect(uiterlijkZin({ status: 'in-behandeling', klok: klok({ verdaagd: true }) })).toContain('termijn verlengd');
    expect(uiterlijkZin({ status: 'opgeschort', klok: klok({ opgeschort: true }) })).toContain('staat stil');
    expect(uiterlijkZin({ status: 'besloten', klok: klok({ afgehandeld: true }) })).toContain('besluit genomen');
    expect(uiterlijkZin({ status: 'in-behandeling', klok: klok({ status: 'termijn-verlopen' }) })).toContain('excuses');
  });

  it('names phases, the next step and the time left', () => {
    expect(faseNaam('orientatie')).toBe('Oriëntatie');
    expect(faseNaam('iets-nieuws')).toBe('Iets-nieuws');
    expect(volgendeStap('besluit')).toContain('beschikking');
    expect(resterend(klok())).toBe('nog 38 werkdagen');
    expect(resterend(klok({ dagenTotUiterlijkeEinddatum: -1 }))).toBe('1 dag te laat');
    expect(resterend(klok({ dagenTotUiterlijkeEinddatum: 0 }))).toBe('vandaag');
  });
});

describe('traffic light', () => {
  const zaak = (klokStatus: Klok['status']) => ({ klokStatus });
  it('is red past the wettelijke termijn, amber past the servicenorm or when the task is late, green otherwise', () => {
    expect(taskLight({ overdue: false, zaak: zaak('termijn-verlopen') }).tone).toBe('danger');
    expect(taskLight({ overdue: false, zaak: zaak('servicenorm-overschreden') }).tone).toBe('warning');
    expect(taskLight({ overdue: true, zaak: zaak('op-tijd') })).toEqual({ tone: 'warning', label: 'Taak te laat' });
    expect(taskLight({ overdue: true, zaak: null }).tone).toBe('warning');
    expect(taskLight({ overdue: false, zaak: zaak('op-tijd') })).toEqual({ tone: 'ok', label: 'Op tijd' });
  });
});

describe('werkvoorraad filters', () => {
  it('round-trip through the URL and become the API query', () => {
    const f = filtersFromSearch('?weergave=group&regeling=prb&fase=besluit&telaat=1&binnen7dagen=1&pagina=3');
    expect(f).toEqual({ view: 'group', regeling: 'prb', fase: 'besluit', overdue: true, binnenWeek: true, page: 3 });
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersToSearch(filtersFromSearch(''))).toBe('');
    expect(taskQueryString(toTaskQuery(f))).toBe('view=group&overdue=true&dueWithinDays=7&regeling=prb&fase=besluit&page=3&pageSize=25');
    expect(filtersFromSearch('?weergave=iets&pagina=-2')).toMatchObject({ view: 'mine', page: 1 });
  });
});

describe('caseload counts', () => {
  it('counts zaken per fase in process order, without a fase last', () => {
    const z = (fase: string | null) => ({ fase }) as ZaakSamenvatting;
    expect(perFase([z('besluit'), z(null), z('aanmelding'), z('besluit'), z('onbekend')])).toEqual([
      { fase: 'aanmelding', aantal: 1 },
      { fase: 'besluit', aantal: 2 },
      { fase: 'onbekend', aantal: 1 },
      { fase: '', aantal: 1 },
    ]);
  });
});

describe('doorlooptijden periods', () => {
  it('offers all besluiten, this year and the two before, and this and the previous kwartaal with their real last days', () => {
    expect(periodeKeuzes('2026-11-22').map((k) => [k.label, k.periode])).toEqual([
      ['Alle besluiten', {}],
      ['2026 (dit jaar)', { van: '2026-01-01', tot: '2026-12-31' }],
      ['2025', { van: '2025-01-01', tot: '2025-12-31' }],
      ['2024', { van: '2024-01-01', tot: '2024-12-31' }],
      ['Dit kwartaal (K4 2026)', { van: '2026-10-01', tot: '2026-12-31' }],
      ['Vorig kwartaal (K3 2026)', { van: '2026-07-01', tot: '2026-09-30' }],
    ]);
    // In the first kwartaal the previous one is last year's; a leap year's February ends on the 29th.
    const februari = periodeKeuzes('2028-02-10');
    expect(februari.find((k) => k.id === 'kwartaal')!.periode).toEqual({ van: '2028-01-01', tot: '2028-03-31' });
    expect(februari.find((k) => k.id === 'vorig-kwartaal')).toMatchObject({ label: 'Vorig kwartaal (K4 2027)', periode: { van: '2027-10-01', tot: '2027-12-31' } });
    expect(periodeKeuzes('2026-05-31').find((k) => k.id === 'vorig-kwartaal')!.periode).toEqual({ van: '2026-01-01', tot: '2026-03-31' });
  });

  it('says how a zaak stands against its uiterste beslisdatum', () => {
    expect(termijnStand(12)).toBe('nog 12 dagen');
    expect(termijnStand(1)).toBe('nog 1 dag');
    expect(termijnStand(0)).toBe('laatste dag');
    expect(termijnStand(-3)).toBe('3 dagen over de termijn');
  });
});

describe('dwangsom in words (Awb 4:17)', () => {
  const basis = { ingebrekestellingOntvangen: '2026-11-02', eersteDag: '2026-11-17', laatsteMogelijkeDag: '2026-12-28', dagtariefCent: 2300, maximumCent: 144_200 };
  const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
  it('says what a premature, a pending, a running, a maxed and an ended dwangsom mean', () => {
    expect(nbsp(dwangsomZin({ ...basis, status: 'voorbarig', eersteDag: null, laatsteMogelijkeDag: null, dagen: 0, bedragCent: 0, dagtariefCent: 0 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Die kwam binnen voordat de beslistermijn om was en heeft daarom geen gevolg; alleen een ingebrekestelling na de uiterste beslisdatum telt.',
    );
    expect(nbsp(dwangsomZin({ ...basis, status: 'nog-niet-verbeurd', dagen: 0, bedragCent: 0, dagtariefCent: 0 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Zonder besluit is de gemeente vanaf 17 november 2026 een dwangsom per dag verschuldigd, tot hoogstens € 1.442,00.',
    );
    expect(nbsp(dwangsomZin({ ...basis, status: 'loopt', dagen: 1, bedragCent: 2300 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. De dwangsom loopt sinds 17 november 2026: nu € 23,00 (1 dag); elke dag zonder besluit kost € 23,00, tot hoogstens € 1.442,00 op 28 december 2026.',
    );
    expect(nbsp(dwangsomZin({ ...basis, status: 'maximum-bereikt', dagen: 42, bedragCent: 144_200, dagtariefCent: 0 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. De dwangsom heeft het maximum bereikt: € 1.442,00 (42 dagen).',
    );
    expect(nbsp(dwangsomZin({ ...basis, status: 'beeindigd', dagen: 3, bedragCent: 6900, dagtariefCent: 0 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Tot het besluit is € 69,00 dwangsom verbeurd (3 dagen).',
    );
    expect(nbsp(dwangsomZin({ ...basis, status: 'beeindigd', dagen: 0, bedragCent: 0, dagtariefCent: 0 }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Het besluit kwam voordat er een dwangsom verbeurd was.',
    );
    // Awb 4:18: what is left to do, then what was done.
    const beeindigd = { ...basis, status: 'beeindigd' as const, dagen: 3, bedragCent: 6900, dagtariefCent: 0 };
    expect(nbsp(dwangsomZin({ ...beeindigd, vaststellenUiterlijk: '2026-12-07', vastgesteld: null }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Tot het besluit is € 69,00 dwangsom verbeurd (3 dagen). Stel het bedrag uiterlijk 7 december 2026 vast (art. 4:18 Awb).',
    );
    expect(nbsp(dwangsomZin({ ...beeindigd, vaststellenUiterlijk: '2026-12-07', vastgesteld: { datum: '2026-11-25', bedragCent: 6900 } }))).toBe(
      'Ingebrekestelling ontvangen op 2 november 2026. Tot het besluit is € 69,00 dwangsom verbeurd (3 dagen). Vastgesteld op 25 november 2026: € 69,00.',
    );
  });

  it('tells the klant where a late besluit stands: how to stand up for themselves, and what a received ingebrekestelling means', () => {
    const klok = {
      startdatum: '2026-08-24',
      einddatumGepland: '2026-09-21',
      uiterlijkeEinddatumAfdoening: '2026-10-19',
      status: 'termijn-verlopen' as const,
      opgeschort: false,
      verdaagd: false,
      afgehandeld: false,
      dagenTotUiterlijkeEinddatum: -34,
      werkdagenTotUiterlijkeEinddatum: 0,
    };
    expect(uiterlijkZin({ status: 'in-behandeling', klok })).toBe(
      'Wij hadden uiterlijk 19 oktober 2026 moeten beslissen. Dat is niet gelukt; onze excuses. U kunt ons schriftelijk in gebreke stellen; dan betalen wij u een dwangsom als wij daarna niet binnen twee weken beslissen (artikel 4:17 Awb). Uw klantmanager legt uit hoe.',
    );
    expect(uiterlijkZin({ status: 'in-behandeling', klok: { ...klok, dwangsom: { ...basis, status: 'nog-niet-verbeurd', dagen: 0, bedragCent: 0, dagtariefCent: 0 } } })).toBe(
      'Wij hadden uiterlijk 19 oktober 2026 moeten beslissen. Dat is niet gelukt; onze excuses. Wij hebben uw ingebrekestelling van 2 november 2026 ontvangen. Hebben wij op 17 november 2026 nog niet beslist, dan betalen wij u vanaf die dag een dwangsom (artikel 4:17 Awb).',
    );
    expect(nbsp(uiterlijkZin({ status: 'in-behandeling', klok: { ...klok, dwangsom: { ...basis, status: 'loopt', dagen: 6, bedragCent: 13_800 } } }))).toBe(
      'Wij hadden uiterlijk 19 oktober 2026 moeten beslissen. Dat is niet gelukt; onze excuses. Wij hebben uw ingebrekestelling van 2 november 2026 ontvangen. Wij zijn u een dwangsom verschuldigd; die is nu € 138,00. Na het besluit stellen wij het bedrag vast en betalen wij het u.',
    );
  });

  it('sums it per regeling for the manager, or shows a dash', () => {
    expect(dwangsomCijfer(undefined)).toBe('–');
    expect(dwangsomCijfer({ lopend: 0, lopendCent: 0, besloten: 0, beslotenCent: 0 })).toBe('–');
    expect(nbsp(dwangsomCijfer({ lopend: 2, lopendCent: 34_500, besloten: 1, beslotenCent: 144_200 }))).toBe('2 lopend (€ 345,00), 1 besloten (€ 1.442,00)');
  });

  it('checks the verdaging and ingebrekestelling forms before sending', () => {
    expect(validateVerdaging({ termijn: 'P4W', reden: 'Advies nodig' })).toEqual({});
    expect(validateVerdaging({ termijn: 'P3M', reden: '  ' })).toEqual({
      termijn: 'Kies met hoeveel tijd u de beslistermijn verdaagt.',
      reden: 'Vermeld waarom de beslissing later komt; de klant krijgt die reden te horen.',
    });
    expect(validateIngebrekestelling({ ontvangen: '2026-11-20', toelichting: '' }, '2026-11-22')).toEqual({});
    expect(validateIngebrekestelling({ ontvangen: '2026-11-23', toelichting: 'x'.repeat(2001) }, '2026-11-22')).toEqual({
      ontvangen: 'De datum kan niet in de toekomst liggen.',
      toelichting: 'Gebruik hoogstens 2.000 tekens.',
    });
    expect(validateIngebrekestelling({ ontvangen: '', toelichting: '' }, '2026-11-22').ontvangen).toBe('Vul de datum in waarop de ingebrekestelling binnenkwam.');
  });
});

describe('small forms', () => {
  it('incident variables must be empty or a JSON object', () => {
    expect(parseVariables('  ')).toEqual({ ok: true, value: undefined });
    expect(parseVariables('{"iban":"NL91ABNA0417164300"}')).toEqual({ ok: true, value: { iban: 'NL91ABNA0417164300' } });
    expect(parseVariables('[1]')).toMatchObject({ ok: false });
    expect(parseVariables('{iban:}')).toMatchObject({ ok: false, message: expect.stringContaining('geen geldige JSON') });
  });

  it('a contactmoment needs a kind, a date not in the future and a summary', () => {
    expect(validateContactmoment({ soort: 'telefoon', datum: '2026-11-20', samenvatting: 'Gebeld' }, '2026-11-22')).toEqual({});
    expect(validateContactmoment({ soort: 'fax', datum: '2026-11-23', samenvatting: ' ' }, '2026-11-22')).toEqual({
      soort: 'Kies wat voor contact het was.',
      datum: 'De datum kan niet in de toekomst liggen.',
      samenvatting: 'Schrijf kort op wat er besproken is.',
    });
  });
});

describe('navigation and routes of the screens', () => {
  it('gives each role its screens, without duplicates', () => {
    expect(navFor(['klant']).map((n) => n.title)).toEqual(['Mijn traject', 'Regelingen', 'Aanbieders', 'Berichten']);
    expect(navFor(['klantmanager', 'manager']).map((n) => n.path)).toEqual(['/werkvoorraad', '/mijn-caseload', '/aanbieders', '/doorlooptijden', '/incidenten']);
  });

  it('keeps staff screens from klanten and klant screens from staff', () => {
    expect(resolveRoute('/taken/42', ['klantmanager']).kind).toBe('ok');
    expect(resolveRoute('/taken/42', ['klant']).kind).toBe('forbidden');
    expect(resolveRoute('/zaken/z1', ['klant']).kind).toBe('forbidden');
    expect(resolveRoute('/mijn-traject/zaken/z1', ['klant']).kind).toBe('ok');
    expect(resolveRoute('/mijn-traject/zaken/z1', ['klantmanager']).kind).toBe('forbidden');
    expect(resolveRoute('/werkvoorraad', ['manager']).kind).toBe('ok');
    expect(resolveRoute('/incidenten', ['klantmanager']).kind).toBe('forbidden');
  });
});

describe('kanIntrekken: the withdrawal is offered until the besluit', () => {
  const zaak = (fase: string | null, status = 'in-behandeling') => ({ regeling: 'prb' as const, status, fase, bezwaar: null });
  it('from the aanmelding (the klantmanager still assessing the toelating) through the besluit', () => {
    for (const fase of ['aanmelding', 'orientatie', 'aanvraag', 'beoordeling', 'besluit']) expect(kanIntrekken(zaak(fase)), fase).toBe(true);
  });
  it('not once decided, closed, or in the uitvoering', () => {
    expect(kanIntrekken(zaak('uitvoering', 'besloten'))).toBe(false);
    expect(kanIntrekken(zaak('afsluiting', 'afgesloten'))).toBe(false);
    expect(kanIntrekken(zaak('uitvoering'))).toBe(false);
  });
});

describe('naamInZin: a regeling named inside a sentence', () => {
  it('a common noun goes lower case, a proper name keeps its capitals', () => {
    expect(naamInZin('Persoonsgebonden re-integratiebudget')).toBe('persoonsgebonden re-integratiebudget');
    expect(naamInZin('Rotterdamse Integratie Overeenkomst')).toBe('Rotterdamse Integratie Overeenkomst');
  });
});

describe('standZin: where a klant’s zaak stands, and how a closed one ended', () => {
  it('a running zaak: the fase and the next step', () => {
    expect(standZin({ status: 'in-behandeling', fase: 'beoordeling', resultaat: null })).toBe('Nu: Beoordeling. Uw klantmanager beoordeelt uw trajectplan en begroting.');
  });
  it('a refused zaak says it is closed and why, not "Wij sluiten uw zaak af"', () => {
    const zin = standZin({ status: 'afgesloten', fase: 'afsluiting', resultaat: 'niet-toegelaten' });
    expect(zin).toMatch(/^Uw zaak is afgesloten\. U bent niet toegelaten tot deze regeling\./);
    expect(zin).not.toContain('Wij sluiten uw zaak af');
    expect(gestoptVoorTraject('niet-toegelaten')).toBe(true);
    expect(gestoptVoorTraject('ingetrokken')).toBe(true);
  });
  it('a traject that ran to its end is not "stopped before the traject"', () => {
    expect(standZin({ status: 'afgesloten', fase: 'afsluiting', resultaat: 'betaald-werk' })).toBe('Uw zaak is afgesloten. Uw traject is afgerond.');
    expect(gestoptVoorTraject('betaald-werk')).toBe(false);
    expect(gestoptVoorTraject(null)).toBe(false);
  });
  it('a closed bezwaar zaak speaks of the beslissing op bezwaar, not of a traject', () => {
    expect(standZin({ status: 'afgesloten', fase: 'afsluiting', resultaat: 'bezwaar-ongegrond' })).toContain('Er is op uw bezwaar beslist');
  });
});

describe('taakThuis: a task page leads back to the caseworker’s own queue', () => {
  it('the beslisser to Te beslissen, financieel to Betalingen, the klantmanager and the manager to the werkvoorraad', () => {
    expect(taakThuis(['beslisser'])).toEqual({ path: '/te-beslissen', naam: 'Te beslissen' });
    expect(taakThuis(['financieel'])).toEqual({ path: '/betalingen', naam: 'Betalingen' });
    expect(taakThuis(['klantmanager'])).toEqual({ path: '/werkvoorraad', naam: 'de werkvoorraad' });
    expect(taakThuis(['manager'])).toEqual({ path: '/werkvoorraad', naam: 'de werkvoorraad' });
  });
});

describe('each regeling speaks of its own steps', () => {
  it('a pib has no oriëntatie, a pgb bw ends with the einde dienstverband, a bezwaar has its own phases', () => {
    expect(fasenVan('pib')).not.toContain('orientatie');
    expect(fasenVan('pgb-bw')).toContain('einde');
    expect(fasenVan('bezwaar')).toEqual(['ontvangst', 'hoorzitting', 'beslissing', 'afsluiting']);
    expect(fasenVan(null)).toContain('orientatie');
  });
  it('the next step names what the regeling has: a programma for the pib, a werkgever for the pgb bw, a re-integratiebedrijf for the iro', () => {
    expect(volgendeStap('aanvraag', 'pib')).toContain('inburgeringsprogramma');
    expect(volgendeStap('orientatie', 'pgb-bw')).toContain('werkgever');
    expect(volgendeStap('orientatie', 'rio')).toContain('re-integratiebedrijf');
    expect(volgendeStap('aanvraag', 'prb')).toContain('trajectplan');
    expect(standZin({ status: 'in-behandeling', fase: 'uitvoering', resultaat: null, regeling: 'pib' })).toContain('U volgt uw programma');
  });
});

describe('groepNamen: who a task waits for, in words', () => {
  it('role codes become people', () => {
    expect(groepNamen(['klantmanager'])).toBe('de klantmanagers');
    expect(groepNamen(['klantmanager', 'beslisser'])).toBe('de klantmanagers, de beslissers');
    expect(groepNamen(['financieel'])).toBe('financiën');
    expect(groepNamen([])).toBe('');
  });
});

describe('lopendeAanvraag: a second aanvraag is not offered while the first awaits its besluit', () => {
  const zaak = (regeling: string, status: string) => ({ id: `${regeling}-${status}`, regeling, status });
  it('finds the running one of this regeling only', () => {
    expect(lopendeAanvraag([zaak('prb', 'in-behandeling')], 'prb')?.id).toBe('prb-in-behandeling');
    expect(lopendeAanvraag([zaak('prb', 'opgeschort')], 'prb')).toBeDefined();
    expect(lopendeAanvraag([zaak('pib', 'in-behandeling')], 'prb')).toBeUndefined();
  });
  it('after the besluit or once closed, a new aanvraag may follow', () => {
    expect(lopendeAanvraag([zaak('prb', 'besloten'), zaak('prb', 'afgesloten')], 'prb')).toBeUndefined();
  });
});

describe('standaardWeergave: the werkvoorraad a manager opens', () => {
  it('a manager who takes no tasks sees the whole team first; anyone with a queue starts with their own tasks', () => {
    expect(standaardWeergave(['manager'])).toBe('all');
    expect(standaardWeergave(['klantmanager'])).toBe('mine');
    expect(standaardWeergave(['klantmanager', 'manager'])).toBe('mine');
  });
  it('the URL keeps a choice that differs from the role’s default, also "Mijn taken" for a manager', () => {
    expect(filtersFromSearch('', 'all').view).toBe('all');
    const mijn = { ...filtersFromSearch('', 'all'), view: 'mine' as const };
    expect(filtersToSearch(mijn, 'all')).toBe('?weergave=mine');
    expect(filtersFromSearch(filtersToSearch(mijn, 'all'), 'all').view).toBe('mine');
    expect(filtersToSearch(filtersFromSearch('', 'all'), 'all')).toBe('');
  });
});
