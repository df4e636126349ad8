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
});
