// @vitest-environment jsdom
/** The checks of the "Uitvoering pgb bw" forms: what they refuse in Dutch, that what they send is what the server's schemas accept, and when "aan de beurt" is offered. */
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FORMULIEREN, PgbBwUitvoering, controleer, type UitvoeringFormulier } from '../../ui/src/components/PgbBwUitvoering.tsx';
import type { PgbBwWachtlijst } from '../../ui/src/regie-api.ts';
import { AanDeBeurtSchema, EindeSchema, FactuurSchema, HerindicatieSchema, LoonopgaveSchema, PlaatsingSchema } from '../../server/pgb-bw/uitvoering-routes.ts';
import { vandaag } from '../../ui/src/lib/format.ts';

const formulier = (soort: UitvoeringFormulier['soort']) => FORMULIEREN.find((f) => f.soort === soort)!;

describe('Uitvoering pgb bw forms', () => {
  it('names every empty required field of the loonopgave in Dutch, and no optional one', () => {
    const { fouten } = controleer(formulier('loonopgave'), {});
    expect(fouten).toEqual({
      periodeVan: 'Vul “Eerste dag van de periode” in.',
      periodeTot: 'Vul “Laatste dag van de periode” in.',
      maanden: 'Vul “Aantal maanden van de periode” in.',
      brutoLoonCent: 'Vul “Betaald brutoloon over de periode” in.',
    });
  });

  it('sends amounts in cents and numbers as numbers, which the server accepts', () => {
    const { body, fouten } = controleer(formulier('loonopgave'), { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: '3', brutoLoonCent: '6.000,50', contracturenPerWeek: '32,5' });
    expect(fouten).toEqual({});
    expect(body).toEqual({ periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: 3, brutoLoonCent: 600_050, contracturenPerWeek: 32.5 });
    expect(LoonopgaveSchema.safeParse(body).success).toBe(true);
  });

  it('refuses more months than the period touches, as the server does', () => {
    const v = { periodeVan: '2026-01-01', periodeTot: '2026-03-31', maanden: '12', brutoLoonCent: '6.000,00' };
    const { body, fouten } = controleer(formulier('loonopgave'), v);
    expect(fouten.maanden).toBe('De periode loopt over 3 kalendermaanden; vul niet meer maanden in.');
    expect(LoonopgaveSchema.safeParse(body).error?.issues.map((i) => i.message)).toEqual([fouten.maanden]);
    expect(controleer(formulier('loonopgave'), { ...v, periodeVan: '2026-01-15', periodeTot: '2026-04-14', maanden: '3' }).fouten).toEqual({});
  });

  it('refuses a bad amount and a zero amount', () => {
    expect(controleer(formulier('factuur'), { onderdeel: 'werkplekaanpassing', referentie: 'W-1', bedragCents: 'tien euro' }).fouten.bedragCents).toBe('Vul het bedrag in euro’s in, bijvoorbeeld 1.234,56.');
    expect(controleer(formulier('factuur'), { onderdeel: 'werkplekaanpassing', referentie: 'W-1', bedragCents: '0,00' }).fouten.bedragCents).toBe('Het bedrag moet groter zijn dan € 0,00.');
  });

  it('asks hours and weeks only for a begeleidingsfactuur', () => {
    const wpa = controleer(formulier('factuur'), { onderdeel: 'werkplekaanpassing', referentie: 'W-1', bedragCents: '2.500,00', uren: '8' });
    expect(wpa.fouten).toEqual({});
    expect(wpa.body).toEqual({ onderdeel: 'werkplekaanpassing', referentie: 'W-1', bedragCents: 250_000 });
    expect(FactuurSchema.safeParse(wpa.body).success).toBe(true);
    const begeleiding = controleer(formulier('factuur'), { onderdeel: 'begeleiding', referentie: 'JB-1', bedragCents: '480,00' });
    expect(Object.keys(begeleiding.fouten).sort()).toEqual(['uren', 'weken']);
  });

  it('sends the plaatsing and the einde in the shapes of the process', () => {
    const p = controleer(formulier('plaatsing'), { werkgever: 'Groothandel Van Dijk', datum: '2026-01-05', contractGetekend: 'ja' });
    expect(p.body).toEqual({ werkgever: 'Groothandel Van Dijk', datum: '2026-01-05', contractGetekend: true });
    expect(PlaatsingSchema.safeParse(p.body).success).toBe(true);
    const e = controleer(formulier('einde-dienstverband'), { reden: 'terug-naar-sw-bedrijf', einddatum: '2026-06-30', toelichting: 'Terug naar het sw-bedrijf.' });
    expect(e.fouten).toEqual({});
    expect(EindeSchema.safeParse(e.body).success).toBe(true);
    expect(controleer(formulier('einde-dienstverband'), { reden: '', einddatum: '', toelichting: '' }).fouten.reden).toBe('Maak een keuze bij “Reden”.');
  });

  it('sends aan de beurt and the herindicatie in the shapes of the process', () => {
    const a = controleer(formulier('aan-de-beurt'), { datum: '2027-02-01' });
    expect(a).toEqual({ body: { datum: '2027-02-01' }, fouten: {} });
    expect(AanDeBeurtSchema.safeParse(a.body).success).toBe(true);
    expect(controleer(formulier('aan-de-beurt'), { datum: '' }).fouten).toEqual({ datum: 'Vul “Datum waarop de klant aan de beurt is” in.' });

    const h = controleer(formulier('herindicatie'), { datum: '2026-01-05', uitkomst: 'indicatie-vervallen', toelichting: ' UWV: geen Wsw-indicatie meer. ' });
    expect(h).toEqual({ body: { datum: '2026-01-05', uitkomst: 'indicatie-vervallen', toelichting: 'UWV: geen Wsw-indicatie meer.' }, fouten: {} });
    expect(HerindicatieSchema.safeParse(h.body).success).toBe(true);
  });

  it('refuses a herindicatie dated in the future, an empty choice and a toelichting over 4.000 tekens, as the server does', () => {
    const morgen = new Date(Date.parse(`${vandaag()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { body, fouten } = controleer(formulier('herindicatie'), { datum: morgen, uitkomst: '', toelichting: 'x'.repeat(4001) });
    expect(fouten).toEqual({
      datum: '“Datum van de herindicatie” ligt in de toekomst. Leg dit vast op of na die dag.',
      uitkomst: 'Maak een keuze bij “Wat zegt de herindicatie?”.',
      toelichting: 'Gebruik hoogstens 4.000 tekens.',
    });
    expect(body).toEqual({});
    expect(HerindicatieSchema.safeParse({ datum: morgen, uitkomst: 'indicatie-blijft', toelichting: 'x'.repeat(4001) }).error?.issues.map((i) => i.message)).toEqual(['Gebruik hoogstens 4.000 tekens.']);
  });
});

describe('Uitvoering pgb bw: klant aan de beurt op de wachtlijst', () => {
  afterEach(cleanup);
  const toon = (wachtlijst: PgbBwWachtlijst) => render(createElement(PgbBwUitvoering, { zaakId: 'z1', wachtlijst, onSent: () => {} }));
  const formulier = () => screen.queryByRole('form', { name: 'Klant aan de beurt op de wachtlijst' });
  const gemeld = () => screen.queryByText(/De klant is aan de beurt gemeld op/);

  it('offers the form while the gemeente pre-finances and the klant is not yet aan de beurt', () => {
    toon({ voorgefinancierd: true, aanDeBeurtOp: null });
    expect(formulier()).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Aan de beurt vastleggen' })).toBeTruthy();
    expect(gemeld()).toBeNull();
  });

  it('says from which day the Wsw budget pays once the klant is aan de beurt, instead of the form', () => {
    toon({ voorgefinancierd: true, aanDeBeurtOp: '2027-02-01' });
    expect(formulier()).toBeNull();
    expect(gemeld()?.textContent).toBe('De klant is aan de beurt gemeld op 1 februari 2027; vanaf die dag betaalt het Wsw-budget.');
  });

  it('shows nothing about it when the Wsw budget pays from the start, and keeps the other forms', () => {
    toon({ voorgefinancierd: false, aanDeBeurtOp: null });
    expect(formulier()).toBeNull();
    expect(gemeld()).toBeNull();
    expect(screen.queryByText(/aan de beurt/i)).toBeNull();
    expect(screen.getAllByRole('form').map((f) => f.getAttribute('aria-labelledby') && document.getElementById(f.getAttribute('aria-labelledby')!)?.textContent)).toEqual(
      FORMULIEREN.filter((f) => f.soort !== 'aan-de-beurt').map((f) => f.titel),
    );
  });
});
