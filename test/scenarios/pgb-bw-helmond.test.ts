import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TODAY, accounts, beoordeling, bericht, beschikt, betalingen, budgetVan, doTask, openTask, procesVariabelen, totAanvraagIngediend, until, wachtOpBetaling, wachtOpStatus, goedkeuren, zaak, aanvraag, BEGELEIDER, WERKGEVER } from './pgb-bw-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('pgb bw in Helmond', () => {
  it('accepts the employer subsidy without loonwaardebepaling at ≤ 50% of gross wage, grants, and pays only werkgever and begeleidingsorganisatie', async () => {
    const a = await accounts(srv, 'helmond', 1);
    // € 12.000 proposed on a gross wage of € 24.000: exactly 50%.
    const id = await totAanvraagIngediend(a);
    await openTask(a.km, id, 'Beoordeling');
    const budget = await budgetVan(srv, id);
    expect(budget.loonwaarde.route).toBe('automatisch-geaccepteerd');
    expect(budget.uitkomst).toBe('binnen-plafond');
    // Uitvoeringskosten 5% of loonkostensubsidie + bemiddeling (L551): € 600.
    expect(budget.uitvoeringskostenCent).toBe(60_000);
    expect(budget.componenten.begeleidingPerJaarCent).toBe(2 * 6_000 * 52);
    // No loonwaardebepaling was asked for.
    const tasks = (await a.km.get<{ items: { elementId: string }[] }>(`/api/tasks?zaakId=${id}&pageSize=100`)).body.items;
    expect(tasks.map((t) => t.elementId)).not.toContain('Loonwaarde');

    await doTask(a.km, id, 'Beoordeling', beoordeling('toekennen'));
    const z = await beschikt(a, id);
    expect(z.budget).toMatchObject({ toegekendCents: 1_200_000 + 624_000, gereserveerdCents: 0 });
    const besluit = (await procesVariabelen(srv, id)).besluit as { uitkomst: string; voorwaarden: string[]; financiering: { bron: string } };
    expect(besluit.uitkomst).toBe('toekenning');
    expect(besluit.voorwaarden.join('\n')).toMatch(/Jaarlijkse|jaarlijks een opgave van het bruto cao-loon/);
    expect(besluit.voorwaarden.join('\n')).toContain('nooit aan u');
    await openTask(a.km, id, 'UitvoeringVolgen');

    // The werkgever's yearly wage statement pays the yearly subsidy to the werkgever.
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { periodeVan: TODAY, periodeTot: TODAY, maanden: 12, brutoLoonCent: 2_400_000 } }, `${id}-lo-1`);
    // An invoice of the begeleidingsorganisatie, within the granted hours.
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'begeleiding', bedragCents: 48_000, referentie: 'JB-2026-001', uren: 8, weken: 4 } }, `${id}-f-1`);
    const rows = await wachtOpBetaling(srv, id, 2);
    // Above € 1.000 finance approves first (four eyes); the small invoice is approved by the rules.
    expect(rows.map((r) => [r.payee_naam, r.iban, r.bedrag_cents, r.status, r.financieringsbron])).toEqual([
      [WERKGEVER.naam, WERKGEVER.iban, 1_200_000, 'voorgesteld', 'wsw-budget'],
      [BEGELEIDER.naam, BEGELEIDER.iban, 48_000, 'goedgekeurd', 'wsw-budget'],
    ]);
    await goedkeuren(a.fin, id, 'Werkgever');
    await wachtOpStatus(srv, id, 'werkgever', 'goedgekeurd');

    // More hours than granted (2 a week) is refused; the same statement twice is paid once.
    await bericht(a.km, 'pgb-bw-factuur', id, { factuur: { onderdeel: 'begeleiding', bedragCents: 60_000, referentie: 'JB-2026-002', uren: 10, weken: 4 } }, `${id}-f-2`);
    await until(async () => ((await procesVariabelen(srv, id)).betaling as { redenCode?: string } | undefined)?.redenCode === 'BOVEN_UREN', 'uren geweigerd');
    await bericht(a.km, 'pgb-bw-loonopgave', id, { loonopgave: { periodeVan: TODAY, periodeTot: TODAY, maanden: 12, brutoLoonCent: 2_400_000 } }, `${id}-lo-2`);
    const na = await wachtOpBetaling(srv, id, 3);
    expect(na[2]).toMatchObject({ status: 'afgewezen', reden_code: 'DUBBELE_FACTUUR' });
    const z2 = await zaak(a.km, id);
    expect(z2.budget).toMatchObject({ gereserveerdCents: 1_248_000 });

    // Finance bundles the approved payments into one SEPA file: werkgever and begeleidingsorganisatie, never the klant.
    const batch = await a.fin.post<{ id: string; aantal: number; totaalCents: number }>('/api/betalingen/batches', { uitvoeringsdatum: TODAY });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect(batch.body).toMatchObject({ aantal: 2, totaalCents: 1_248_000 });
    const xml = (await a.fin.get<string>(`/api/betalingen/batches/${batch.body.id}/pain001`)).body;
    const crediteuren = [...xml.matchAll(/<Cdtr>\s*<Nm>([^<]+)<\/Nm>/g)].map((m) => m[1]).sort();
    expect(crediteuren).toEqual([BEGELEIDER.naam, WERKGEVER.naam].sort());
    expect(xml).toContain(WERKGEVER.iban);
    expect(xml).toContain(BEGELEIDER.iban);
    expect((await betalingen(srv, id)).filter((b) => b.status === 'in-batch')).toHaveLength(2);
    expect(await srv.engine.listIncidents({ tenantId: 'helmond', state: 'active' })).toEqual([]);
  });

  it('returns an aanvraag without the werkgever’s signature for repair, and continues once all three have signed', async () => {
    const a = await accounts(srv, 'helmond', 2);
    const id = await totAanvraagIngediend(a, { aanvraag: { ondertekening: { werkgever: { naam: '', datum: null } } } });
    const taak = await openTask(a.klant, id, 'Aanvullen');
    expect(taak.formId).toBe('pgb-bw-aanvullen');
    const z = await zaak(a.klant, id);
    expect(z.status).toBe('opgeschort');
    expect((await procesVariabelen(srv, id)).aanvraagToets).toMatchObject({ volledig: false, ontbrekend: [{ code: 'R04', omschrijving: expect.stringContaining('de werkgever ontbreekt') }] });
    const brief = await until(async () => (await a.klant.get<{ onderwerp: string; tekst: string; zaakId: string }[]>('/api/berichten')).body.find((b) => b.zaakId === id && /niet compleet/.test(b.onderwerp)), 'hersteltermijnbericht');
    expect(brief.tekst).toContain('de werkgever ontbreekt');

    await doTask(a.klant, id, 'Aanvullen', aanvraag());
    await openTask(a.km, id, 'Beoordeling');
    expect((await zaak(a.km, id)).status).not.toBe('opgeschort');
  });
});
