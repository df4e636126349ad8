import { z } from 'zod';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { tenantRoles } from '../http/access.ts';
import { problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { CLOCK_EVENTS, DOORLOOPTIJD_CATEGORIEEN, deelIn, median, perZaak, type Periode } from './doorlooptijden.ts';
import { REGELINGEN } from './tables.ts';

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
  /** Besluiten bekendgemaakt in the periode (all, without one). */
  besloten: z.number().int(),
  /** Median calendar days from receipt (startdatum) to bekendmaking of the besluit; null without besluiten. */
  mediaanDoorlooptijdDagen: z.number().nullable(),
  /** Besluiten bekendgemaakt on or before the uiterlijke einddatum (with opschorting, verdaging and Atw). */
  binnenTermijn: z.number().int(),
  /**
   * Dwangsom bij niet tijdig beslissen (Awb 4:17), after an effective ingebrekestelling: running
   * zaken with what has accrued so far, and decided zaken (in the periode) with what was owed.
   */
  dwangsom: z.object({ lopend: z.number().int(), lopendCent: z.number().int(), besloten: z.number().int(), beslotenCent: z.number().int() }),
});

const PeriodeSchema = z.object({ van: z.string().nullable(), tot: z.string().nullable() });

const Doorlooptijden = z
  .object({ peildatum: z.string(), periode: PeriodeSchema, regelingen: z.array(RegelingCijfers) })
  .meta({ id: 'Doorlooptijden' });

const DoorlooptijdZaak = z.object({
  id: z.string(),
  identificatie: z.string(),
  klant: z.object({ id: z.string(), naam: z.string() }),
  startdatum: z.string(),
  uiterlijkeEinddatumAfdoening: z.string(),
  /** Bekendmaking of the besluit; null while running. */
  besluitBekendgemaakt: z.string().nullable(),
  /** Calendar days from receipt to bekendmaking; null while running. */
  doorlooptijdDagen: z.number().int().nullable(),
  /** From the peildatum (running) or the bekendmaking (decided) to the uiterlijke einddatum; negative when past it. */
  dagenTotUiterlijkeEinddatum: z.number().int(),
  /** Dwangsom accrued after an effective ingebrekestelling (Awb 4:17); null without one. */
  dwangsomCent: z.number().int().nullable(),
});

const DoorlooptijdZaken = z
  .object({
    regeling: z.string(),
    categorie: z.enum(DOORLOOPTIJD_CATEGORIEEN),
    peildatum: z.string(),
    periode: PeriodeSchema,
    /** All zaken in the category; `zaken` holds at most 500 of them. */
    totaal: z.number().int(),
    zaken: z.array(DoorlooptijdZaak),
  })
  .meta({ id: 'DoorlooptijdZaken' });

const IsoDay = z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' });
const PeriodeQuery = { van: IsoDay.optional(), tot: IsoDay.optional() };

function checkPeriode(p: Periode): void {
  if (p.van && p.tot && p.van > p.tot) throw problems.validation([{ field: 'query.tot', message: 'De einddatum van de periode ligt voor de begindatum.' }]);
}

const MAX_ZAKEN = 500;

/**
 * "Doorlooptijden" for the manager: per regeling the running zaken by the case clock's
 * traffic light, and for decided zaken the median time to the besluit and the share decided
 * within the legal term, optionally for besluiten bekendgemaakt in a periode (a jaarverslag,
 * a kwartaal). The besluit counts from its bekendmaking (Awb 3:40: that is when the
 * beslistermijn stops), as the zaak clock does; a zaak closed without a besluit (ingetrokken)
 * is in neither figure. Each figure opens as the list of its zaken, so a manager can see
 * which zaken went over the term and account for them.
 */
