import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, doTask, procesVariabelen, TODAY, until } from './prb-support.ts';
import { geplaatst, iroAanmelding, start, totUitvoering } from './iro-support.ts';

let srv: TestServer;
beforeAll(async () => {
  // The shipped catalog: UWV's policy with plaatsingsduur P6M.
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

describe('iro: the placement check falls six months after the placement started', () => {
  it('schedules the check at the start date + P6M (end of month clamps), and pays no result part before it', async () => {
    const a = await accounts(srv, 'uwv');
    const id = await start(a.klant, 'iro', iroAanmelding());
    await doTask(a.km, id, 'AfstandBepalen', { afstand: { uitkering: 'WIA', casemanager: 'arbeidsdeskundige', trajectindicatie: 'volledig-traject', lopendTraject: 'nee', toelichting: 'Volledig traject nodig na de WIA-beoordeling.' } });
    await doTask(a.km, id, 'Voorlichting', { voorlichting: { datum: TODAY, gegevenDoor: 'arbeidsdeskundige', klantKiestIro: true, toelichting: '' } });
    await totUitvoering(a, id, () => doTask(a.klant, id, 'RibKiezen', { ribKeuze: { aanbiederId: 'demo-werkroute', motivatie: '' } }));
    await doTask(a.km, id, 'TrajectVolgen', { uitvoering: { ...geplaatst.uitvoering, plaatsing: { ...geplaatst.uitvoering.plaatsing, startdatum: '2026-10-31' } } });
    const row = await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', id).executeTakeFirstOrThrow();
    const timer = await until(
      () =>
        srv.database.db
          .selectFrom('engine_timers')
          .select(['element_id', 'due_at', 'state'])
          .where('instance_key', '=', row.process_instance_key!)
          .where('element_id', '=', 'ZesMaanden')
          .executeTakeFirst(),
      'plaatsingstimer',
    );
    // 31 October + 6 months = 30 April (FEEL clamps to the month's last day), midnight Dutch winter time.
    expect(timer).toMatchObject({ state: 'pending' });
    expect(new Date(timer.due_at).toISOString()).toBe('2027-04-29T23:00:00.000Z');
    expect((await procesVariabelen(srv, id)).plaatsingsduur).toBe('P6M');
    const betalingen = (await srv.services.ledger.readZaak('uwv', id)).betalingen;
    expect(betalingen.map((b) => b.termijn)).toEqual(['start']);
  });
});
