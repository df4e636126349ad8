import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowEngine } from '../../engine/port.ts';
import { aanvraagIntrekken } from '../../server/zaken/commands/aanvraag-intrekken.ts';
import { ApiClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { accounts, aanmelden, berichten, openTask, toegekendeZaak, until, zaak, type Accounts } from '../scenarios/prb-support.ts';

const NIET_MEER = 'De aanvraag kan niet meer worden ingetrokken: er is al een besluit genomen of de zaak is afgesloten.';

interface Tijdlijn {
  tijdlijn: { soort: string; door: string | null; zin: string }[];
}

let srv: TestServer;
let a: Accounts;
beforeAll(async () => {
  srv = await startTestServer();
  a = await accounts(srv, 'almere');
});
afterAll(() => srv?.stop());

/** What a withdrawal would change: the zaak row, its events and the engine's open tasks. */
async function toestand(id: string) {
  const db = srv.database.db;
  const row = await db.selectFrom('zaken').select(['status', 'resultaat', 'einddatum', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const events = await db.selectFrom('zaak_events').select(['type']).where('zaak_id', '=', id).orderBy('id').execute();
  const taken = (await a.km.get<{ items: { elementId: string }[] }>(`/api/tasks?zaakId=${id}&pageSize=100`)).body.items.map((t) => t.elementId);
  return { row, events: events.map((e) => e.type), taken };
}

/** A prb aanvraag of klant1 whose behandeling runs: the intake waits in the klantmanager's werkvoorraad. */
async function lopendeAanvraag() {
  const id = await aanmelden(a.klant);
  await openTask(a.km, id, 'Intake');
  return id;
}

async function afgeslotenAlsIngetrokken(c: ApiClient, id: string) {
  return until(async () => {
    const z = await zaak(c, id);
    return z.status === 'afgesloten' ? z : null;
  }, `zaak ${id} afgesloten`);
}

describe('een aanvraag intrekken (POST /api/zaken/:id/intrekken)', () => {
  it('the klant withdraws their own prb aanvraag before the besluit: the process closes the zaak as ingetrokken and the task leaves the werkvoorraad', async () => {
    const id = await lopendeAanvraag();
    const res = await a.klant.post<{ id: string; fase: string | null }>(`/api/zaken/${id}/intrekken`, { reden: 'Ik heb zelf werk gevonden.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.id).toBe(id);

    const z = await afgeslotenAlsIngetrokken(a.klant, id);
    expect(z.resultaat).toBe('ingetrokken');
    const na = await toestand(id);
    expect(na.row.einddatum).toBeTruthy();
    expect(na.taken).toEqual([]);
    const ingetrokken = await srv.database.db.selectFrom('zaak_events').selectAll().where('zaak_id', '=', id).where('type', '=', 'zaak.aanvraag-ingetrokken').execute();
    expect(ingetrokken).toHaveLength(1);
    expect(ingetrokken[0]!.actor).toBe('klant1.almere');
    expect(JSON.parse(ingetrokken[0]!.data)).toMatchObject({ reden: 'Ik heb zelf werk gevonden.' });
    // The process confirms it to the klant (prb: NotificatieIngetrokken).
    await until(async () => (await berichten(a.klant)).some((b) => b.zaakId === id && b.onderwerp === 'Uw aanvraag is ingetrokken'), 'bericht aan de klant');
    // The klant reads it in their own timeline, in words.
    const tijdlijn = (await a.klant.get<Tijdlijn>(`/api/zaken/${id}`)).body.tijdlijn;
    expect(tijdlijn.find((t) => t.soort === 'zaak.aanvraag-ingetrokken')?.zin).toMatch(/heeft de aanvraag ingetrokken\.$/);

    // Once closed, a second attempt is refused and writes nothing.
    const nogmaals = await a.klant.post<{ detail: string }>(`/api/zaken/${id}/intrekken`, {});
    expect(nogmaals.status).toBe(409);
    expect(nogmaals.body.detail).toBe(NIET_MEER);
    expect(await toestand(id)).toEqual(na);
  });

  it('another klant of the gemeente, and every user of another gemeente, gets 404 and nothing changes', async () => {
    const id = await lopendeAanvraag();
    const voor = await toestand(id);
    for (const username of ['klant2.almere', 'klant1.breda', 'klantmanager.breda']) {
      const c = await ApiClient.as(srv.url, username);
      const res = await c.post<{ detail: string }>(`/api/zaken/${id}/intrekken`, {});
      expect(res.status, username).toBe(404);
    }
    expect(await toestand(id)).toEqual(voor);
  });

  it('a reden longer than 1000 characters, or an unknown field, is 400 with a Dutch message and nothing changes', async () => {
    const id = await lopendeAanvraag();
    const voor = await toestand(id);
    const lang = await a.klant.post<{ status: number; errors: { field: string; message: string }[] }>(`/api/zaken/${id}/intrekken`, { reden: 'x'.repeat(1001) });
    expect(lang.status).toBe(400);
    expect(lang.body.errors).toEqual([{ field: 'reden', message: 'Gebruik hoogstens 1.000 tekens voor de reden.' }]);
    const vreemd = await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 'ok', besluit: 'afwijzen' });
    expect(vreemd.status).toBe(400);
    const geenTekst = await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 42 });
    expect(geenTekst.status).toBe(400);
    expect(await toestand(id)).toEqual(voor);
    // Exactly 1000 is allowed.
    expect((await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 'x'.repeat(1000) })).status).toBe(200);
  });

  it('after the besluit the withdrawal is refused with 409 and no zaak event is written', async () => {
    const { id } = await toegekendeZaak(a);
    const voor = await toestand(id);
    expect(voor.taken).toContain('TrajectVolgen');
    for (const c of [a.klant, a.km]) {
      const res = await c.post<{ status: number; detail: string }>(`/api/zaken/${id}/intrekken`, { reden: 'Toch niet.' });
      expect(res.status).toBe(409);
      expect(res.body.detail).toBe(NIET_MEER);
    }
    const na = await toestand(id);
    expect(na).toEqual(voor);
    expect(na.events).not.toContain('zaak.aanvraag-ingetrokken');

    // Between the besluit and its bekendmaking the zaak row still says in behandeling; the diagram no longer waits, and decides.
    await srv.database.db.updateTable('zaken').set({ status: 'in-behandeling' }).where('id', '=', id).execute();
    const tussendoor = await toestand(id);
    const res = await a.klant.post<{ detail: string }>(`/api/zaken/${id}/intrekken`, {});
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(NIET_MEER);
    expect(await toestand(id)).toEqual(tussendoor);
  });

  it('a klantmanager registers the withdrawal for the klant; it is recorded as theirs', async () => {
    const id = await lopendeAanvraag();
    const res = await a.km.post(`/api/zaken/${id}/intrekken`, { reden: 'Klant belde: wil niet verder.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const z = await afgeslotenAlsIngetrokken(a.km, id);
    expect(z.resultaat).toBe('ingetrokken');
    expect((await toestand(id)).taken).toEqual([]);
    const ev = await srv.database.db.selectFrom('zaak_events').selectAll().where('zaak_id', '=', id).where('type', '=', 'zaak.aanvraag-ingetrokken').executeTakeFirstOrThrow();
    expect(ev.actor).toBe('klantmanager.almere');
    expect(JSON.parse(ev.data)).toMatchObject({ reden: 'Klant belde: wil niet verder.' });
  });

  it('a crash between the publish and the zaak event: the zaak still closes as ingetrokken, and the same request again records who withdrew it', async () => {
    const id = await lopendeAanvraag();
    // The engine as a process that dies right after the message was taken in (fault injection at the port).
    const dying = new Proxy(srv.engine, {
      get(target, prop, receiver) {
        if (prop !== 'publishMessage') return Reflect.get(target, prop, receiver);
        return async (req: Parameters<WorkflowEngine['publishMessage']>[0]) => {
          await target.publishMessage(req);
          throw new Error('kill -9');
        };
      },
    });
    await expect(aanvraagIntrekken(srv.database.db, dying, { tenantId: 'almere', zaakId: id, actor: 'klant1.almere', reden: null })).rejects.toThrow('kill -9');
    const z = await afgeslotenAlsIngetrokken(a.klant, id);
    expect(z.resultaat).toBe('ingetrokken');
    expect((await toestand(id)).events).not.toContain('zaak.aanvraag-ingetrokken');

    const opnieuw = await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 'Werk gevonden.' });
    expect(opnieuw.status, JSON.stringify(opnieuw.body)).toBe(200);
    const events = await srv.database.db.selectFrom('zaak_events').selectAll().where('zaak_id', '=', id).where('type', '=', 'zaak.aanvraag-ingetrokken').execute();
    expect(events.map((e) => e.actor)).toEqual(['klant1.almere']);
    // Recorded once; after that the closed zaak refuses like any other.
    expect((await a.klant.post(`/api/zaken/${id}/intrekken`, {})).status).toBe(409);
  });

  it('a double click withdraws once: the repeat before the zaak is closed writes no second event', async () => {
    const id = await lopendeAanvraag();
    const [eerste, tweede] = await Promise.all([a.klant.post(`/api/zaken/${id}/intrekken`, {}), a.klant.post(`/api/zaken/${id}/intrekken`, {})]);
    expect([eerste.status, tweede.status]).toContain(200);
    for (const r of [eerste, tweede]) expect([200, 409]).toContain(r.status);
    await afgeslotenAlsIngetrokken(a.klant, id);
    const events = await srv.database.db.selectFrom('zaak_events').select('type').where('zaak_id', '=', id).where('type', '=', 'zaak.aanvraag-ingetrokken').execute();
    expect(events).toHaveLength(1);
  });
});
