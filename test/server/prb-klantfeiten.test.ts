import { describe, expect, it } from 'vitest';
import { metToelatingsbeoordeling } from '../../server/zaken/prb-klantfeiten.ts';

describe('metToelatingsbeoordeling: the klantmanager completes the aanmelding’s facts', () => {
  const aanmelding = { woontInGemeente: true, beschikbaarVoorArbeid: true, uitkering: { soort: 'WWB' as const, duurMaanden: null }, passendRegulierAanbod: null, geredeKansOpUitstroom: null };

  it('fills in what was unknown: ja/nee as booleans, months as numbers, the benefit’s duration on the benefit', () => {
    const feiten = metToelatingsbeoordeling(aanmelding, { passendRegulierAanbod: 'nee', geredeKansOpUitstroom: 'ja', uitkeringsduurMaanden: 14, toelichting: 'Gesprek met de klant' });
    expect(feiten).toMatchObject({ passendRegulierAanbod: false, geredeKansOpUitstroom: true, uitkering: { soort: 'WWB', duurMaanden: 14 } });
  });

  it('never overwrites what the klant stated in the aanmelding', () => {
    const feiten = metToelatingsbeoordeling(aanmelding, { beschikbaarVoorArbeid: 'nee', toelichting: 'x' });
    expect(feiten.beschikbaarVoorArbeid).toBe(true);
  });

  it('without a beoordeling the facts are the aanmelding’s', () => {
    expect(metToelatingsbeoordeling(aanmelding, null)).toEqual(aanmelding);
  });
});
