import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { REGELINGEN } from '../zaken/tables.ts';
import { isKlantOnly, visibleZaak } from '../zaken/visibility.ts';
import { beoordeelAanbieder, haalAanbieder, stelAanbiederVoor, zetContract, type Viewer } from './catalogus.ts';
import { zoekAanbieders } from './catalogus.ts';
import { aanbiedersVanZaak } from './port.ts';

const CONTRACT_STATUSES = ['gecontracteerd', 'in-pool', 'in-beoordeling', 'afgewezen', 'beeindigd'] as const;
const PoolRegeling = z.enum(REGELINGEN.filter((r) => r !== 'bezwaar') as [string, ...string[]], { error: 'Kies een bestaande regeling.' });
const Datum = z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' });
const tekst = (max: number, leeg: string) => z.string().trim().min(1, { error: leeg }).max(max, { error: `Gebruik hoogstens ${max} tekens.` });

const CijfersSchema = z
  .object({
    trajecten: z.number().int(),
    geplaatst: z.number().int(),
    afgerond: z.number().int(),
    nietGeplaatst: z.number().int(),
    voortijdigGestopt: z.number().int(),
    percentageGeplaatst: z.number().int().nullable(),
    gemiddeldeKostenCents: z.number().int().nullable(),
    perRegeling: z.array(z.object({ regeling: z.string(), trajecten: z.number().int(), geplaatst: z.number().int() })),
  })
  .meta({ id: 'AanbiederCijfers', description: 'Uitkomsten uit de afgesloten zaken van uw eigen organisatie' });

export const AanbiederSchema = z
  .object({
    id: z.string(),
    naam: z.string(),
    kvk: z.string(),
    iban: z.string(),
    diensten: z.array(z.string()),
    rollen: z.array(z.string()),
    regio: z.string(),
    website: z.string().nullable(),
    omschrijving: z.string().nullable(),
    contract: z
      .object({
        status: z.enum(CONTRACT_STATUSES),
        regelingen: z.array(z.string()),
        sinds: z.string(),
        tot: z.string().nullable(),
        gemeenteklanten: z.boolean(),
        inPool: z.boolean(),
        reden: z.string().nullable(),
        toelichting: z.string().nullable(),
        voorgesteldDoorU: z.boolean(),
        voorgesteldVoorZaak: z.string().nullable(),
      })
      .nullable(),
    uwvIroPool: z.boolean(),
    cijfers: CijfersSchema,
  })
  .meta({ id: 'Aanbieder' });

const CATALOGUS_LEZERS = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'beheerder'] as const;
const Params = z.strictObject({ id: z.string().max(64) });

function viewer(p: Principal): Viewer {
  return { tenantId: p.tenantId!, userId: p.userId, isKlant: isKlantOnly(p) };
}

const ZaakAanbiederSchema = z
  .object({
    aanbiederId: z.string(),
    naam: z.string(),
    kvk: z.string(),
    status: z.enum(['gekozen', 'gecontracteerd', 'beeindigd']),
    gekozenDoor: z.enum(['klant', 'klantmanager', 'rib-samen']),
    bedragCents: z.number().int().nullable(),
    resultaat: z.enum(['geplaatst', 'niet-geplaatst', 'afgerond', 'voortijdig-gestopt']).nullable(),
    gekozenAt: z.string(),
    gecontracteerdAt: z.string().nullable(),
  })
  .meta({ id: 'ZaakAanbieder' });

