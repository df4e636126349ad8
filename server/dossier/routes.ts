import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { tenantRoles } from '../http/access.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import { isKlantOnly, visibleZaak } from '../zaken/visibility.ts';
import { inTransaction } from '../db/transaction.ts';
import { alreadyApplied, appendZaakEvent } from '../zaken/events.ts';
import type { BerichtenStore } from './berichten.ts';
import type { DocumentStore } from './documents.ts';

const ZAAK_READERS = ['klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;

export const ContactmomentSchema = z
  .object({ id: z.string(), soort: z.enum(['gesprek', 'telefoon', 'brief', 'e-mail']), datum: z.string(), samenvatting: z.string(), door: z.string(), doorNaam: z.string().meta({ description: 'Display name of who registered it, as colleagues know them.' }) })
  .meta({ id: 'Contactmoment' });

const BerichtSchema = z
  .object({ id: z.string(), onderwerp: z.string(), tekst: z.string(), zaakId: z.string().nullable(), aangemaakt: z.string(), gelezen: z.boolean() })
  .meta({ id: 'Bericht' });

/** What may be uploaded to a zaak, recognised by content as well as by the declared type. */
export const UPLOAD_TYPES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};
export const UPLOAD_LIMIT = '10mb';

export function dossierRoutes(db: Db, documenten: DocumentStore, berichten: BerichtenStore) {
  return [
    defineRoute({
      operationId: 'uploadDocument',
      method: 'post',
      path: '/api/zaken/:id/documenten',
      summary: 'Een document (offerte, factuur, bijlage) bij de zaak opslaan; de inhoud is de body (PDF, PNG of JPEG, max. 10 MB)',
      tag: 'zaken',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser'),
      params: z.strictObject({ id: z.string().max(64) }),
      query: z.strictObject({
        soort: z.enum(['offerte', 'factuur', 'bijlage', 'rapportage'], { error: 'Kies offerte, factuur, bijlage of rapportage.' }),
        bestandsnaam: z.string().trim().min(1, 'Geef de bestandsnaam mee.').max(200),
      }),
      response: { status: 201, description: 'Opgeslagen', schema: z.object({ documentId: z.string(), titel: z.string() }) },
      errors: { 413: 'Bestand te groot', 415: 'Alleen PDF, PNG of JPEG' },
      handler: async ({ principal, params, query, req }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        const check = UPLOAD_TYPES[type];
        const body = req.body as unknown;
        if (!check) throw new HttpProblem(415, 'Bestandstype niet toegestaan', 'U kunt alleen PDF-, PNG- of JPEG-bestanden toevoegen.');
        if (!Buffer.isBuffer(body) || body.length === 0) throw problems.validation([{ field: '(body)', message: 'Het bestand is leeg.' }]);
        if (!check(body)) throw new HttpProblem(415, 'Bestandstype niet toegestaan', 'De inhoud van het bestand past niet bij het bestandstype. Voeg een echte PDF, PNG of JPEG toe.');
        const { documentId } = await documenten.opslaan({
          tenantId: zaak.tenant_id,
          zaakId: zaak.id,
          idempotencyKey: randomUUID(),
          soort: query.soort,
          bestandsnaam: query.bestandsnaam.replace(/[^\w. -]/g, '_'),
          mediaType: type,
          inhoud: body,
          zichtbaarVoorKlant: true,
          titel: `${query.soort[0]!.toUpperCase()}${query.soort.slice(1)}: ${query.bestandsnaam}`,
          door: principal.username,
        });
        return { documentId, titel: query.bestandsnaam };
      },
    }),
    defineRoute({
      operationId: 'downloadDocument',
      method: 'get',
      path: '/api/zaken/:id/documenten/:documentId',
      summary: 'Een document van de zaak downloaden (bijv. de beschikking als PDF)',
      tag: 'zaken',
      access: tenantRoles(...ZAAK_READERS),
      params: z.strictObject({ id: z.string().max(64), documentId: z.string().max(64) }),
      response: { status: 200, description: 'Het bestand', mediaType: 'application/pdf' },
      handler: async ({ principal, params, res }) => {
        await visibleZaak(db, principal, params.id);
        const doc = await documenten.get(principal.tenantId!, params.id, params.documentId, isKlantOnly(principal));
        if (!doc) throw problems.notFound();
        if (isKlantOnly(principal) && doc.soort === 'beschikking') {
          // Receipt of the besluit: the first time the klant opens the letter is recorded once.
          await inTransaction(db, async (tx) => {
            const key = `geopend:${doc.id}`;
            if (await alreadyApplied(tx, key)) return;
            await appendZaakEvent(tx, {
              zaakId: doc.zaak_id,
              tenantId: doc.tenant_id,
              type: 'zaak.beschikking-geopend',
              data: { documentId: doc.id },
              actor: principal.username,
              occurredAt: new Date().toISOString(),
              idempotencyKey: key,
            });
          });
        }
        res
          .status(200)
          .type(doc.media_type)
          .setHeader('Content-Disposition', `attachment; filename="${doc.bestandsnaam.replace(/[^\w.-]/g, '_')}"`)
          .setHeader('Cache-Control', 'private, no-store')
          .send(Buffer.from(doc.inhoud));
      },
    }),
    defineRoute({
      operationId: 'registreerContactmoment',
      method: 'post',
      path: '/api/zaken/:id/contactmomenten',
      summary: 'Een contactmoment (gesprek, telefoon, brief, e-mail) vastleggen bij de zaak',
      tag: 'zaken',
      access: tenantRoles('klantmanager', 'pgb-adviseur', 'beslisser'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({
        soort: z.enum(['gesprek', 'telefoon', 'brief', 'e-mail'], { error: 'Kies gesprek, telefoon, brief of e-mail.' }),
        datum: z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD.' }),
        samenvatting: z.string().trim().min(1, 'Vat het contact kort samen.').max(4000),
      }),
      response: { status: 201, description: 'Vastgelegd', schema: ContactmomentSchema },
      handler: async ({ principal, params, body }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const row = {
          id: randomUUID(),
          tenant_id: zaak.tenant_id,
          zaak_id: zaak.id,
          soort: body.soort,
          datum: body.datum,
          samenvatting: body.samenvatting,
          door: principal.username,
          aangemaakt: new Date().toISOString(),
        };
        await db.insertInto('contactmomenten').values(row).execute();
        return { id: row.id, soort: row.soort, datum: row.datum, samenvatting: row.samenvatting, door: row.door, doorNaam: principal.displayName };
      },
    }),
    defineRoute({
      operationId: 'listBerichten',
      method: 'get',
      path: '/api/berichten',
      summary: 'Uw berichten (nieuwste eerst)',
      tag: 'berichten',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'procesontwerper', 'beheerder'),
      response: { status: 200, description: 'Berichten', schema: z.array(BerichtSchema) },
      handler: async ({ principal }) =>
        (await berichten.voor(principal.tenantId!, principal.username)).map((b) => ({
          id: b.id,
          onderwerp: b.onderwerp,
          tekst: b.tekst,
          zaakId: b.zaak_id,
          aangemaakt: b.aangemaakt,
          gelezen: b.gelezen_op !== null,
        })),
    }),
    defineRoute({
      operationId: 'markeerBerichtGelezen',
      method: 'post',
      path: '/api/berichten/:id/gelezen',
      summary: 'Een bericht als gelezen markeren',
      tag: 'berichten',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'procesontwerper', 'beheerder'),
      params: z.strictObject({ id: z.string().max(64) }),
      response: { status: 204, description: 'Gelezen' },
      handler: async ({ principal, params }) => {
        if (!(await berichten.markeerGelezen(principal.tenantId!, principal.username, params.id))) throw problems.notFound();
      },
    }),
  ];
}
