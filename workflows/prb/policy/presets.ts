/**
 * The three reference models of the Doe-boek (seed-000 §7.1, Tabel B1 at source lines 1703–1727):
 * A. vraaggestuurd, volledige verantwoordelijkheid klant; B. vraaggestuurd, wederkerige uitvoering;
 * C. vraaggericht. A gemeente picks one and overrides what it does differently. Tabel B1 fills the
 * rows it has; the other axes get Regie's default, the same for all three presets, with the reason
 * in `herkomst`.
 */
import type { AxisKey, AxisValues, PresetCode } from './schema.ts';

export interface Preset {
  code: PresetCode;
  naam: string;
  omschrijving: string;
  waarden: AxisValues;
  /** Where each default comes from: a source line, a law, or "aanname" with the reason. */
  herkomst: Record<AxisKey, string>;
}

/** The hard criteria every model shares (Tabel B1 L1711), plus the obvious ones of L1064. */
const BASISCRITERIA: AxisValues['toelating']['criteria'] = [
  { soort: 'uitkering', toegestaan: ['WWB'] },
  { soort: 'woonachtig-in-gemeente' },
  { soort: 'geen-ander-lopend-traject' },
  { soort: 'beschikbaar-voor-arbeid' },
];

/** Axes that Tabel B1 does not cover: the same default in every preset. */
const REGIE_STANDAARD = {
  waarden: {
    verplichtePlanonderdelen: [],
    plafondCent: 500_000,
    uitvoeringstermijn: { soort: 'duur', duur: 'P1Y' },
    noCureLessPay: { actief: false },
    eenHoofdaanbieder: false,
    offertes: { minimumPerActiviteit: 1, gewenstPerActiviteit: 1 },
    bestedingen: {
      uitgesloten: ['investering-eigen-onderneming'],
      alleenMetAantoonbareRelatie: ['materiaal', 'computer'],
    },
    vierOgenDrempelCent: 0,
    financieGrensCent: 100_000,
    besluittermijn: { servicenorm: 'P8W', doorlooptijd: 'P8W', wettelijkeTermijn: null },
  },
  herkomst: {
    verplichtePlanonderdelen: 'aanname: geen verplichte onderdelen; alleen Breda noemt ze (seed-000 L1644)',
    plafondCent: 'seed-000 L956, L1402: "over het algemeen kost een traject rond de € 5.000", "€ 5.000 exclusief BTW"',
    uitvoeringstermijn:
      'seed-000 L472: de enige genoemde termijn (Utrecht, binnen een jaar); trajecten duren 9–15 maanden (L914–916, L1152)',
    noCureLessPay: 'aanname: "veel gemeenten" (seed-000 L1196) maar niet welke; standaard uit',
    eenHoofdaanbieder: 'aanname: alleen Groningen eist één hoofdaannemer (seed-000 L1198)',
    offertes:
      'aanname: minstens één offerte per activiteit om de prijs te onderbouwen; twee alleen "bij voorkeur" in Groningen (seed-000 L1912)',
    bestedingen:
      'seed-000 L956 (investering in eigen onderneming bij alle gemeenten uitgesloten), L1402 (materiële zaken alleen als aantoonbaar gerelateerd)',
    vierOgenDrempelCent:
      'aanname: altijd vier ogen, zodat coach en toetser niet dezelfde zijn ("spagaat", seed-000 L1236); DESIGN §6',
    financieGrensCent:
      'aanname: de bronnen noemen geen grens; boven € 1.000 keurt financiën een betaling goed (DESIGN §6, scheiding van indienen en goedkeuren)',
    besluittermijn: 'law.md Awb 4:13: hoogstens acht weken; geen eigen, kortere servicenorm tenzij de gemeente die belooft',
  },
} as const satisfies { waarden: Partial<AxisValues>; herkomst: Partial<Record<AxisKey, string>> };

