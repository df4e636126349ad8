import type { Selectable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { zaakFeiten, zaakKlok } from '../../server/zaken/clock.ts';
import { CLOCK_EVENTS, deelIn } from '../../server/zaken/doorlooptijden.ts';
import { bezwaarZaakTermijn } from '../../server/zaken/bezwaar-termijn.ts';
import type { ZaakTable } from '../../server/zaken/tables.ts';

/**
 * A bezwaarzaak's clock reads day 0 of the beslistermijn from its event zaak.beslistermijn-bepaald
 * (Awb 7:10 lid 1), so the zaak, the werkvoorraad and the doorlooptijden count from the end of the
 * bezwaartermijn. Besluit sent Monday 23 November 2026, bezwaar received Wednesday 25 November:
 * the bezwaartermijn runs through Monday 4 January 2027, the beslissing is due Monday 15 February 2027.
 */
const zaak = {
  id: 'b1',
  regeling: 'bezwaar',
  doorlooptijd: 'P6W',
  servicenorm: 'P6W',
  startdatum: '2026-11-25',
  status: 'in-behandeling',
} as unknown as Selectable<ZaakTable>;
const event = (type: string, data: Record<string, unknown>) => ({ type, data: JSON.stringify(data) });

describe('the clock of a bezwaarzaak', () => {
  it('the route gives the zaak day 0 and the diagram the same date', () => {
    const termijn = bezwaarZaakTermijn({ verzenddatum: '2026-11-23' }, '2026-11-25');
    expect(termijn.zaak).toMatchObject({ doorlooptijd: 'P6W', beslistermijn: { vanaf: '2027-01-04', grondslag: 'Awb 7:10 lid 1' } });
    expect(termijn.zaak.beslistermijn.toelichting).toContain('4 januari 2027');
    expect(termijn.variabelen).toEqual({ bezwaarOntvangen: '2026-11-25', bezwaartermijnEinde: '2027-01-04', uiterlijkeEinddatum: '2027-02-15', verdaagd: false });
  });

  it('counts from the event, and the doorlooptijden load that event', () => {
    const events = [event('zaak.aangemaakt', {}), event('zaak.beslistermijn-bepaald', { vanaf: '2027-01-04', grondslag: 'Awb 7:10 lid 1' })];
    expect(zaakFeiten(zaak, events)).toMatchObject({ startdatum: '2026-11-25', beslistermijnVanaf: '2027-01-04' });
    expect(zaakKlok(zaak, events, '2027-01-20').uiterlijkeEinddatumAfdoening).toBe('2027-02-15');
    expect(CLOCK_EVENTS).toContain('zaak.beslistermijn-bepaald');
    // Six weeks after receipt (6 January 2027) the zaak is still within its term.
    expect(deelIn(zaak, events, '2027-01-07')?.categorie).toBe('in-termijn');
    expect(deelIn(zaak, events, '2027-02-16')?.categorie).toBe('over-termijn');
    // A beslissing sent on 10 February 2027 was on time.
    const besloten = [...events, event('zaak.besluit-bekendgemaakt', { verzenddatum: '2027-02-10' })];
    expect(deelIn({ ...zaak, status: 'besloten' }, besloten, '2027-03-01')?.categorie).toBe('besloten-binnen-termijn');
  });
});
