import type { Logger } from 'pino';
import type { Services } from '../../services.ts';
import { linkProcessInstance } from './start-zaak.ts';

/**
 * Start-up repair for a crash between "zaak committed" and "instance linked"
 * (start-zaak): an instance the engine did start for the zaak (its zaakId
 * variable) is linked; only when there is none is one started. So a kill -9 at
 * any moment leaves neither a zaak without a process nor two processes.
 */
export async function linkUnstartedZaken(services: Pick<Services, 'database' | 'engine'>, logger?: Logger): Promise<number> {
  const { database, engine } = services;
  const zaken = await database.db.selectFrom('zaken').selectAll().where('process_instance_key', 'is', null).execute();
  let repaired = 0;
  for (const zaak of zaken) {
    // A zaak reopened after a gegrond bezwaar (heropenen-na-bezwaar) waits for its second instance, not its first.
    const heropend = await database.db
      .selectFrom('zaak_events')
      .select(['data', 'occurred_at'])
      .where('zaak_id', '=', zaak.id)
      .where('type', '=', 'zaak.heropend')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const heropendData = heropend ? (JSON.parse(heropend.data) as { vorigeProcessInstanceKey?: string | null; startVariabelen?: Record<string, unknown> }) : null;
    const started = await engine.queryEvents({
      tenantId: zaak.tenant_id,
      bpmnProcessId: zaak.bpmn_process_id,
      types: ['process_instance.started'],
      from: heropend?.occurred_at ?? zaak.created_at,
    });
    let instanceKey: string | null = null;
    for (const e of started) {
      if (heropendData && e.processInstanceKey === heropendData.vorigeProcessInstanceKey) continue;
      const instance = e.processInstanceKey ? await engine.getProcessInstance(e.processInstanceKey) : null;
      if (instance?.variables.zaakId === zaak.id) {
        instanceKey = instance.processInstanceKey;
        break;
      }
    }
    if (!instanceKey) {
      const first = await database.db.selectFrom('zaak_events').select('data').where('zaak_id', '=', zaak.id).where('type', '=', 'zaak.aangemaakt').executeTakeFirst();
      const startVariables = heropendData?.startVariabelen ?? (JSON.parse(first?.data ?? '{}') as { startVariabelen?: Record<string, unknown> }).startVariabelen;
      if (!startVariables) {
        logger?.warn({ zaakId: zaak.id }, 'zaak zonder proces en zonder startgegevens; handmatig oppakken');
        continue;
      }
      instanceKey = (await engine.createProcessInstance({ tenantId: zaak.tenant_id, bpmnProcessId: zaak.bpmn_process_id, variables: startVariables, actor: zaak.created_by }))
        .processInstanceKey;
    }
    await linkProcessInstance(database.db, zaak.tenant_id, zaak.id, instanceKey, 'regie');
    repaired++;
  }
  if (repaired) logger?.info({ zaken: repaired }, 'zaken aan hun proces gekoppeld na herstart');
  return repaired;
}
