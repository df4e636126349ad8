import { beschrijfCriterium } from '../../workers/toelating/index.ts';
import type { PrbPolicy } from '../../workflows/prb/policy/schema.ts';
import { formatEuro } from '../../forms/index.ts';
import { duurInWoorden } from '../../workers/termijnen/index.ts';

export interface Uitleg {
  watIsHet: string;
  voorWie: string[];
  watMag: string;
  watNiet: string[];
  besluitTermijn: string;
  bezwaar: string;
  onafhankelijkAdvies: string;
}

const CATEGORIE: Record<string, string> = {
  'investering-eigen-onderneming': 'investeringen in een eigen bedrijf',
  materiaal: '(studie)materiaal zonder duidelijk verband met uw opleiding of werk',
  computer: 'een computer zonder duidelijk verband met uw opleiding of werk',
};

/** The regeling explained in plain Dutch from the gemeente's own policy (seed-003: rights and rules per decision). */
export function prbUitleg(policy: PrbPolicy): Uitleg {
  const gemeente = policy.gemeente;
  const criteria = policy.toelating.waarde.criteria.map((c) => beschrijfCriterium(c as never, gemeente));
  const termijn = policy.besluittermijn.waarde;
  const uitgesloten = [...policy.bestedingen.waarde.uitgesloten, ...policy.bestedingen.waarde.alleenMetAantoonbareRelatie];
  return {
    watIsHet:
      'Met een persoonsgebonden re-integratiebudget (prb) kiest u zelf hoe u weer aan het werk komt. U schrijft een trajectplan met een begroting; ' +
      `de gemeente ${gemeente} beoordeelt het en betaalt de kosten uit uw budget.`,
    voorWie: criteria.length ? criteria.map((c) => `U moet ${c}.`) : ['Iedereen met een uitkering van de gemeente die zelf de regie wil nemen.'],
    watMag: `Opleiding, coaching, bemiddeling en andere kosten die u naar betaald werk brengen, tot ${formatEuro(policy.plafondCent.waarde)} (exclusief btw).`,
    watNiet: uitgesloten.map((c) => `Niet: ${CATEGORIE[c] ?? c}.`),
    besluitTermijn: `U hoort binnen ${duurInWoorden(termijn.servicenorm)} of uw aanvraag is toegekend; wettelijk uiterlijk binnen ${duurInWoorden(termijn.doorlooptijd)} (artikel 4:13 Awb).`,
    bezwaar: 'Bent u het niet eens met het besluit? Dan kunt u binnen zes weken na de datum van de brief bezwaar maken, in Regie bij uw zaak (artikel 6:7 Awb).',
    onafhankelijkAdvies:
      'Wilt u onafhankelijk advies? Vraag het aan een onafhankelijk arbeidsadviseur, de cliëntenraad of het Juridisch Loket (gratis, 0900-8020).',
  };
}
