import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, doTask, openTask, procesVariabelen, until, zaak } from './prb-support.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

/**
 * Utrecht admits only klanten without a suitable regular offer and with a fair chance of work
 * (seed-000 L1077). The aanmelding cannot tell; before this task existed every Utrecht aanvraag
 * was refused for "gegeven ontbreekt" without anyone looking at it.
 */
describe('prb in Utrecht: the klantmanager establishes what the aanmelding cannot tell (ToelatingBeoordelen)', () => {
  it('the facts the klantmanager records admit the klant: the intake follows and the facts are on the zaak', async () => {
    const a = await accounts(srv, 'utrecht');
    const id = await aanmelden(a.klant);
    const task = await openTask(a.km, id, 'ToelatingBeoordelen');
    expect(task.formId).toBe('prb-toelating-beoordelen');
    expect((await zaak(a.klant, id)).status).not.toBe('afgesloten');

    // The form shows only the two facts that are missing, and both are required: without them nothing changes.
    const leeg = await a.km.post(`/api/tasks/${task.key}/claim`);
    expect(leeg.status).toBe(200);
    const zonder = await a.km.post(`/api/tasks/${task.key}/complete`, { variables: { toelatingsbeoordeling: { toelichting: 'Gesprek met de klant op het werkplein.' } } });
    expect(zonder.status).toBe(422);
    expect(JSON.stringify(zonder.body)).toContain('passendRegulierAanbod');
    expect((await openTask(a.km, id, 'ToelatingBeoordelen')).key).toBe(task.key);

    await doTask(a.km, id, 'ToelatingBeoordelen', {
      toelatingsbeoordeling: { passendRegulierAanbod: 'nee', geredeKansOpUitstroom: 'ja', toelichting: 'Gesprek met de klant op het werkplein; geen passend aanbod in de regio.' },
    });
    await openTask(a.km, id, 'Intake');
    const vars = (await procesVariabelen(srv, id)) as { toelating: { toegelaten: boolean; teBeoordelen: boolean }; klantFeiten: Record<string, unknown> };
    expect(vars.toelating).toMatchObject({ toegelaten: true, teBeoordelen: false });
    expect(vars.klantFeiten).toMatchObject({ passendRegulierAanbod: false, geredeKansOpUitstroom: true });
  });

  it('a fact that does not meet the criterion leads to the refusal with its own reason, not "gegeven ontbreekt"', async () => {
    const a = await accounts(srv, 'utrecht', 2);
    const id = await aanmelden(a.klant);
    await doTask(a.km, id, 'ToelatingBeoordelen', {
      toelatingsbeoordeling: { passendRegulierAanbod: 'ja', geredeKansOpUitstroom: 'ja', toelichting: 'De klant kan het reguliere traject van het werkplein volgen.' },
    });
    const closed = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.resultaat).toBe('niet-toegelaten');
    const { besluit } = (await procesVariabelen(srv, id)) as { besluit: { gronden: { code: string }[] } };
    expect(besluit.gronden.map((g) => g.code)).toEqual(['TOELATING_REGULIER_AANBOD']);
  });

  it('the klant can withdraw the aanvraag while the klantmanager assesses the toelating', async () => {
    const a = await accounts(srv, 'utrecht', 3);
    const id = await aanmelden(a.klant);
    await openTask(a.km, id, 'ToelatingBeoordelen');
    const res = await a.klant.post(`/api/zaken/${id}/intrekken`, { reden: 'Ik heb zelf werk gevonden.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const closed = await until(async () => {
      const z = await zaak(a.klant, id);
      return z.status === 'afgesloten' ? z : null;
    }, 'afgesloten');
    expect(closed.resultaat).toBe('ingetrokken');
    const open = (await a.km.get<{ items: Array<{ elementId: string }> }>(`/api/tasks?zaakId=${id}`)).body.items;
    expect(open).toEqual([]);
  });
});
