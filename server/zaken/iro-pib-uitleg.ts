import { formatEuro } from '../../forms/index.ts';
import type { IroBeleid } from '../../workflows/iro/policy/schema.ts';
import type { PibBeleid } from '../../workflows/pib/policy/schema.ts';
import type { Uitleg } from './regeling-uitleg.ts';

const BEZWAAR = 'Bent u het niet eens met het besluit? Dan kunt u binnen zes weken na de datum van de brief bezwaar maken, in Regie bij uw zaak (artikel 6:7 Awb).';
const ADVIES = 'Wilt u onafhankelijk advies? Vraag het aan een onafhankelijk arbeidsadviseur, de cliëntenraad of het Juridisch Loket (gratis, 0900-8020).';
const termijn = (t: { servicenorm: string; doorlooptijd: string }) =>
  t.doorlooptijd === 'P8W' ? 'U hoort binnen acht weken of uw aanvraag is toegekend (artikel 4:13 Awb).' : `U hoort binnen de wettelijke termijn (${t.doorlooptijd}) of uw aanvraag is toegekend.`;

/** iro (UWV) and rio (gemeente) in plain Dutch, from the policy (seed-003: rights and rules at every step). */
export function iroUitleg(regeling: 'iro' | 'rio', b: IroBeleid): Uitleg {
  const wie = regeling === 'iro' ? 'UWV' : 'de gemeente';
  const voorWie =
    regeling === 'iro'
      ? [`U heeft een ${b.toelating.uitkeringen.join(', ')}-uitkering.`, 'UWV heeft vastgesteld dat u een volledig re-integratietraject nodig heeft.']
      : [
          'U heeft bijstand of u heeft geen uitkering (niet-uitkeringsgerechtigd).',
          ...(b.toelating.minimaleWerkloosheidMaanden ? [`U bent minstens ${b.toelating.minimaleWerkloosheidMaanden} maanden zonder werk.`] : []),
          'Een gewoon re-integratietraject helpt u naar verwachting niet.',
        ];
  return {
    watIsHet:
      `U kiest zelf een re-integratiebedrijf en maakt daar samen een trajectplan mee. ${wie === 'UWV' ? 'UWV' : 'De gemeente'} sluit op uw voorstel een overeenkomst met dat bedrijf. ` +
      `Het bedrijf krijgt ${b.noCureLessPay.startdeelProcent}% bij de start en de rest pas als u minstens zes maanden werkt.`,
    voorWie,
    watMag: `Een traject bij een re-integratiebedrijf uit de lijst, in principe tot ${formatEuro(b.plafondCent)} (exclusief btw).`,
    watNiet: ['Niet: een bedrijf dat niet op de lijst staat (u kunt er wel een voorstellen).', 'Niet: een tweede traject terwijl u er al een volgt.'],
    besluitTermijn: termijn(b.besluittermijn),
    bezwaar: BEZWAAR,
    onafhankelijkAdvies: ADVIES,
  };
}

export function pibUitleg(gemeente: string, b: PibBeleid): Uitleg {
  return {
    watIsHet:
      `Met een persoonlijk inburgeringsbudget (pib) stelt u zelf uw inburgeringsprogramma samen en kiest u de aanbieders. De gemeente ${gemeente} sluit de contracten met hen en betaalt hun facturen.`,
    voorWie: [
      `U bent ${b.toelating.doelgroepen.map((d) => (d === 'verplicht' ? 'inburgeringsplichtig' : 'vrijwillig inburgeraar')).join(' of ')}.`,
      ...(b.toelating.woontInGemeente ? [`U woont in de gemeente ${gemeente}.`] : []),
      ...(b.duaalVoorWWB ? ['Heeft u bijstand? Dan combineert u taal in principe met re-integratie (een duaal programma).'] : []),
    ],
    watMag: `Taalcursussen, kennis van de Nederlandse samenleving en, bij een duaal programma, scholing en begeleiding naar werk, tot ${formatEuro(b.plafondCent)} (exclusief btw).`,
    watNiet: ['Niet: een programma zonder taal- of inburgeringsonderdeel.'],
    besluitTermijn: termijn(b.besluittermijn),
    bezwaar: BEZWAAR,
    onafhankelijkAdvies: ADVIES,
  };
}
