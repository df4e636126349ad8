import { BESLISTERMIJN_BEZWAAR, bezwaarBeslistermijn } from '../../workers/termijnen/index.ts';
import { datumLang } from '../../workers/beschikking/index.ts';

/**
 * The term of a bezwaarzaak. Awb 7:10 lid 1: the beslissing op bezwaar is due six weeks after the
 * day on which the bezwaartermijn of the contested besluit expired (6:7, 6:8 from its
 * verzenddatum, Atw applied), not six weeks after receipt; the Atw applies to the end again.
 * A bezwaar received after the bezwaartermijn counts from its receipt (docs/bezwaar.md).
 * The zaak clock, the process variables and the verdaging (7:10 lid 3) all start from this day.
 * No gemeente has an adviescommissie as in 7:13 configured, so the term is six weeks, not twelve.
 */
export function bezwaarZaakTermijn(besluit: { verzenddatum: string }, ontvangen: string) {
  const termijn = bezwaarBeslistermijn({ verzenddatum: besluit.verzenddatum, ontvangen });
  const bezwaartermijnEinde = termijn.bezwaartermijn.uiterlijkeReactiedatum;
  return {
    /** For `startZaak`: the norms, and day 0 of the zaak clock. */
    zaak: {
      doorlooptijd: BESLISTERMIJN_BEZWAAR,
      servicenorm: BESLISTERMIJN_BEZWAAR,
      beslistermijn: {
        vanaf: termijn.start,
        grondslag: 'Awb 7:10 lid 1',
        toelichting: termijn.naTermijnOntvangen
          ? `Het bezwaar is ontvangen na de bezwaartermijn (tot en met ${datumLang(bezwaartermijnEinde)}); de beslistermijn loopt vanaf de dag na de ontvangst.`
          : `De beslistermijn loopt vanaf de dag na de laatste dag van de bezwaartermijn (${datumLang(bezwaartermijnEinde)}).`,
      },
    },
    /** Start variables of the bezwaar diagram (workflows/prb/process.md §1). */
    variabelen: {
      bezwaarOntvangen: ontvangen,
      bezwaartermijnEinde,
      uiterlijkeEinddatum: termijn.uiterlijkeBeslisdatum,
      verdaagd: false,
    },
  };
}