export function doorlooptijdenRoutes(services: Services) {
  const db = services.database.db;

  /** The tenant's zaken (of one regeling) with their clock events. */
  async function load(tenantId: string, regeling?: string) {
    let zaken = db
      .selectFrom('zaken')
      .innerJoin('klanten', 'klanten.id', 'zaken.klant_id')
      .selectAll('zaken')
      .select('klanten.naam as klant_naam')
      .where('zaken.tenant_id', '=', tenantId);
    let events = db
      .selectFrom('zaak_events')
      .select(['zaak_id', 'type', 'data'])
      .where('tenant_id', '=', tenantId)
      .where('type', 'in', [...CLOCK_EVENTS]);
    if (regeling) {
      zaken = zaken.where('zaken.regeling', '=', regeling as never);
      events = events.where('zaak_id', 'in', db.selectFrom('zaken').select('id').where('tenant_id', '=', tenantId).where('regeling', '=', regeling as never));
    }
    const [rows, clockEvents] = await Promise.all([zaken.execute(), events.orderBy('id').execute()]);
    return { rows, byZaak: perZaak(clockEvents) };
  }

  return [
    defineRoute({
      operationId: 'doorlooptijden',
      method: 'get',
      path: '/api/doorlooptijden',
      summary: 'Doorlooptijden per regeling: lopende zaken per termijnstatus, mediane doorlooptijd en aandeel binnen de wettelijke termijn',
      tag: 'zaken',
      access: tenantRoles('manager'),
      query: z.strictObject(PeriodeQuery),
      response: { status: 200, description: 'Cijfers per regeling', schema: Doorlooptijden },
      handler: async ({ principal, query }) => {
        checkPeriode(query);
        // One peildatum for every zaak: the clock would otherwise read Amsterdam's date once per zaak.
        const peildatum = todayInAmsterdam(new Date());
        const { rows, byZaak } = await load(principal.tenantId!);
        type Cijfers = {
          lopend: { inTermijn: number; risico: number; overTermijn: number };
          dagen: number[];
          binnenTermijn: number;
          dwangsom: { lopend: number; lopendCent: number; besloten: number; beslotenCent: number };
        };
        const per = new Map<string, Cijfers>();
        for (const zaak of rows) {
          const r = per.get(zaak.regeling) ?? {
            lopend: { inTermijn: 0, risico: 0, overTermijn: 0 },
            dagen: [],
            binnenTermijn: 0,
            dwangsom: { lopend: 0, lopendCent: 0, besloten: 0, beslotenCent: 0 },
          };
          per.set(zaak.regeling, r);
          const indeling = deelIn(zaak, byZaak.get(zaak.id) ?? [], peildatum, query);
          if (!indeling) continue;
          if (indeling.dwangsomCent !== null) {
            if (indeling.besluit === null) {
              r.dwangsom.lopend++;
              r.dwangsom.lopendCent += indeling.dwangsomCent;
            } else if (indeling.dwangsomCent > 0) {
              r.dwangsom.besloten++;
              r.dwangsom.beslotenCent += indeling.dwangsomCent;
            }
          }
          if (indeling.dagen !== null) r.dagen.push(indeling.dagen);
          if (indeling.categorie === 'besloten-binnen-termijn') r.binnenTermijn++;
          else if (indeling.categorie === 'in-termijn') r.lopend.inTermijn++;
          else if (indeling.categorie === 'risico') r.lopend.risico++;
          else if (indeling.categorie === 'over-termijn') r.lopend.overTermijn++;
        }
        return {
          peildatum,
          periode: { van: query.van ?? null, tot: query.tot ?? null },
          regelingen: [...per]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([regeling, r]) => ({
              regeling,
              lopend: r.lopend,
              besloten: r.dagen.length,
              mediaanDoorlooptijdDagen: median(r.dagen),
              binnenTermijn: r.binnenTermijn,
              dwangsom: r.dwangsom,
            })),
        };
      },
    }),
    defineRoute({
      operationId: 'doorlooptijdZaken',
      method: 'get',
      path: '/api/doorlooptijden/zaken',
      summary: 'De zaken achter één cijfer van de doorlooptijden (bijvoorbeeld: prb, over de wettelijke termijn)',
      tag: 'zaken',
      access: tenantRoles('manager'),
      query: z.strictObject({
        regeling: z.enum(REGELINGEN, { error: 'Kies een regeling.' }),
        categorie: z.enum(DOORLOOPTIJD_CATEGORIEEN, { error: 'Kies in termijn, risico, over termijn, besloten binnen of buiten de termijn.' }),
        ...PeriodeQuery,
      }),
      response: { status: 200, description: 'Zaken in die categorie', schema: DoorlooptijdZaken },
      handler: async ({ principal, query }) => {
        checkPeriode(query);
        const peildatum = todayInAmsterdam(new Date());
        const { rows, byZaak } = await load(principal.tenantId!, query.regeling);
        const lopend = !query.categorie.startsWith('besloten');
        const zaken = [];
        for (const zaak of rows) {
          const indeling = deelIn(zaak, byZaak.get(zaak.id) ?? [], peildatum, query);
          if (indeling?.categorie !== query.categorie) continue;
          const { klok } = indeling;
          zaken.push({
            id: zaak.id,
            identificatie: zaak.identificatie,
            klant: { id: zaak.klant_id, naam: zaak.klant_naam },
            startdatum: zaak.startdatum,
            uiterlijkeEinddatumAfdoening: klok.uiterlijkeEinddatumAfdoening,
            besluitBekendgemaakt: indeling.besluit,
            doorlooptijdDagen: indeling.dagen,
            dagenTotUiterlijkeEinddatum: klok.dagenTotUiterlijkeEinddatum,
            dwangsomCent: indeling.dwangsomCent,
          });
        }
        // Running: the most urgent (earliest uiterlijke einddatum) first; decided: the latest besluit first.
        zaken.sort((a, b) =>
          lopend
            ? a.uiterlijkeEinddatumAfdoening.localeCompare(b.uiterlijkeEinddatumAfdoening) || a.identificatie.localeCompare(b.identificatie)
            : b.besluitBekendgemaakt!.localeCompare(a.besluitBekendgemaakt!) || a.identificatie.localeCompare(b.identificatie),
        );
        return {
          regeling: query.regeling,
          categorie: query.categorie,
          peildatum,
          periode: { van: query.van ?? null, tot: query.tot ?? null },
          totaal: zaken.length,
          zaken: zaken.slice(0, MAX_ZAKEN),
        };
      },
    }),
  ];
}
