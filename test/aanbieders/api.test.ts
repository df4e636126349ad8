import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracteerAanbieder, kiesAanbieder, registreerResultaat } from '../../server/aanbieders/port.ts';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { betaalAanbieder, maakZaak, sluitZaak } from './support.ts';

interface Aanbieder {
  id: string;
  naam: string;
  kvk: string;
  regio: string;
  diensten: string[];
  uwvIroPool: boolean;
  contract: { status: string; regelingen: string[]; inPool: boolean; reden: string | null; voorgesteldDoorU: boolean } | null;
  cijfers: { trajecten: number; geplaatst: number; percentageGeplaatst: number | null; gemiddeldeKostenCents: number | null; perRegeling: unknown[] };
}
interface Problem {
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

const onPg = Boolean(process.env.DATABASE_URL);
let srv: TestServer;
const clients = new Map<string, ApiClient>();
async function as(username: string) {
  let c = clients.get(username);
  if (!c) {
    c = await ApiClient.as(srv.url, username);
    clients.set(username, c);
  }
  return c;
}
const namen = (list: Aanbieder[]) => list.map((a) => a.id).sort();
const aantalAanbieders = async () => Number((await srv.database.db.selectFrom('aanbieders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const aantalContracten = async () =>
  Number((await srv.database.db.selectFrom('aanbieder_contracten').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe(`aanbieders API (${onPg ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('a Rotterdam klant choosing for the rio sees the ribs from UWV’s pool that take gemeente clients, and not UWV-only ones', async () => {
    const klant = await as('klant1.rotterdam');
    const res = await klant.get<Aanbieder[]>('/api/aanbieders?regeling=rio');
    expect(res.status).toBe(200);
    expect(namen(res.body)).toEqual(['demo-havenwerk', 'demo-werkroute']);
    expect(res.body.every((a) => a.uwvIroPool && a.contract?.status === 'in-pool' && a.contract.inPool)).toBe(true);
    // the klant cannot widen the view to other organisations' pools
    expect(namen((await klant.get<Aanbieder[]>('/api/aanbieders?alle=true')).body)).not.toContain('demo-startpunt');
    // UWV sees all three ribs it contracted for the iro
    const uwv = (await (await as('klant1.uwv')).get<Aanbieder[]>('/api/aanbieders?regeling=iro')).body;
    expect(namen(uwv)).toEqual(['demo-jobcoach-noord', 'demo-startpunt', 'demo-werkroute', 'demo-havenwerk'].sort());
  });

  it('filters on dienst, regio (a nationwide aanbieder works everywhere) and free text', async () => {
    const km = await as('klantmanager.almere');
    expect(namen((await km.get<Aanbieder[]>('/api/aanbieders?dienst=heftruck')).body)).toEqual(['demo-vakschool']);
    expect(namen((await km.get<Aanbieder[]>('/api/aanbieders?regio=flevoland')).body)).toEqual(['demo-taalhuis', 'demo-vakschool', 'demo-werkroute']);
    expect(namen((await km.get<Aanbieder[]>('/api/aanbieders?q=inburgering')).body)).toEqual(['demo-taalhuis']);
    const fout = await km.get<Problem>('/api/aanbieders?regeling=wmo');
    expect(fout.status).toBe(400);
    expect(fout.headers.get('content-type')).toContain('application/problem+json');
    expect(fout.body.errors?.[0]?.message).toBe('Kies een bestaande regeling.');
  });

  it('shows each tenant the figures of its own closed zaken only', async () => {
    const db = srv.database.db;
    const ledger = srv.services.ledger;
    const a = await db.selectFrom('aanbieders').selectAll().where('id', '=', 'demo-havenwerk').executeTakeFirstOrThrow();
    for (const [regeling, resultaat, betaald] of [
      ['rio', 'geplaatst', 300_000],
      ['rio', 'niet-geplaatst', 120_000],
      ['rio', 'geplaatst', 180_000],
      ['pib', 'afgerond', 200_000],
    ] as const) {
      const zaakId = await maakZaak(db, 'rotterdam', regeling);
      await kiesAanbieder(db, { tenantId: 'rotterdam', zaakId, aanbiederId: a.id, gekozenDoor: 'rib-samen', actor: 'klantmanager.rotterdam' });
      await contracteerAanbieder(db, { tenantId: 'rotterdam', zaakId, aanbiederId: a.id, bedragCent: 400_000, actor: 'klantmanager.rotterdam' });
      await betaalAanbieder(ledger, 'rotterdam', zaakId, { naam: a.naam, iban: a.iban, kvk: a.kvk }, [betaald]);
      await registreerResultaat(db, { tenantId: 'rotterdam', zaakId, aanbiederId: a.id, resultaat: resultaat, actor: 'klantmanager.rotterdam' });
      await sluitZaak(db, zaakId);
    }
    const rdam = (await (await as('klant1.rotterdam')).get<Aanbieder>('/api/aanbieders/demo-havenwerk')).body;
    expect(rdam.cijfers).toMatchObject({
      trajecten: 4,
      geplaatst: 2,
      percentageGeplaatst: 50,
      gemiddeldeKostenCents: 200_000,
      perRegeling: [
        { regeling: 'pib', trajecten: 1, geplaatst: 0 },
        { regeling: 'rio', trajecten: 3, geplaatst: 2 },
      ],
    });
    const uwv = (await (await as('klantmanager.uwv')).get<Aanbieder>('/api/aanbieders/demo-havenwerk')).body;
    expect(uwv.cijfers).toMatchObject({ trajecten: 0, percentageGeplaatst: null, gemiddeldeKostenCents: null });
  });

  it('vetting: a klant proposes a provider, only they and caseworkers see it, a klantmanager approves it into the pool', async () => {
    const db = srv.database.db;
    const klant = await as('klant1.almere');
    const zaakId = await maakZaak(db, 'almere', 'prb');
    const voorstel = {
      naam: 'Coachpraktijk Zon',
      kvk: '9123 4568',
      iban: 'NL91 ABNA 0417 1643 00',
      regeling: 'prb',
      diensten: ['Loopbaancoaching'],
      regio: 'Flevoland',
      website: 'https://coachpraktijk-zon.example',
      toelichting: 'Deze coach heeft mij eerder goed geholpen.',
    };
    const res = await klant.post<Aanbieder>('/api/aanbieders/voorstellen', voorstel);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kvk: '91234568', contract: { status: 'in-beoordeling', inPool: false, voorgesteldDoorU: true } });
    const id = res.body.id;

    // not choosable yet
    await expect(kiesAanbieder(db, { tenantId: 'almere', zaakId, aanbiederId: id, gekozenDoor: 'klant', actor: 'klant1.almere' })).rejects.toMatchObject({
      code: 'niet-in-pool',
    });
    // a second proposal of the same KvK changes nothing
    const dubbel = await klant.post<Problem>('/api/aanbieders/voorstellen', voorstel);
    expect(dubbel.status).toBe(409);
    expect(dubbel.body.detail).toMatch(/al voorgesteld/);

    // another klant of Almere and anyone in Breda do not see the proposal
    expect((await (await as('klant2.almere')).get(`/api/aanbieders/${id}`)).status).toBe(404);
    expect(namen((await (await as('klant2.almere')).get<Aanbieder[]>('/api/aanbieders')).body)).not.toContain(id);
    expect((await (await as('klantmanager.breda')).get(`/api/aanbieders/${id}`)).status).toBe(404);
    expect(namen((await (await as('klantmanager.breda')).get<Aanbieder[]>('/api/aanbieders?alle=true')).body)).not.toContain(id);
    // a Breda klantmanager cannot vet Almere's proposal
    expect((await (await as('klantmanager.breda')).post(`/api/aanbieders/${id}/beoordeling`, { besluit: 'goedkeuren' })).status).toBe(404);

    const km = await as('klantmanager.almere');
    expect((await km.get<Aanbieder[]>('/api/aanbieders')).body.find((a) => a.id === id)?.contract?.status).toBe('in-beoordeling');
    const zonderReden = await km.post<Problem>(`/api/aanbieders/${id}/beoordeling`, { besluit: 'afwijzen', reden: '  ' });
    expect(zonderReden.status).toBe(400);
    expect(zonderReden.body.detail).toMatch(/Geef de reden/);
    expect((await km.get<Aanbieder>(`/api/aanbieders/${id}`)).body.contract?.status).toBe('in-beoordeling');

    const goed = await km.post<Aanbieder>(`/api/aanbieders/${id}/beoordeling`, { besluit: 'goedkeuren' });
    expect(goed.status).toBe(200);
    expect(goed.body.contract).toMatchObject({ status: 'in-pool', inPool: true, regelingen: ['prb'] });
    expect((await km.post<Problem>(`/api/aanbieders/${id}/beoordeling`, { besluit: 'afwijzen', reden: 'Te laat' })).status).toBe(409);

    // the klant hears it in Berichten
    const berichten = (await klant.get<{ onderwerp: string; tekst: string }[]>('/api/berichten')).body;
    expect(berichten.find((b) => b.onderwerp === 'Uw voorgestelde aanbieder is goedgekeurd')?.tekst).toMatch(/Coachpraktijk Zon goedgekeurd/);
    await kiesAanbieder(db, { tenantId: 'almere', zaakId, aanbiederId: id, gekozenDoor: 'klant', actor: 'klant1.almere' });
    expect(namen((await (await as('klant2.almere')).get<Aanbieder[]>('/api/aanbieders?regeling=prb')).body)).toContain(id);
    // the zaak lists its chosen aanbieder for its own klant and caseworkers, for nobody else
    const gekozen = await klant.get<{ naam: string; status: string; gekozenDoor: string }[]>(`/api/zaken/${zaakId}/aanbieders`);
    expect(gekozen.body).toEqual([expect.objectContaining({ naam: 'Coachpraktijk Zon', status: 'gekozen', gekozenDoor: 'klant' })]);
    expect((await km.get(`/api/zaken/${zaakId}/aanbieders`)).status).toBe(200);
    // and the zaak's timeline says it in words
    const detail = await km.get<{ tijdlijn: { soort: string; zin: string }[] }>(`/api/zaken/${zaakId}`);
    expect(detail.body.tijdlijn.find((t) => t.soort === 'zaak.aanbieder-gekozen')?.zin).toMatch(/^Fatima el Amrani \(klant\) heeft Coachpraktijk Zon als aanbieder gekozen\.$/);
    expect((await (await as('klant2.almere')).get(`/api/zaken/${zaakId}/aanbieders`)).status).toBe(404);
    expect((await (await as('klantmanager.breda')).get(`/api/zaken/${zaakId}/aanbieders`)).status).toBe(404);
  });

  it('a refused proposal shows the klant the reason, and they cannot propose it again', async () => {
    const klant = await as('klant2.breda');
    const id = (
      await klant.post<Aanbieder>('/api/aanbieders/voorstellen', {
        naam: 'Snelcursus Online',
        kvk: '91234569',
        iban: 'NL20INGB0001234567',
        regeling: 'prb',
        diensten: ['Online cursus'],
        regio: 'landelijk',
        toelichting: 'Goedkoop.',
      })
    ).body.id;
    const km = await as('klantmanager.breda');
    const af = await km.post<Aanbieder>(`/api/aanbieders/${id}/beoordeling`, { besluit: 'afwijzen', reden: 'Geen erkend diploma.' });
    expect(af.body.contract).toMatchObject({ status: 'afgewezen', reden: 'Geen erkend diploma.' });
    expect((await klant.get<Aanbieder>(`/api/aanbieders/${id}`)).body.contract?.reden).toBe('Geen erkend diploma.');
    const bericht = (await klant.get<{ onderwerp: string; tekst: string }[]>('/api/berichten')).body.find((b) => b.onderwerp === 'Uw voorgestelde aanbieder is afgewezen');
    expect(bericht?.tekst).toContain('De reden: Geen erkend diploma.');
    const opnieuw = await klant.post<Problem>('/api/aanbieders/voorstellen', {
      naam: 'Snelcursus Online',
      kvk: '91234569',
      iban: 'NL20INGB0001234567',
      regeling: 'prb',
      diensten: ['Online cursus'],
      regio: 'landelijk',
      toelichting: 'Toch graag.',
    });
    expect(opnieuw.status).toBe(409);
    expect(opnieuw.body.detail).toContain('Geen erkend diploma.');
  });

  it('refuses bad input in Dutch and creates nothing', async () => {
    const klant = await as('klant3.almere');
    const voor = { aanbieders: await aantalAanbieders(), contracten: await aantalContracten() };
    const basis = { naam: 'X', kvk: '91230000', iban: 'NL91ABNA0417164300', regeling: 'prb', diensten: ['Iets'], regio: 'Flevoland', toelichting: 'Graag' };
    const kvk = await klant.post<Problem>('/api/aanbieders/voorstellen', { ...basis, kvk: '1234' });
    expect(kvk.status).toBe(400);
    expect(kvk.body.errors).toContainEqual({ field: 'kvk', message: 'Het KvK-nummer bestaat uit 8 cijfers.' });
    const iban = await klant.post<Problem>('/api/aanbieders/voorstellen', { ...basis, iban: 'NL92ABNA0417164300' });
    expect(iban.status).toBe(400);
    expect(iban.body.detail).toBe('Het IBAN klopt niet. Controleer het rekeningnummer.');
    const leeg = await klant.post<Problem>('/api/aanbieders/voorstellen', { ...basis, diensten: [], toelichting: '' });
    expect(leeg.status).toBe(400);
    expect(leeg.body.errors?.map((e) => e.message)).toEqual(expect.arrayContaining(['Noem ten minste één dienst.', 'Vertel kort waarom u deze aanbieder wilt.']));
    const script = await klant.post<Problem>('/api/aanbieders/voorstellen', { ...basis, website: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(script.body.errors).toContainEqual({ field: 'website', message: 'Vul een geldig webadres in, beginnend met https://.' });
    const vreemdeZaak = await maakZaak(srv.database.db, 'breda', 'prb');
    const zaak = await klant.post<Problem>('/api/aanbieders/voorstellen', { ...basis, zaakId: vreemdeZaak });
    expect(zaak.status).toBe(400);
    expect(zaak.body.detail).toMatch(/bestaat niet of is niet van u/);
    expect({ aanbieders: await aantalAanbieders(), contracten: await aantalContracten() }).toEqual(voor);
  });

  it('the beheerder of Rotterdam adds a rib from UWV’s pool to the rio pool and ends it again; other tenants are untouched', async () => {
    const beheerder = await as('beheerder.rotterdam');
    const km = await as('klantmanager.rotterdam');
    const klant = await as('klant1.rotterdam');
    // a caseworker sees the shared list (other organisations' pools) to choose from
    const alle = (await km.get<Aanbieder[]>('/api/aanbieders?alle=true')).body;
    expect(alle.find((a) => a.id === 'demo-jobcoach-noord')).toMatchObject({ contract: null, uwvIroPool: true });
    expect(namen((await klant.get<Aanbieder[]>('/api/aanbieders?regeling=rio')).body)).not.toContain('demo-jobcoach-noord');

    const fout = await beheerder.request<Problem>('PUT', '/api/aanbieders/demo-jobcoach-noord/contract', {
      status: 'in-pool',
      regelingen: ['rio'],
      sinds: '2026-05-01',
      tot: '2026-04-01',
    });
    expect(fout.status).toBe(400);
    expect(fout.body.detail).toMatch(/einddatum van het contract ligt vóór de begindatum/);
    expect((await km.get<Aanbieder>('/api/aanbieders/demo-jobcoach-noord')).body.contract).toBeNull();

    const ok = await beheerder.request<Aanbieder>('PUT', '/api/aanbieders/demo-jobcoach-noord/contract', { status: 'in-pool', regelingen: ['rio'], sinds: '2026-01-01' });
    expect(ok.status).toBe(200);
    expect(namen((await klant.get<Aanbieder[]>('/api/aanbieders?regeling=rio')).body)).toContain('demo-jobcoach-noord');

    await beheerder.request('PUT', '/api/aanbieders/demo-jobcoach-noord/contract', { status: 'beeindigd', regelingen: ['rio'], sinds: '2026-01-01', tot: '2026-02-01' });
    expect(namen((await klant.get<Aanbieder[]>('/api/aanbieders?regeling=rio')).body)).not.toContain('demo-jobcoach-noord');
    // Groningen's and UWV's contracts with the same jobcoach are unchanged
    expect((await (await as('klant1.groningen')).get<Aanbieder>('/api/aanbieders/demo-jobcoach-noord')).body.contract).toMatchObject({ status: 'in-pool', inPool: true });
    expect((await (await as('klant1.uwv')).get<Aanbieder>('/api/aanbieders/demo-jobcoach-noord')).body.contract).toMatchObject({ status: 'gecontracteerd' });
    // a klantmanager may not set contracts
    expect((await km.request('PUT', '/api/aanbieders/demo-jobcoach-noord/contract', { status: 'in-pool', regelingen: ['rio'], sinds: '2026-01-01' })).status).toBe(403);
  });
});
