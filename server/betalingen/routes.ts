import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { buildPain001, overboekingenVoor, SepaFout } from '../../workers/sepa/index.ts';
import { tenantRoles } from '../http/access.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { LedgerFout } from '../ledger/kysely-ledger.ts';
import type { Services } from '../services.ts';
import { visibleZaak } from '../zaken/visibility.ts';
import { isValidIban } from '../../forms/index.ts';

/** A message waits this long for the process to be ready for it (the declaratie loop may be busy). */
const MESSAGE_TTL_MS = 30 * 86_400_000;

const BetalingSchema = z
  .object({
    id: z.string(),
    zaakId: z.string(),
    payeeNaam: z.string(),
    iban: z.string(),
    bedragCents: z.number().int(),
    status: z.string(),
    soort: z.string(),
    omschrijving: z.string().nullable(),
    batchId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Betaling' });

const BatchSchema = z
  .object({ id: z.string(), messageId: z.string(), aantal: z.number().int(), totaalCents: z.number().int(), uitvoeringsdatum: z.string(), createdAt: z.string() })
  .meta({ id: 'Betaalbatch' });

function ledgerProblem(err: unknown): unknown {
  if (err instanceof LedgerFout) return new HttpProblem(409, 'Niet mogelijk', err.message);
  if (err instanceof SepaFout) return new HttpProblem(422, 'Betaalbestand niet gemaakt', err.message);
  return err;
}

export function betalingRoutes(services: Services) {
  const { database, engine, ledger } = services;
  const db = database.db;
  return [
    defineRoute({
      operationId: 'dienDeclaratieIn',
      method: 'post',
      path: '/api/zaken/:id/declaraties',
      summary: 'Een factuur doorsturen of een declaratie van voorgeschoten kosten indienen',
      tag: 'betalingen',
      access: tenantRoles('klant', 'klantmanager'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({
        soort: z.enum(['factuur', 'declaratie'], { error: 'Kies factuur of declaratie.' }),
        verplichtingId: z.string().min(1, 'Kies de begrotingsregel waar dit bij hoort.').max(200),
        bedragCents: z.number({ error: 'Vul het bedrag in.' }).int('Vul het bedrag in hele centen in.').positive('Het bedrag moet groter zijn dan € 0,00.'),
        referentie: z.string().trim().min(1, 'Vul het factuur- of bonnummer in.').max(100),
        omschrijving: z.string().trim().max(500).optional(),
        /** For a declaratie: your own account. */
        iban: z.string().trim().refine(isValidIban, 'Het IBAN klopt niet.').optional(),
        documentId: z.string().max(64).optional(),
      }),
      response: { status: 202, description: 'Ontvangen; de betaling wordt verwerkt', schema: z.object({ messageKey: z.string(), verwerkt: z.boolean() }) },
      errors: { 409: 'Geen lopend traject of onbekende begrotingsregel' },
      handler: async ({ principal, params, body }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        // A closed zaak waits for no invoice: publishing would buffer it and nothing would ever pay it.
        if (zaak.status === 'afgesloten') throw new HttpProblem(409, 'Zaak afgesloten', 'Deze zaak is afgesloten. Neem contact op met uw klantmanager over deze factuur of declaratie.');
        const snapshot = await ledger.readZaak(zaak.tenant_id, zaak.id);
        const verplichting = snapshot.verplichtingen.find((v) => v.id === body.verplichtingId);
        if (!verplichting) throw problems.validation([{ field: 'verplichtingId', message: 'Deze begrotingsregel hoort niet bij het toegekende plan.' }]);
        let begunstigde: { naam: string; iban: string; kvk: string | null };
        if (body.soort === 'factuur') {
          if (!verplichting.iban) throw new HttpProblem(409, 'Niet mogelijk', 'Van deze aanbieder is geen rekeningnummer bekend.');
          begunstigde = { naam: verplichting.payeeNaam ?? verplichting.omschrijving, iban: verplichting.iban, kvk: verplichting.kvk };
        } else {
          if (!body.iban) throw problems.validation([{ field: 'iban', message: 'Vul het IBAN in waarop u het voorgeschoten bedrag wilt ontvangen.' }]);
          const klant = await db.selectFrom('klanten').select('naam').where('id', '=', zaak.klant_id).executeTakeFirstOrThrow();
          begunstigde = { naam: klant.naam, iban: body.iban, kvk: null };
        }
        const declaratieId = randomUUID();
        const r = await engine.publishMessage({
          tenantId: zaak.tenant_id,
          name: 'prb-declaratie',
          correlationKey: zaak.id,
          messageId: declaratieId,
          timeToLive: MESSAGE_TTL_MS,
          variables: {
            declaratie: {
              soort: body.soort,
              verplichtingId: verplichting.id,
              bedragCents: body.bedragCents,
              begunstigde,
              referentie: body.referentie,
              omschrijving: body.omschrijving ?? null,
              ingediendDoor: principal.username,
            },
          },
        });
        return { messageKey: r.messageKey, verwerkt: r.correlatedProcessInstanceKeys.length > 0 };
      },
    }),
    defineRoute({
      operationId: 'meldWerkGevonden',
      method: 'post',
      path: '/api/zaken/:id/werk-gevonden',
      summary: 'Melden dat de klant tijdens het traject werk heeft gevonden (het traject loopt door)',
      tag: 'zaken',
      access: tenantRoles('klantmanager'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({
        soort: z.enum(['vast', 'tijdelijk', 'uitzendwerk', 'detachering', 'eigen-onderneming'], { error: 'Kies het soort werk.' }),
        startdatum: z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' }),
        werkgever: z.string().trim().min(1, 'Vul de werkgever in.').max(200),
      }),
      response: { status: 202, description: 'Gemeld', schema: z.object({ messageKey: z.string(), verwerkt: z.boolean() }) },
      handler: async ({ principal, params, body }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const r = await engine.publishMessage({
          tenantId: zaak.tenant_id,
          name: 'prb-werk-gevonden',
          correlationKey: zaak.id,
          messageId: `werk-${zaak.id}`,
          timeToLive: MESSAGE_TTL_MS,
          variables: { werk: body },
        });
        return { messageKey: r.messageKey, verwerkt: r.correlatedProcessInstanceKeys.length > 0 };
      },
    }),
    defineRoute({
      operationId: 'listBetalingen',
      method: 'get',
      path: '/api/betalingen',
      summary: 'Betalingen van uw organisatie (financiën)',
      tag: 'betalingen',
      access: tenantRoles('financieel', 'manager'),
      query: z.strictObject({ status: z.enum(['voorgesteld', 'goedgekeurd', 'in-batch', 'betaald', 'afgewezen']).optional() }),
      response: { status: 200, description: 'Betalingen', schema: z.array(BetalingSchema) },
      handler: async ({ principal, query }) => (await ledger.listBetalingen(principal.tenantId!, query.status)).map((b) => ({
        id: b.id,
        zaakId: b.zaakId,
        payeeNaam: b.payeeNaam,
        iban: b.iban,
        bedragCents: b.bedragCents,
        status: b.status,
        soort: b.soort,
        omschrijving: b.omschrijving,
        batchId: b.batchId,
        createdAt: b.createdAt,
      })),
    }),
    defineRoute({
      operationId: 'maakBetaalbatch',
      method: 'post',
      path: '/api/betalingen/batches',
      summary: 'Goedgekeurde betalingen bundelen in een SEPA-betaalbestand (pain.001)',
      tag: 'betalingen',
      access: tenantRoles('financieel'),
      body: z.strictObject({ uitvoeringsdatum: z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' }) }),
      response: { status: 201, description: 'Batch gemaakt', schema: BatchSchema },
      errors: { 409: 'Geen goedgekeurde betalingen', 422: 'Betaalbestand niet gemaakt (bijv. ongeldig IBAN)' },
      handler: async ({ principal, body }) => {
        const tenant = await db.selectFrom('tenants').select(['naam', 'iban', 'bic']).where('id', '=', principal.tenantId!).executeTakeFirstOrThrow();
        if (!tenant.iban) throw new HttpProblem(409, 'Niet mogelijk', 'Voor uw organisatie is geen betaalrekening ingesteld.');
        let result;
        try {
          result = await ledger.createBatch({
            tenantId: principal.tenantId!,
            createdBy: principal.username,
            uitvoeringsdatum: body.uitvoeringsdatum,
            pain001: (batch, betalingen) =>
              buildPain001({
                messageId: batch.messageId,
                uitvoeringsdatum: batch.uitvoeringsdatum,
                opdrachtgever: { naam: tenant.naam === 'UWV' ? 'UWV' : `Gemeente ${tenant.naam}`, iban: tenant.iban!, bic: tenant.bic },
                overboekingen: overboekingenVoor(betalingen),
              }).xml,
          });
        } catch (err) {
          throw ledgerProblem(err);
        }
        if (!result) throw new HttpProblem(409, 'Niets te betalen', 'Er zijn geen goedgekeurde betalingen die nog niet in een batch zitten.');
        const b = result.batch;
        return { id: b.id, messageId: b.messageId, aantal: b.aantal, totaalCents: b.totaalCents, uitvoeringsdatum: b.uitvoeringsdatum, createdAt: b.createdAt };
      },
    }),
    defineRoute({
      operationId: 'downloadPain001',
      method: 'get',
      path: '/api/betalingen/batches/:id/pain001',
      summary: 'Het SEPA-betaalbestand (pain.001) van een batch, om bij de bank aan te bieden',
      tag: 'betalingen',
      access: tenantRoles('financieel'),
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 200, description: 'pain.001 XML', mediaType: 'application/xml' },
      handler: async ({ principal, params, res }) => {
        const found = await ledger.getBatch(principal.tenantId!, params.id);
        if (!found?.batch.pain001) throw problems.notFound();
        res.status(200).type('application/xml').setHeader('Content-Disposition', `attachment; filename="pain001-${found.batch.messageId}.xml"`).send(found.batch.pain001);
      },
    }),
  ];
}