export const PRESETS: Record<PresetCode, Preset> = {
  A: {
    code: 'A',
    naam: 'Vraaggestuurd, volledige verantwoordelijkheid klant',
    omschrijving:
      'De klant heeft de regie en de keuzevrijheid; de gemeente toetst het plan marginaal (ja, tenzij) en wijst alleen af bij harde contra-indicaties.',
    waarden: {
      werving: 'alle-klanten',
      toelating: { criteria: BASISCRITERIA },
      selectie: 'ja-tenzij',
      orientatiefase: { actief: true, duur: 'P3M', budgetCent: 100_000, binnenPlafond: true, begeleiding: 'klant-kiest' },
      coaching: { bijPlan: 'klant-kiest-zelf', bijUitvoering: 'klant-koopt-steun-in', externeCoachingTenLasteVanBudget: true },
      planToetsing: 'marginaal',
      toetsingscriteria: ['leidt-tot-betaald-werk', 'binnen-budget'],
      opdrachtgever: 'klant',
      aanbiederskeuze: 'vrij',
      betaalroute: 'klant-declareert',
      budgetInzichtKlant: false,
      monitoring: {
        rapporteur: 'klant',
        initiatief: 'klant',
        vormen: ['mondeling', 'schriftelijk'],
        cadans: { soort: 'in-overleg' },
        presentatie: null,
      },
      ...REGIE_STANDAARD.waarden,
    },
    herkomst: {
      werving: 'seed-000 L1709: alle klanten op de hoogte van het pgb',
      toelating: 'seed-000 L1711 (WWB-gerechtigd, beschikbaar, geen ander lopend traject), L1064 (woonachtig in de gemeente)',
      selectie: 'seed-000 L1712: geen toets op zachte criteria, alleen afwijzing op harde contra-indicaties (ja, tenzij)',
      orientatiefase:
        'seed-000 L1708 (oriëntatie- en reïntegratiebudget), L1099/L1125 (drie maanden); bedrag € 1.000 is een aanname (10–12 uur begeleiding, L1482)',
      coaching: 'seed-000 L1717, L1726: klant kiest zelf of en bij wie hij begeleiding inkoopt',
      planToetsing: 'seed-000 L1718: marginale toetsing (ja, tenzij)',
      toetsingscriteria: 'seed-000 L1719: leidt in redelijkheid tot betaald werk; binnen budget (kortste weg is "evt.")',
      opdrachtgever: 'seed-000 L1721: klant kiest en contracteert zelf',
      aanbiederskeuze: 'seed-000 L1721',
      betaalroute: 'seed-000 L1722: gemeente beheert budget, klant factureert bij gemeente',
      budgetInzichtKlant: 'seed-000 L1722: alleen model B noemt een virtueel budget voor de klant',
      monitoring: 'seed-000 L1727: klant rapporteert mondeling of schriftelijk aan de klantmanager',
      ...REGIE_STANDAARD.herkomst,
    },
  },
  B: {
    code: 'B',
    naam: 'Vraaggestuurd, wederkerige uitvoering',
    omschrijving:
      'De klant heeft de regie; de klantmanager coacht en brengt de wettelijke en beleidsmatige grenzen in, en toetst het plan inhoudelijk op basis van het proces.',
    waarden: {
      werving: 'klantmanagers-informeren-alle-klanten',
      toelating: { criteria: BASISCRITERIA },
      selectie: 'wederkerig',
      orientatiefase: { actief: true, duur: 'P3M', budgetCent: 100_000, binnenPlafond: true, begeleiding: 'klantmanager' },
      coaching: { bijPlan: 'klantmanager-coacht', bijUitvoering: 'klantmanager-feedback', externeCoachingTenLasteVanBudget: true },
      planToetsing: 'inhoudelijk',
      toetsingscriteria: ['leidt-tot-betaald-werk', 'binnen-budget'],
      opdrachtgever: 'klant',
      aanbiederskeuze: 'vrij',
      betaalroute: 'aanbieder-factureert-gemeente',
      budgetInzichtKlant: true,
      monitoring: {
        rapporteur: 'klant',
        initiatief: 'klant',
        vormen: ['mondeling', 'schriftelijk'],
        cadans: { soort: 'in-overleg' },
        presentatie: null,
      },
      ...REGIE_STANDAARD.waarden,
    },
    herkomst: {
      werving: 'seed-000 L1709: klantmanagers stellen alle klanten op de hoogte',
      toelating: 'seed-000 L1711, L1064',
      selectie: 'seed-000 L1712: klant en klantmanager bespreken regelmatig de geschiktheid',
      orientatiefase:
        'seed-000 L1708, L1099/L1125; begeleiding door de klantmanager (L1717); bedrag € 1.000 is een aanname (L1482)',
      coaching: 'seed-000 L1717, L1726: coaching en feedback van de klantmanager',
      planToetsing: 'seed-000 L1718: inhoudelijke toetsing op basis van het totstandkomingsproces',
      toetsingscriteria: 'seed-000 L1719',
      opdrachtgever: 'seed-000 L1721: klant kiest en contracteert zelf, met evt. feedback',
      aanbiederskeuze: 'seed-000 L1721',
      betaalroute:
        'seed-000 L1722: gemeente beheert het facturatieadres in overleg met de klant — de aanbieder factureert aan de gemeente',
      budgetInzichtKlant: 'seed-000 L1722: klant heeft een virtueel budget bij de gemeente',
      monitoring: 'seed-000 L1727',
      ...REGIE_STANDAARD.herkomst,
    },
  },
  C: {
    code: 'C',
    naam: 'Vraaggericht',
    omschrijving:
      'De gemeente houdt de regie en geeft ruimte aan de wensen van de klant; prb alleen als het reguliere aanbod niet volstaat, met inhoudelijke toetsing en ingekocht bij geselecteerde aanbieders.',
    waarden: {
      werving: 'gerichte-voorlichting',
      toelating: { criteria: [...BASISCRITERIA, { soort: 'geen-passend-regulier-aanbod' }] },
      selectie: 'klantmanager-toetst',
      orientatiefase: { actief: false },
      coaching: {
        bijPlan: 'verplicht-klantmanager-of-extern-bureau',
        bijUitvoering: 'klantmanager-of-ingehuurde-begeleider',
        externeCoachingTenLasteVanBudget: true,
      },
      planToetsing: 'inhoudelijk',
      toetsingscriteria: ['leidt-tot-betaald-werk', 'binnen-budget', 'doelmatigheid'],
      opdrachtgever: 'gemeente',
      aanbiederskeuze: 'alleen-geselecteerde-aanbieders',
      betaalroute: 'aanbieder-factureert-gemeente',
      budgetInzichtKlant: false,
      monitoring: {
        rapporteur: 'aanbieder',
        initiatief: 'rapporteur',
        vormen: ['schriftelijk'],
        cadans: { soort: 'in-overleg' },
        presentatie: null,
      },
      ...REGIE_STANDAARD.waarden,
    },
    herkomst: {
      werving: 'seed-000 L1709: gerichte voorlichting aan door klantmanagers geselecteerde potentiële klanten',
      toelating: 'seed-000 L1711: uitzondering, alleen als het reguliere aanbod niet volstaat, plus de harde criteria; L1064',
      selectie: 'seed-000 L1712: klantmanager toetst aan zachte criteria',
      orientatiefase: 'seed-000 L1708: alleen een reïntegratiebudget',
      coaching: 'seed-000 L1717, L1726: klantmanager of extern bureau ondersteunt verplicht',
      planToetsing: 'seed-000 L1718: inhoudelijke toetsing',
      toetsingscriteria: 'seed-000 L1719: plus doelmatigheid',
      opdrachtgever: 'seed-000 L1721: gemeente contracteert',
      aanbiederskeuze: 'seed-000 L1721: klant koopt in bij door de gemeente geselecteerde aanbieders',
      betaalroute: 'seed-000 L1722: aanbieder factureert bij gemeente',
      budgetInzichtKlant: 'seed-000 L1722',
      monitoring: 'seed-000 L1727: rib/aanbieder rapporteert aan klantmanager',
      ...REGIE_STANDAARD.herkomst,
    },
  },
};

export function presetDefault<K extends AxisKey>(preset: PresetCode, axis: K): AxisValues[K] {
  return PRESETS[preset].waarden[axis];
}
