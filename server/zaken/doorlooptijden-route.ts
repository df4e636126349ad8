import { z } from 'zod';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { zaakFeiten, zaakKlok } from './clock.ts';

const RegelingCijfers = z.object({
  regeling: z.string(),
  lopend: z.object({
    /** Within the gemeente's servicenorm. */
    inTermijn: z.number().int(),
    /** Past the servicenorm, still within the wettelijke termijn. */
    risico: z.number().int(),
    /** Past the wettelijke termijn (uiterlijke einddatum afdoening) without a bekendgemaakt besluit. */
    overTermijn: z.number().int(),
  }),
  besloten: z.number().int(),
  /** Median calendar days from receipt (startdatum) to bekendmaking of the besluit; null without besluiten. */
  mediaanDoorlooptijdDagen: z.number().nullable(),
  /** Besluiten bekendgemaakt on or before the uiterlijke einddatum (with opschorting, verdaging and Atw). */
  binnenTermijn: z.number().int(),
});

const Doorlooptijden = z.object({ peildatum: z.string(), regelingen: z.array(RegelingCijfers) }).meta({ id: 'Doorlooptijden' });

const CLOCK_EVENTS = ['zaak.opgeschort', 'zaak.hervat', 'zaak.verdaagd', 'zaak.besluit-bekendgemaakt'] as const;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * "Doorlooptijden" for the manager: per regeling the running zaken by the case clock's
 * traffic light, and for decided zaken the median time to the besluit and the share decided
 * within the legal term. The besluit counts from its bekendmaking (Awb 3:40: that is when the
 * beslistermijn stops), as the zaak clock does; a zaak closed without a besluit (ingetrokken)
 * is in neither figure.
 */
export function doorlooptijdenRoutes(services: Services) {
  const db = services.database.db;
  return [
    defineRoute({
      operationId: 'doorlooptijden',
      method: 'get',
      path: '/api/doorlooptijden',
      summary: 'Doorlooptijden per regeling: lopende zaken per termijnstatus, mediane doorlooptijd en aandeel binnen de wettelijke termijn',
      tag: 'zaken',
      access: tenantRoles('manager'),
      response: { status: 200, description: 'Cijfers per regeling', schema: Doorlooptijden },
      handler: async ({ principal }) => {
        const tenantId = principal.tenantId!;
        const now = new Date();
        const [zaken, events] = await Promise.all([
          db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).execute(),
          db
            .selectFrom('zaak_events')
            .select(['zaak_id', 'type', 'data'])
            .where('tenant_id', '=', tenantId)
            .where('type', 'in', [...CLOCK_EVENTS])
            .orderBy('id')
            .execute(),
        ]);
        const byZaak = new Map<string, typeof events>();
        for (const e of events) {
          const list = byZaak.get(e.zaak_id);
          if (list) list.push(e);
          else byZaak.set(e.zaak_id, [e]);
        }
        const per = new Map<string, { lopend: { inTermijn: number; risico: number; overTermijn: number }; dagen: number[]; binnenTermijn: number }>();
        for (const zaak of zaken) {
          const r = per.get(zaak.regeling) ?? { lopend: { inTermijn: 0, risico: 0, overTermijn: 0 }, dagen: [], binnenTermijn: 0 };
          per.set(zaak.regeling, r);
          const ev = byZaak.get(zaak.id) ?? [];
          const klok = zaakKlok(zaak, ev, now);
          const einddatum = zaakFeiten(zaak, ev).einddatum;
          if (klok.afgehandeld && einddatum) {
            r.dagen.push(daysBetween(zaak.startdatum, einddatum));
            // For a decided zaak the clock's status is that on its einddatum.
            if (klok.status !== 'termijn-verlopen') r.binnenTermijn++;
          } else if (zaak.status !== 'afgesloten') {
            if (klok.status === 'op-tijd') r.lopend.inTermijn++;
            else if (klok.status === 'servicenorm-overschreden') r.lopend.risico++;
            else r.lopend.overTermijn++;
          }
        }
        return {
          peildatum: todayInAmsterdam(now),
          regelingen: [...per]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([regeling, r]) => ({
              regeling,
              lopend: r.lopend,
              besloten: r.dagen.length,
              mediaanDoorlooptijdDagen: median(r.dagen),
              binnenTermijn: r.binnenTermijn,
            })),
        };
      },
    }),
  ];
}
