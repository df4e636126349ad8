import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, berichten, procesVariabelen, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

const maandenGeleden = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

describe('prb in Zoetermeer: refusal at admission with coded reasons', () => {
  it('a 30-year-old without children and 6 months WWB is not admitted: afwijzing with TOELATING_ codes, zaak closed', async () => {
    const a = await accounts(srv, 'zoetermeer');
    const geboren = `${new Date().getUTCFullYear() - 30}-01-01`;
    const id = await aanmelden(a.klant, { geboortedatum: geboren, uitkering: 'WWB', uitkeringSinds: maandenGeleden(6), alleenstaandeOuder: 'nee', langdurigGedeeltelijkArbeidsongeschikt: 'nee' });

    const closed = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.resultaat).toBe('niet-toegelaten');
    expect(closed.documenten.map((d) => d.soort)).toContain('beschikking');
    expect(closed.bezwaar).toMatchObject({ mogelijk: true });
    expect(closed.budget).toBeNull();

    // Zoetermeer: ≥ 12 months WWB and one of 45+, single parent with a child < 12, partially disabled (L1083).
    const { besluit, toelating } = (await procesVariabelen(srv, id)) as {
      besluit: { soort: string; uitkomst: string; gronden: { code: string; tekst: string }[] };
      toelating: { toegelaten: boolean };
    };
    expect(toelating.toegelaten).toBe(false);
    expect(besluit).toMatchObject({ soort: 'afwijzing-toelating', uitkomst: 'niet-toegelaten' });
    const codes = besluit.gronden.map((g) => g.code);
    expect(codes.sort()).toEqual(['TOELATING_DOELGROEP', 'TOELATING_UITKERINGSDUUR']);
    expect(codes.every((c) => c.startsWith('TOELATING_'))).toBe(true);
    expect(besluit.gronden.every((g) => g.tekst.length > 0)).toBe(true);

    const vastgelegd = await srv.database.db.selectFrom('zaak_events').select('data').where('zaak_id', '=', id).where('type', '=', 'zaak.besluit-vastgelegd').executeTakeFirstOrThrow();
    expect(JSON.parse(vastgelegd.data)).toMatchObject({ uitkomst: 'niet-toegelaten' });

    // The klant hears of it, and nobody has a task left in this zaak.
    const besluitBericht = (await berichten(a.klant)).find((b) => b.onderwerp === 'Er is een besluit over uw aanvraag');
    // The last day for bezwaar in words, as in the beschikking, not as an ISO date.
    expect(besluitBericht?.tekst).toMatch(/tot en met \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} bezwaar maken\./);
    expect((await a.km.get<{ items: unknown[] }>(`/api/tasks?zaakId=${id}`)).body.items).toEqual([]);
    expect(await srv.engine.listIncidents({ tenantId: 'zoetermeer', state: 'active' })).toEqual([]);
  });
});
