import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, procesVariabelen } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

const klantRecord = (username: string) =>
  srv.database.db
    .selectFrom('users')
    .innerJoin('klanten', 'klanten.id', 'users.klant_id')
    .select(['klanten.naam', 'klanten.bsn'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();

describe('an aanmelding is in the name of the klant it is for', () => {
  it('a klant who types another name and BSN still applies as themselves', async () => {
    const klant = await ApiClient.as(srv.url, 'klant3.almere');
    const eigen = await klantRecord('klant3.almere');
    // 111222333 is a valid BSN (elfproef), just not this klant's.
    const id = await aanmelden(klant, { naam: 'Iemand Anders', bsn: '111222333' });
    const { aanmelding } = (await procesVariabelen(srv, id)) as { aanmelding: { naam: string; bsn: string } };
    expect(aanmelding).toMatchObject({ naam: eigen.naam, bsn: eigen.bsn });
    expect(eigen.bsn).not.toBe('111222333');
  });

  it('/api/me gives a klant their own naam and BSN to start the form with, and staff none', async () => {
    const klant = await ApiClient.as(srv.url, 'klant3.almere');
    expect((await klant.get<{ klant: unknown }>('/api/me')).body.klant).toEqual(await klantRecord('klant3.almere'));
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    expect((await km.get<{ klant: unknown }>('/api/me')).body.klant).toBeNull();
  });

  it('the klantmanager reads the aanmelding label by label: choices by their label, dates in words', async () => {
    const klant = await ApiClient.as(srv.url, 'klant2.almere');
    const id = await aanmelden(klant, { uitkeringSinds: '2024-01-01', motivatie: 'Ik wil kok worden en zoek zelf een opleiding die bij mij past.' });
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    const res = await km.get<{ formId: string; velden: Array<{ groep: string | null; label: string; waarde: string }> }>(`/api/zaken/${id}/aanmelding`);
    expect(res.status).toBe(200);
    expect(res.body.formId).toBe('prb-aanmelding');
    const waarde = (label: string) => res.body.velden.find((v) => v.label === label)?.waarde;
    expect(waarde('Uw naam')).toBe((await klantRecord('klant2.almere')).naam);
    expect(waarde('Welke uitkering heeft u?')).toBe('Bijstand (Participatiewet)');
    expect(waarde('Sinds wanneer heeft u deze uitkering?')).toBe('1 januari 2024');
    expect(waarde('Volgt u nu al een ander re-integratietraject?')).toBe('Nee');
    expect(waarde('Waarom wilt u een persoonsgebonden re-integratiebudget?')).toBe('Ik wil kok worden en zoek zelf een opleiding die bij mij past.');
    expect(res.body.velden.find((v) => v.label === 'Uw postcode')?.groep).toBe('Contactgegevens');
    // Not for the klant's own screen, nor for financieel: the route is for who holds the intake and decides.
    expect((await klant.get(`/api/zaken/${id}/aanmelding`)).status).toBe(403);
    expect((await (await ApiClient.as(srv.url, 'financieel.almere')).get(`/api/zaken/${id}/aanmelding`)).status).toBe(403);
  });
});
