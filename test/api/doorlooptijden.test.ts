import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Cijfers {
  regeling: string;
  lopend: { inTermijn: number; risico: number; overTermijn: number };
  besloten: number;
  mediaanDoorlooptijdDagen: number | null;
  binnenTermijn: number;
}

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
});
afterAll(() => srv?.stop());

/** A zaak with a known start (and besluit), written as the commands would leave it. */
async function zaak(tenantId: string, regeling: 'prb' | 'pib', startdatum: string, bekendgemaakt?: string) {
  const db = srv.database.db;
  const klant = await db.selectFrom('klanten').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('zaken')
    .values({
      id,
      identificatie: `T-${id.slice(0, 8)}`,
      tenant_id: tenantId,
      regeling,
      klant_id: klant.id,
      hoofdzaak_id: null,
      bpmn_process_id: 'intake-test',
      process_instance_key: null,
      policy_id: null,
      status: bekendgemaakt ? 'besloten' : 'in-behandeling',
      doorlooptijd: 'P8W',
      servicenorm: 'P4W',
      startdatum,
      einddatum: null,
      resultaat: null,
      created_by: 'test',
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (bekendgemaakt) {
    await db
      .insertInto('zaak_events')
      .values({ zaak_id: id, tenant_id: tenantId, type: 'zaak.besluit-bekendgemaakt', data: JSON.stringify({ verzenddatum: bekendgemaakt }), actor: 'test', occurred_at: now, idempotency_key: null })
      .execute();
  }
}

describe('GET /api/doorlooptijden (manager)', () => {
  it('counts running zaken by term status and gives the median time to besluit and the share within the legal term', async () => {
    const today = todayInAmsterdam(new Date());
    // Decided: 14, 42 and 70 days after a Monday start; the legal term (P8W) ends on 2 March.
    await zaak('almere', 'prb', '2026-01-05', '2026-01-19');
    await zaak('almere', 'prb', '2026-01-05', '2026-02-16');
    await zaak('almere', 'prb', '2026-01-05', '2026-03-16');
    // Running: just started; past the servicenorm (P4W) only; past the legal term.
    await zaak('almere', 'prb', today);
    await zaak('almere', 'prb', addDays(today, -35));
    await zaak('almere', 'prb', addDays(today, -70));
    await zaak('almere', 'pib', addDays(today, -3));
    // Another gemeente's zaken never count.
    await zaak('breda', 'prb', '2026-01-05', '2026-06-01');
    await zaak('breda', 'prb', addDays(today, -70));

    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const res = await manager.get<{ peildatum: string; regelingen: Cijfers[] }>('/api/doorlooptijden');
    expect(res.status).toBe(200);
    expect(res.body.peildatum).toBe(today);
    expect(res.body.regelingen).toEqual([
      { regeling: 'pib', lopend: { inTermijn: 1, risico: 0, overTermijn: 0 }, besloten: 0, mediaanDoorlooptijdDagen: null, binnenTermijn: 0 },
      { regeling: 'prb', lopend: { inTermijn: 1, risico: 1, overTermijn: 1 }, besloten: 3, mediaanDoorlooptijdDagen: 42, binnenTermijn: 2 },
    ]);
    expect((await (await ApiClient.as(srv.url, 'klantmanager.almere')).get('/api/doorlooptijden')).status).toBe(403);
  });
});
