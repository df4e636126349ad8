import { z } from 'zod';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import type { Services } from '../services.ts';
import { tenantRoles } from '../http/access.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { startRegelingZaak } from './commands/start-regeling-zaak.ts';
import { verdagen } from './commands/verdagen.ts';
import { ingebrekestellingRegistreren } from './commands/ingebrekestelling-registreren.ts';
import { dwangsomVaststellen } from './commands/dwangsom-vaststellen.ts';
import { ZaakDetailSchema, ZaakReadModel, ZaakSummarySchema } from './read-model.ts';
import { REGELINGEN } from './tables.ts';
import { isKlantOnly } from './visibility.ts';

const ZAAK_READERS = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
const IsoDay = z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' });
const IsoDuration = z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'Vul een termijn in zoals P6W of P14D.');

/**
 * The aanmelding is about the klant the zaak is for: the naam and BSN in it are the klant's as the
 * gemeente knows them. Whatever was typed there is replaced, so nobody applies in another person's
 * name (the screen fills them in for a klant; a klantmanager starts for the klant they chose).
 */
function aanmeldingVan(gegevens: Record<string, unknown>, klant: { naam: string; bsn: string }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...gegevens };
  for (const [key, value] of Object.entries(gegevens)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'bsn' in value) {
      out[key] = { ...(value as Record<string, unknown>), naam: klant.naam, bsn: klant.bsn };
    }
  }
  return out;
}

const StartBody = z.strictObject({
  regeling: z.enum(REGELINGEN.filter((r) => r !== 'bezwaar') as ['prb', ...string[]], { error: 'Kies een regeling.' }),
  /** Required for a klantmanager; a klant always starts for themselves. */
  klantId: z.string().max(64).optional(),
  /** Start data (e.g. the aanmelding); validated by the process' first form. */
  gegevens: z.record(z.string(), z.unknown()).optional(),
});

