import { formatEuro, type Cents } from './bedrag.ts';
import type { WeigerCode, Weigering } from './types.ts';

function w(code: WeigerCode, bericht: string): Weigering {
  return { code, bericht };
}

/** Dutch texts for refused payments, addressed to the user with "u". */
export const weigeringen = {
  bedragOngeldig: () => w('BEDRAG_ONGELDIG', 'Het bedrag moet groter zijn dan € 0,00 en in hele centen worden opgegeven.'),
  ibanOngeldig: (iban: string) => w('IBAN_ONGELDIG', `Het rekeningnummer ${iban} is geen geldig IBAN. Controleert u het nummer?`),
  kvkOngeldig: (kvk: string) => w('KVK_ONGELDIG', `Het KvK-nummer ${kvk} klopt niet: het bestaat uit 8 cijfers.`),
  geenToekenning: () =>
    w('GEEN_TOEKENNING', 'Voor deze zaak is (nog) geen budget toegekend. U kunt pas betalen na een besluit met een toekenning.'),
  bovenBudget: (bedrag: Cents, beschikbaar: Cents, toegekend: Cents) =>
    w(
      'BOVEN_BUDGET',
      `Deze betaling van ${formatEuro(bedrag)} past niet in het toegekende budget van ${formatEuro(toegekend)}: ` +
        `er is nog ${formatEuro(beschikbaar)} beschikbaar. U kunt het plan laten aanpassen of een factuur voor een lager bedrag indienen.`,
    ),
  onbekendeVerplichting: (id: string) =>
    w('ONBEKENDE_VERPLICHTING', `De betaling hoort niet bij een goedgekeurde offerte of overeenkomst in het plan (${id}).`),
  bovenVerplichting: (bedrag: Cents, open: Cents, omschrijving: string) =>
    w(
      'BOVEN_VERPLICHTING',
      `Deze betaling van ${formatEuro(bedrag)} is hoger dan wat er op "${omschrijving}" nog openstaat (${formatEuro(open)}). ` +
        'U kunt eerst het plan laten aanpassen.',
    ),
  begunstigdeNietInPlan: (naam: string) =>
    w(
      'BEGUNSTIGDE_NIET_IN_PLAN',
      `${naam} staat met dit rekeningnummer of KvK-nummer niet als aanbieder in het goedgekeurde plan. ` +
        'U kunt alleen betalen aan een partij uit het plan.',
    ),
  klantAlleenDeclaratie: () =>
    w(
      'KLANT_ALLEEN_DECLARATIE',
      'Aan de klant zelf wordt alleen betaald bij een declaratie van kosten die de klant heeft voorgeschoten.',
    ),
  declaratieNietToegestaan: () =>
    w(
      'DECLARATIE_NIET_TOEGESTAAN',
      'Uw gemeente vergoedt geen voorgeschoten kosten aan de klant: de aanbieder stuurt de factuur en de gemeente betaalt de aanbieder.',
    ),
  declaratieNietAanKlant: () =>
    w('DECLARATIE_NIET_AAN_KLANT', 'Een declaratie wordt alleen betaald op de eigen rekening van de klant die bij de toekenning is vastgelegd.'),
  geenKlantrekening: () =>
    w('GEEN_KLANTREKENING', 'Er is geen rekeningnummer van de klant vastgelegd; u kunt de declaratie pas betalen als dat bekend is.'),
  dubbeleFactuur: (referentie: string) =>
    w('DUBBELE_FACTUUR', `Factuur of declaratie ${referentie} is al eerder ingediend voor deze verplichting en wordt niet twee keer betaald.`),
  termijnVereist: () =>
    w(
      'TERMIJN_VEREIST',
      'Deze overeenkomst is no cure less pay: u betaalt het startdeel en, na het resultaat, het resultaatdeel — geen losse facturen.',
    ),
  termijnOngeldig: (bericht: string) => w('TERMIJN_ONGELDIG', bericht),
  termijnAlBetaald: (termijn: string) =>
    w('TERMIJN_AL_BETAALD', `Het ${termijn === 'start' ? 'startdeel' : 'resultaatdeel'} van deze overeenkomst is al betaald of voorgesteld.`),
  resultaatNietBehaald: () =>
    w('RESULTAAT_NIET_BEHAALD', 'Het resultaatdeel wordt pas betaald als de klant werk heeft gevonden.'),
  geweigerdDoorFinancien: (toelichting: string) => w('GEWEIGERD_DOOR_FINANCIEN', `Afgewezen door de financiële afdeling: ${toelichting}`),
};
