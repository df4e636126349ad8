import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowEngine } from '../../engine/port.ts';
import { linkUnstartedZaken } from '../../server/zaken/commands/link-unstarted-zaken.ts';
import { startZaak } from '../../server/zaken/commands/start-zaak.ts';
import { intakeCatalog, waitForTask } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let srv: TestServer;
let klantId: string;
beforeAll(async () => {
  srv = await startTestServer({ catalog: intakeCatalog() });
  klantId = (await srv.database.db.selectFrom('users').select('klant_id').where('username', '=', 'klant1.almere').executeTakeFirstOrThrow()).klant_id!;
});
afterAll(() => srv?.stop());

/** The engine as a process that dies at one point of a zaak start (fault injection at the port). */
function dyingEngine(when: 'before-start' | 'after-start'): WorkflowEngine {
  return new Proxy(srv.engine, {
    get(target, prop, receiver) {
      if (prop !== 'createProcessInstance') return Reflect.get(target, prop, receiver);
      return async (req: Parameters<WorkflowEngine['createProcessInstance']>[0]) => {
        if (when === 'before-start') throw new Error('kill -9');
        await target.createProcessInstance(req);
        throw new Error('kill -9');
      };
    },
  });
}

const input = () => ({
  tenantId: 'almere',
  regeling: 'prb' as const,
  klantId,
  actor: 'klantmanager.almere',
  bpmnProcessId: 'intake-test',
  policyId: null,
  doorlooptijd: 'P8W',
  servicenorm: 'P4W',
  variables: { deadline: '2030-01-01T09:00:00Z', klant: 'klant1.almere' },
});

async function unlinked() {
  return srv.database.db.selectFrom('zaken').select(['id']).where('process_instance_key', 'is', null).execute();
}

describe('a zaak start interrupted by a crash is finished at the next start', () => {
  it('starts the process when the crash came before the engine started it', async () => {
    await expect(startZaak(srv.database.db, dyingEngine('before-start'), input())).rejects.toThrow('kill -9');
    const [zaak] = await unlinked();
    expect(zaak).toBeDefined();
    expect(await linkUnstartedZaken(srv.services)).toBe(1);
    const row = await srv.database.db.selectFrom('zaken').selectAll().where('id', '=', zaak!.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('in-behandeling');
    await waitForTask(srv.engine, 'almere', row.process_instance_key!, 'Intake');
    const instance = await srv.engine.getProcessInstance(row.process_instance_key!);
    expect(instance!.variables).toMatchObject({ zaakId: zaak!.id, zaakIdentificatie: row.identificatie });
  });

  it('links the process the engine did start, and starts no second one', async () => {
    const before = (await srv.engine.queryEvents({ tenantId: 'almere', types: ['process_instance.started'] })).length;
    await expect(startZaak(srv.database.db, dyingEngine('after-start'), input())).rejects.toThrow('kill -9');
    const [zaak] = await unlinked();
    expect(await linkUnstartedZaken(srv.services)).toBe(1);
    expect((await srv.engine.queryEvents({ tenantId: 'almere', types: ['process_instance.started'] })).length).toBe(before + 1);
    const row = await srv.database.db.selectFrom('zaken').select('process_instance_key').where('id', '=', zaak!.id).executeTakeFirstOrThrow();
    expect((await srv.engine.getProcessInstance(row.process_instance_key!))!.variables.zaakId).toBe(zaak!.id);
    expect(await linkUnstartedZaken(srv.services)).toBe(0);
  });
});
