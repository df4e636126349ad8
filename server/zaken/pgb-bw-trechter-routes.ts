import { z } from 'zod';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';

const Telling = z.object({
  aangemeld: z.number().int(),
  aanvraagIngediend: z.number().int(),
  toegekend: z.number().int(),
  afgewezen: z.number().int(),
  nietDoorgezet: z.number().int(),
  ingetrokken: z.number().int(),
  aanHetWerk: z.number().int(),
  beeindigd: z.number().int(),
});
type Telling = z.infer<typeof Telling>;

const leeg = (): Telling => ({ aangemeld: 0, aanvraagIngediend: 0, toegekend: 0, afgewezen: 0, nietDoorgezet: 0, ingetrokken: 0, aanHetWerk: 0, beeindigd: 0 });

/**
 * The pgb bw funnel of Tabel 4.1 (seed-002 L440–L454: intake → aanvragen → toegekend →
 * afgewezen / niet doorgezet → aan het werk), per wervingskanaal of the aanmelding, so a
 * gemeente sees what its campaign (letters with reply slips, the sw-bedrijf, …) brings in (L337).
 */
export function pgbBwTrechterRoutes(services: Services) {
  const db = services.database.db;
  return [
    defineRoute({
      operationId: 'pgbBwTrechter',
      method: 'get',
      path: '/api/pgb-bw/trechter',
      summary: 'Pgb bw: aanmeldingen, aanvragen, toekenningen, afwijzingen, niet doorgezet en aan het werk, per wervingskanaal',
      tag: 'zaken',
      access: tenantRoles('manager', 'klantmanager'),
      response: { status: 200, description: 'Trechter', schema: z.object({ totaal: Telling, perWervingskanaal: z.array(Telling.extend({ kanaal: z.string() })) }) },
      handler: async ({ principal }) => {
        const tenantId = principal.tenantId!;
        const zaken = await db.selectFrom('zaken').select(['id', 'status', 'resultaat', 'process_instance_key']).where('tenant_id', '=', tenantId).where('regeling', '=', 'pgb-bw').execute();
        const ids = zaken.map((z) => z.id);
        const events = ids.length
          ? await db.selectFrom('zaak_events').select(['zaak_id', 'type', 'data']).where('tenant_id', '=', tenantId).where('zaak_id', 'in', ids).where('type', 'in', ['zaak.aangemaakt', 'zaak.besluit-vastgelegd']).orderBy('id').execute()
          : [];
        const kanaal = new Map<string, string>();
        const uitkomst = new Map<string, string>();
        for (const e of events) {
          const data = JSON.parse(e.data) as { startVariabelen?: { aanmelding?: { wervingskanaal?: string } }; uitkomst?: string };
          if (e.type === 'zaak.aangemaakt') kanaal.set(e.zaak_id, data.startVariabelen?.aanmelding?.wervingskanaal ?? 'onbekend');
          else if (data.uitkomst) uitkomst.set(e.zaak_id, data.uitkomst);
        }
        const ingediend = new Set(
          (await services.engine.queryEvents({ tenantId, types: ['user_task.completed'], limit: 100_000 }))
            .filter((e) => e.elementId === 'AanvraagOpstellen' && e.processInstanceKey)
            .map((e) => e.processInstanceKey!),
        );
        const totaal = leeg();
        const perKanaal = new Map<string, Telling>();
        for (const z of zaken) {
          const k = kanaal.get(z.id) ?? 'onbekend';
          const t = perKanaal.get(k) ?? leeg();
          perKanaal.set(k, t);
          for (const c of [totaal, t]) {
            c.aangemeld++;
            if (z.process_instance_key && ingediend.has(z.process_instance_key)) c.aanvraagIngediend++;
            const u = uitkomst.get(z.id);
            if (u === 'toekenning') c.toegekend++;
            if (u === 'afwijzing' || u === 'niet-toegelaten' || u === 'buiten-behandeling') c.afgewezen++;
            if (z.resultaat === 'niet-doorgezet') c.nietDoorgezet++;
            if (z.resultaat === 'ingetrokken') c.ingetrokken++;
            if (u === 'toekenning' && z.status !== 'afgesloten') c.aanHetWerk++;
            if (z.resultaat === 'pgb-bw-beeindigd') c.beeindigd++;
          }
        }
        return { totaal, perWervingskanaal: [...perKanaal].map(([k, t]) => ({ kanaal: k, ...t })).sort((a, b) => b.aangemeld - a.aangemeld) };
      },
    }),
  ];
}