export function zaakRoutes(services: Services) {
  const { engine, catalog } = services;
  const db = services.database.db;
  const readModel = new ZaakReadModel(services);
  return [
    defineRoute({
      operationId: 'startZaak',
      method: 'post',
      path: '/api/zaken',
      summary: 'Een zaak starten (aanmelding) voor een regeling',
      tag: 'zaken',
      access: tenantRoles('klant', 'klantmanager'),
      body: StartBody,
      response: { status: 201, description: 'Gestart', schema: ZaakDetailSchema },
      errors: { 409: 'Regeling niet beschikbaar bij uw organisatie', 422: 'Aanmelding niet goed ingevuld (per veld)' },
      handler: async ({ principal, body, res }) => {
        const tenantId = principal.tenantId!;
        const isKlant = isKlantOnly(principal);
        const klantId = isKlant ? principal.klantId : body.klantId;
        if (!klantId) throw problems.validation([{ field: 'klantId', message: 'Kies de klant voor wie u de zaak start.' }]);
        const entry = catalog.get(body.regeling as never);
        const params = entry?.parameters(tenantId, todayInAmsterdam(new Date()));
        if (!entry || !params) {
          throw new HttpProblem(409, 'Regeling niet beschikbaar', 'Deze regeling wordt (nog) niet uitgevoerd door uw organisatie.');
        }
        const klant = await db.selectFrom('klanten').select(['id', 'naam', 'bsn']).where('id', '=', klantId).where('tenant_id', '=', tenantId).executeTakeFirst();
        if (!klant) throw problems.notFound();
        const klantUser = await db.selectFrom('users').select('username').where('klant_id', '=', klant.id).executeTakeFirst();
        const startdatum = todayInAmsterdam(new Date());
        let gegevens = body.gegevens ?? {};
        if (entry.startFormId) {
          // The aanmelding is a form like any other: the same compiled rules as in the browser.
          const form = await services.forms.get(tenantId, entry.startFormId);
          if (!form) throw new HttpProblem(409, 'Regeling niet beschikbaar', 'Het aanmeldformulier van deze regeling is niet uitgerold.');
          const checked = form.compiled.validate(gegevens, { klantNaam: klant.naam });
          if (!checked.ok) throw new HttpProblem(422, 'Aanmelding niet goed ingevuld', 'Niet alle velden zijn juist ingevuld.', checked.errors);
          gegevens = aanmeldingVan(checked.value, klant);
        }
        const started = await startRegelingZaak(services, {
          tenantId,
          entry,
          params,
          klant: { id: klant.id, naam: klant.naam, username: klantUser?.username ?? null },
          gegevens,
          startdatum,
          actor: principal.username,
          aangemeldDoor: isKlant ? 'klant' : 'klantmanager',
        });
        res.setHeader('Location', `/api/zaken/${started.zaakId}`);
        return readModel.detail(tenantId, started.zaakId);
      },
    }),
    defineRoute({
      operationId: 'listZaken',
      method: 'get',
      path: '/api/zaken',
      summary: 'Zaken van uw organisatie (een klant ziet alleen de eigen zaken)',
      tag: 'zaken',
      access: tenantRoles(...ZAAK_READERS),
      query: z.strictObject({
        regeling: z.enum(REGELINGEN).optional(),
        status: z.enum(['aangemeld', 'in-behandeling', 'opgeschort', 'besloten', 'afgesloten']).optional(),
        klantId: z.string().max(64).optional(),
      }),
      response: { status: 200, description: 'Zaken', schema: z.array(ZaakSummarySchema) },
      handler: async ({ principal, query }) => {
        return readModel.list(principal.tenantId!, { ...query, klantId: isKlantOnly(principal) ? (principal.klantId ?? '-') : query.klantId });
      },
    }),
    defineRoute({
      operationId: 'getZaak',
      method: 'get',
      path: '/api/zaken/:id',
      summary: 'Zaakdossier: status, fase, termijnen en tijdlijn',
      tag: 'zaken',
      access: tenantRoles(...ZAAK_READERS),
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 200, description: 'De zaak', schema: ZaakDetailSchema },
      handler: async ({ principal, params }) => {
        return readModel.detail(principal.tenantId!, params.id, isKlantOnly(principal) ? (principal.klantId ?? '-') : undefined);
      },
    }),
    defineRoute({
      operationId: 'verdaagZaak',
      method: 'post',
      path: '/api/zaken/:id/verdagen',
      summary: 'De beslistermijn één keer verdagen (Awb 4:14)',
      tag: 'zaken',
      access: tenantRoles('klantmanager', 'beslisser'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({
        termijn: IsoDuration,
        reden: z.string().trim().min(1, 'Vermeld waarom de beslissing later komt.').max(2000),
        datum: IsoDay.optional(),
      }),
      response: { status: 200, description: 'Verdaagd', schema: ZaakDetailSchema },
      errors: { 409: 'Al verdaagd of al besloten' },
      handler: async ({ principal, params, body }) => {
        await verdagen(db, {
          tenantId: principal.tenantId!,
          zaakId: params.id,
          termijn: body.termijn,
          reden: body.reden,
          datum: body.datum ?? todayInAmsterdam(new Date()),
          actor: principal.username,
          klantBericht: true,
        });
        return readModel.detail(principal.tenantId!, params.id);
      },
    }),
    defineRoute({
      operationId: 'registreerIngebrekestelling',
      method: 'post',
      path: '/api/zaken/:id/ingebrekestelling',
      summary: 'Een ontvangen ingebrekestelling registreren (Awb 4:17): de zaakklok rekent dan de dwangsom',
      tag: 'zaken',
      access: tenantRoles('klantmanager', 'beslisser'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({
        ontvangen: IsoDay,
        toelichting: z.string().trim().max(2000, 'Houd de toelichting onder de 2.000 tekens.').optional(),
      }),
      response: { status: 200, description: 'Geregistreerd', schema: ZaakDetailSchema },
      errors: { 409: 'Al besloten, al een geldige ingebrekestelling, of een datum in de toekomst of vóór de aanvraag' },
      handler: async ({ principal, params, body }) => {
        await ingebrekestellingRegistreren(db, {
          tenantId: principal.tenantId!,
          zaakId: params.id,
          ontvangen: body.ontvangen,
          toelichting: body.toelichting || null,
          vandaag: todayInAmsterdam(new Date()),
          actor: principal.username,
        });
        return readModel.detail(principal.tenantId!, params.id);
      },
    }),
    defineRoute({
      operationId: 'stelDwangsomVast',
      method: 'post',
      path: '/api/zaken/:id/dwangsom-vaststelling',
      summary: 'De verschuldigde dwangsom vaststellen (Awb 4:18), na het besluit of bij het maximum',
      tag: 'zaken',
      access: tenantRoles('beslisser'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({}),
      response: { status: 200, description: 'Vastgesteld', schema: ZaakDetailSchema },
      errors: { 409: 'Geen dwangsom verschuldigd, loopt nog, of al vastgesteld' },
      handler: async ({ principal, params }) => {
        await dwangsomVaststellen(db, { tenantId: principal.tenantId!, zaakId: params.id, vandaag: todayInAmsterdam(new Date()), actor: principal.username });
        return readModel.detail(principal.tenantId!, params.id);
      },
    }),
  ];
}
