import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { ApiClient } from '../support/http.ts';
import { intakeCatalog } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { insertZaak, insertZaakEvent } from '../support/zaak-rows.ts';

interface Cijfers {
  regeling: string;
  lopend: { inTermijn: number; risico: number; overTermijn: number };
  besloten: number;
  mediaanDoorlooptijdDagen: number | null;
  binnenTermijn: number;
  dwangsom: { lopend: number; lopendCent: number; besloten: number; beslotenCent: number };
}

const geenDwangsom = { lopend: 0, lopendCent: 0, besloten: 0, beslotenCent: 0 };

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
});
afterAll(() => srv?.stop());

/** A zaak with a known start (and besluit), written as the commands would leave it. */
async function zaak(tenantId: string, regeling: 'prb' | 'pib', startdatum: string, bekendgemaakt?: string): Promise<string> {
  const id = await insertZaak(srv.database.db, { tenantId, regeling, startdatum, status: bekendgemaakt ? 'besloten' : 'in-behandeling' });
  if (bekendgemaakt) await insertZaakEvent(srv.database.db, tenantId, id, 'zaak.besluit-bekendgemaakt', { verzenddatum: bekendgemaakt });
  return id;
}

/** The ids the zaken below got, by what they stand for. */
const ids: Record<string, string> = {};
let today: string;

beforeAll(async () => {
  today = todayInAmsterdam(new Date());
  // Decided: 14, 42 and 70 days after a Monday start; the legal term (P8W) ends on 2 March.
  ids.besloten14 = await zaak('almere', 'prb', '2026-01-05', '2026-01-19');
  ids.besloten42 = await zaak('almere', 'prb', '2026-01-05', '2026-02-16');
  ids.besloten70 = await zaak('almere', 'prb', '2026-01-05', '2026-03-16');
  // Running: just started; past the servicenorm (P4W) only; past the legal term.
  ids.nieuw = await zaak('almere', 'prb', today);
  ids.risico = await zaak('almere', 'prb', addDays(today, -35));
  ids.over = await zaak('almere', 'prb', addDays(today, -70));
  ids.pib = await zaak('almere', 'pib', addDays(today, -3));
  // Another gemeente's zaken never count.
  ids.bredaBesloten = await zaak('breda', 'prb', '2026-01-05', '2026-06-01');
  ids.bredaOver = await zaak('breda', 'prb', addDays(today, -70));
});

describe('GET /api/doorlooptijden (manager)', () => {
  it('counts running zaken by term status and gives the median time to besluit and the share within the legal term', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const res = await manager.get<{ peildatum: string; periode: unknown; regelingen: Cijfers[] }>('/api/doorlooptijden');
    expect(res.status).toBe(200);
    expect(res.body.peildatum).toBe(today);
    expect(res.body.periode).toEqual({ van: null, tot: null });
    expect(res.body.regelingen).toEqual([
      { regeling: 'pib', lopend: { inTermijn: 1, risico: 0, overTermijn: 0 }, besloten: 0, mediaanDoorlooptijdDagen: null, binnenTermijn: 0, dwangsom: geenDwangsom },
      { regeling: 'prb', lopend: { inTermijn: 1, risico: 1, overTermijn: 1 }, besloten: 3, mediaanDoorlooptijdDagen: 42, binnenTermijn: 2, dwangsom: geenDwangsom },
    ]);
    expect((await (await ApiClient.as(srv.url, 'klantmanager.almere')).get('/api/doorlooptijden')).status).toBe(403);
  });

  it('counts only the besluiten bekendgemaakt in a periode; the running zaken stay as they are today', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const res = await manager.get<{ periode: unknown; regelingen: Cijfers[] }>('/api/doorlooptijden?van=2026-02-01&tot=2026-03-16');
    expect(res.status).toBe(200);
    expect(res.body.periode).toEqual({ van: '2026-02-01', tot: '2026-03-16' });
    expect(res.body.regelingen.find((r) => r.regeling === 'prb')).toEqual({
      regeling: 'prb',
      lopend: { inTermijn: 1, risico: 1, overTermijn: 1 },
      besloten: 2,
      mediaanDoorlooptijdDagen: 56,
      binnenTermijn: 1,
      dwangsom: geenDwangsom,
    });
    const januari = await manager.get<{ regelingen: Cijfers[] }>('/api/doorlooptijden?tot=2026-01-31');
    expect(januari.body.regelingen.find((r) => r.regeling === 'prb')).toMatchObject({ besloten: 1, mediaanDoorlooptijdDagen: 14, binnenTermijn: 1 });
  });

  it('refuses a periode that ends before it begins, or a date that is not one, in Dutch', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const omgekeerd = await manager.get<{ errors: Array<{ field: string; message: string }> }>('/api/doorlooptijden?van=2026-03-01&tot=2026-02-01');
    expect(omgekeerd.status).toBe(400);
    expect(omgekeerd.body.errors).toContainEqual(expect.objectContaining({ field: 'query.tot', message: 'De einddatum van de periode ligt voor de begindatum.' }));
    const geenDatum = await manager.get<{ errors: Array<{ field: string; message: string }> }>('/api/doorlooptijden?van=1-2-2026');
    expect(geenDatum.status).toBe(400);
    expect(geenDatum.body.errors).toContainEqual(expect.objectContaining({ field: 'query.van', message: 'Vul een datum in als JJJJ-MM-DD.' }));
  });
});

