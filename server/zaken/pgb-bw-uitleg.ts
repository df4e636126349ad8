import { parseDuration } from '../../workers/termijnen/index.ts';
import { formatEuro } from '../../forms/index.ts';
import type { PgbBwPolicy } from '../../workflows/pgb-bw/policy/schema.ts';
import { regelsVan } from '../../workflows/pgb-bw/policy/load.ts';
import type { Uitleg } from './regeling-uitleg.ts';

function weken(iso: string): string {
  const d = parseDuration(iso);
  const dagen = d.weken * 7 + d.dagen;
  return d.jaren === 0 && d.maanden === 0 && dagen % 7 === 0 ? `${dagen / 7} weken` : iso;
}

/** The pgb bw explained in plain Dutch from the gemeente's own verordening (the Regelingen page). */
export function pgbBwUitleg(policy: PgbBwPolicy): Uitleg {
  const r = regelsVan(policy);
  const gemeente = policy.gemeente;
  const w = r.werkgeverEisen;
  const werkgever = [`een arbeidsovereenkomst van minstens ${w.minContractMaanden} maanden`];
  if (w.kvk) werkgever.push('inschrijving bij de Kamer van Koophandel');
  if (w.caoLoon) werkgever.push('salaris volgens de cao');
  if (w.minDagdelenPerWerkdag) werkgever.push('minstens één dagdeel werk per werkdag');
  const jobfinding =
    r.jobfinding.soort === 'geen'
      ? ''
      : `, het vinden van uw baan door de begeleidingsorganisatie (alleen betaald als u geplaatst wordt${r.jobfinding.maxCent ? `, hoogstens ${formatEuro(r.jobfinding.maxCent)}` : ''})`;
  return {
    watIsHet:
      'Met een persoonsgebonden budget begeleid werken (pgb bw) werkt u met uw Wsw-indicatie bij een gewone werkgever, met begeleiding van een organisatie die u zelf kiest. ' +
      `De gemeente ${gemeente} betaalt uw werkgever en uw begeleidingsorganisatie; u krijgt het geld niet zelf.`,
    voorWie: [
      'U heeft een geldige Wsw-indicatie.',
      r.wachtlijst.heleWachtlijst
        ? `U werkt in het sw-bedrijf, bent gedetacheerd of staat op de wachtlijst en bent beschikbaar voor werk. In ${gemeente} hoeft u nog niet aan de beurt te zijn: tot dan betaalt de gemeente uit een ander budget.`
        : 'U werkt in het sw-bedrijf, bent gedetacheerd, of staat op de wachtlijst, bent beschikbaar voor werk en bent aan de beurt.',
      'U werkt nog niet begeleid bij een gewone werkgever.',
      `Uw werkgever biedt ${werkgever.join(', ').replace(/, ([^,]*)$/, ' en $1')}.`,
    ],
    watMag:
      `Een vergoeding voor uw werkgever (op basis van uw loonwaarde), begeleiding op het werk${r.begeleiding.maxProcentVanWerkuren !== null ? ` (hoogstens ${r.begeleiding.maxProcentVanWerkuren}% van uw werkuren)` : ''}${jobfinding} ` +
      `en eenmalige aanpassingen van uw werkplek. Samen tot ongeveer ${formatEuro(r.plafond.basisCent)} of ${formatEuro(r.plafond.verhoogdCent)} per jaar, afhankelijk van uw indicatie; de uitvoeringskosten van de gemeente gaan daar eerst af.`,
    watNiet: [
      'Niet: geld op uw eigen rekening. De gemeente betaalt alleen uw werkgever en uw begeleidingsorganisatie.',
      ...(r.jobfinding.soort === 'geen' ? ['Niet: een vergoeding voor het zoeken van een baan (jobfinding).'] : []),
    ],
    besluitTermijn: `U hoort uiterlijk binnen ${weken(r.besluittermijn.doorlooptijd)} of uw aanvraag is toegekend (artikel 4:13 Awb). Uw aanvraag is pas compleet als u, uw werkgever en uw begeleidingsorganisatie haar hebben ondertekend.`,
    bezwaar: 'Bent u het niet eens met het besluit? Dan kunt u binnen zes weken na de datum van de brief bezwaar maken, in Regie bij uw zaak (artikel 6:7 Awb).',
    onafhankelijkAdvies: 'Wilt u hulp bij uw aanvraag? Vraag bij uw aanmelding om een onafhankelijke pgb bw-adviseur. Die adviseert u en beslist niet over uw aanvraag.',
  };
}