export function aanbiederRoutes(services: Services) {
  const db = services.database.db;
  return [
    defineRoute({
      operationId: 'listZaakAanbieders',
      method: 'get',
      path: '/api/zaken/:id/aanbieders',
      summary: 'De aanbieders van een zaak: gekozen, gecontracteerd, met bedrag en resultaat',
      tag: 'aanbieders',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'),
      params: Params,
      response: { status: 200, description: 'Aanbieders van de zaak', schema: z.array(ZaakAanbiederSchema) },
      handler: async ({ principal, params }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const rows = await aanbiedersVanZaak(db, { tenantId: zaak.tenant_id, zaakId: zaak.id });
        const namen = new Map(
          rows.length
            ? (await db.selectFrom('aanbieders').select(['id', 'naam', 'kvk']).where('id', 'in', rows.map((r) => r.aanbieder_id)).execute()).map((a) => [a.id, a])
            : [],
        );
        return rows.map((r) => ({
          aanbiederId: r.aanbieder_id,
          naam: namen.get(r.aanbieder_id)?.naam ?? '',
          kvk: namen.get(r.aanbieder_id)?.kvk ?? '',
          status: r.status,
          gekozenDoor: r.gekozen_door,
          bedragCents: r.bedrag_cents === null ? null : Number(r.bedrag_cents),
          resultaat: r.resultaat as 'geplaatst' | 'niet-geplaatst' | 'afgerond' | 'voortijdig-gestopt' | null,
          gekozenAt: r.gekozen_at,
          gecontracteerdAt: r.gecontracteerd_at,
        }));
      },
    }),
    defineRoute({
      operationId: 'listAanbieders',
      method: 'get',
      path: '/api/aanbieders',
      summary: 'De aanbiederscatalogus van uw organisatie: diensten, regio, contractstatus en uitkomsten',
      tag: 'aanbieders',
      access: tenantRoles(...CATALOGUS_LEZERS),
      query: z.strictObject({
        regeling: PoolRegeling.optional(),
        dienst: z.string().trim().max(100).optional(),
        regio: z.string().trim().max(100).optional(),
        q: z.string().trim().max(100).optional(),
        alle: z.enum(['true', 'false'], { error: 'Gebruik true of false.' }).optional(),
      }),
      response: { status: 200, description: 'Aanbieders', schema: z.array(AanbiederSchema) },
      handler: async ({ principal, query }) =>
        zoekAanbieders(db, viewer(principal), {
          regeling: query.regeling,
          dienst: query.dienst || undefined,
          regio: query.regio || undefined,
          q: query.q || undefined,
          alle: query.alle === 'true',
        }),
    }),
    defineRoute({
      operationId: 'getAanbieder',
      method: 'get',
      path: '/api/aanbieders/:id',
      summary: 'Eén aanbieder met de uitkomsten van de trajecten in uw organisatie',
      tag: 'aanbieders',
      access: tenantRoles(...CATALOGUS_LEZERS),
      params: Params,
      response: { status: 200, description: 'Aanbieder', schema: AanbiederSchema },
      handler: async ({ principal, params }) => haalAanbieder(db, viewer(principal), params.id),
    }),
    defineRoute({
      operationId: 'stelAanbiederVoor',
      method: 'post',
      path: '/api/aanbieders/voorstellen',
      summary: 'Een aanbieder voorstellen die nog niet in de catalogus staat; een klantmanager beoordeelt hem',
      tag: 'aanbieders',
      access: tenantRoles('klant', 'klantmanager'),
      body: z.strictObject({
        naam: tekst(200, 'Vul de naam van de aanbieder in.'),
        // Written as on the KvK uittreksel ('9123 4568') or without spaces.
        kvk: z
          .string()
          .transform((v) => v.replace(/[\s.]/g, ''))
          .pipe(z.string().regex(/^\d{8}$/, { error: 'Het KvK-nummer bestaat uit 8 cijfers.' })),
        iban: tekst(40, 'Vul het IBAN van de aanbieder in.'),
        regeling: PoolRegeling,
        diensten: z.array(tekst(100, 'Een dienst mag niet leeg zijn.')).min(1, { error: 'Noem ten minste één dienst.' }).max(20),
        regio: tekst(100, 'Vul de regio in waar de aanbieder werkt.'),
        // Only http(s): the catalogue renders it as a link, and javascript: is a valid URL too.
        website: z.url({ protocol: /^https?$/, error: 'Vul een geldig webadres in, beginnend met https://.' }).max(300).nullable().optional(),
        toelichting: tekst(2000, 'Vertel kort waarom u deze aanbieder wilt.'),
        zaakId: z.string().max(64).nullable().optional(),
      }),
      response: { status: 201, description: 'Voorgesteld; status in-beoordeling', schema: AanbiederSchema },
      errors: { 409: 'Aanbieder staat al in de catalogus of wordt al beoordeeld' },
      handler: async ({ principal, body, res }) => {
        const a = await stelAanbiederVoor(db, viewer(principal), body);
        res.setHeader('Location', `/api/aanbieders/${a.id}`);
        return a;
      },
    }),
    defineRoute({
      operationId: 'beoordeelAanbieder',
      method: 'post',
      path: '/api/aanbieders/:id/beoordeling',
      summary: 'Een voorgestelde aanbieder goedkeuren (in de pool) of afwijzen met reden',
      tag: 'aanbieders',
      access: tenantRoles('klantmanager'),
      params: Params,
      body: z.strictObject({
        besluit: z.enum(['goedkeuren', 'afwijzen'], { error: 'Kies goedkeuren of afwijzen.' }),
        reden: z.string().trim().max(2000).nullable().optional(),
      }),
      response: { status: 200, description: 'Beoordeeld', schema: AanbiederSchema },
      errors: { 409: 'Aanbieder wacht niet op een beoordeling' },
      handler: async ({ principal, params, body }) => beoordeelAanbieder(db, viewer(principal), params.id, body),
    }),
    defineRoute({
      operationId: 'zetAanbiederContract',
      method: 'put',
      path: '/api/aanbieders/:id/contract',
      summary: 'Contractstatus van een aanbieder bij uw organisatie vastleggen (pool, gecontracteerd, beëindigd, afgewezen)',
      tag: 'aanbieders',
      access: tenantRoles('beheerder'),
      params: Params,
      body: z.strictObject({
        status: z.enum(CONTRACT_STATUSES, { error: 'Kies een geldige contractstatus.' }),
        regelingen: z.array(PoolRegeling).min(1, { error: 'Kies ten minste één regeling.' }),
        sinds: Datum,
        tot: Datum.nullable().optional(),
        gemeenteklanten: z.boolean().optional(),
        reden: z.string().trim().max(2000).nullable().optional(),
      }),
      response: { status: 200, description: 'Contract vastgelegd', schema: AanbiederSchema },
      handler: async ({ principal, params, body }) => zetContract(db, viewer(principal), params.id, body),
    }),
  ];
}