interface ZakenLijst {
  regeling: string;
  categorie: string;
  totaal: number;
  zaken: Array<{
    id: string;
    identificatie: string;
    klant: { naam: string };
    startdatum: string;
    uiterlijkeEinddatumAfdoening: string;
    besluitBekendgemaakt: string | null;
    doorlooptijdDagen: number | null;
    dagenTotUiterlijkeEinddatum: number;
  }>;
}

describe('GET /api/doorlooptijden/zaken (manager)', () => {
  it('lists the zaken behind a figure: the running zaak over the legal term, with how far past it is', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const res = await manager.get<ZakenLijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn');
    expect(res.status).toBe(200);
    expect(res.body.totaal).toBe(1);
    const [over] = res.body.zaken;
    expect(over).toMatchObject({ id: ids.over, startdatum: addDays(today, -70), besluitBekendgemaakt: null, doorlooptijdDagen: null });
    expect(over!.klant.naam).toBeTruthy();
    expect(over!.uiterlijkeEinddatumAfdoening < today).toBe(true);
    expect(over!.dagenTotUiterlijkeEinddatum).toBeLessThan(0);
  });

  it('lists decided zaken with their besluit date and doorlooptijd, the latest besluit first, within the periode', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const binnen = await manager.get<ZakenLijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=besloten-binnen-termijn');
    expect(binnen.body.zaken.map((z) => [z.id, z.besluitBekendgemaakt, z.doorlooptijdDagen])).toEqual([
      [ids.besloten42, '2026-02-16', 42],
      [ids.besloten14, '2026-01-19', 14],
    ]);
    const buiten = await manager.get<ZakenLijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=besloten-buiten-termijn');
    expect(buiten.body.zaken).toEqual([expect.objectContaining({ id: ids.besloten70, uiterlijkeEinddatumAfdoening: '2026-03-02', dagenTotUiterlijkeEinddatum: -14 })]);
    const februari = await manager.get<ZakenLijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=besloten-binnen-termijn&van=2026-02-01&tot=2026-02-28');
    expect(februari.body.zaken.map((z) => z.id)).toEqual([ids.besloten42]);
  });

  it("never shows another gemeente's zaken and is for managers only", async () => {
    const breda = await ApiClient.as(srv.url, 'manager.breda');
    const over = await breda.get<ZakenLijst>('/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn');
    expect(over.body.zaken.map((z) => z.id)).toEqual([ids.bredaOver]);
    const almere = await ApiClient.as(srv.url, 'manager.almere');
    const alle = await Promise.all(
      ['in-termijn', 'risico', 'over-termijn', 'besloten-binnen-termijn', 'besloten-buiten-termijn'].map((c) =>
        almere.get<ZakenLijst>(`/api/doorlooptijden/zaken?regeling=prb&categorie=${c}`),
      ),
    );
    const gezien = alle.flatMap((r) => r.body.zaken.map((z) => z.id));
    expect(gezien).not.toContain(ids.bredaOver);
    expect(gezien).not.toContain(ids.bredaBesloten);
    expect(gezien.sort()).toEqual([ids.nieuw, ids.risico, ids.over, ids.besloten14, ids.besloten42, ids.besloten70].sort());
    const km = await ApiClient.as(srv.url, 'klantmanager.almere');
    expect((await km.get('/api/doorlooptijden/zaken?regeling=prb&categorie=over-termijn')).status).toBe(403);
  });

  it('refuses an unknown categorie or regeling in Dutch', async () => {
    const manager = await ApiClient.as(srv.url, 'manager.almere');
    const res = await manager.get<{ errors: Array<{ field: string; message: string }> }>('/api/doorlooptijden/zaken?regeling=prb&categorie=laat');
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'query.categorie', message: expect.stringContaining('Kies in termijn') }));
    const zonder = await manager.get<{ errors: Array<{ field: string; message: string }> }>('/api/doorlooptijden/zaken?categorie=risico');
    expect(zonder.status).toBe(400);
    expect(zonder.body.errors).toContainEqual(expect.objectContaining({ field: 'query.regeling', message: 'Kies een regeling.' }));
  });
});
