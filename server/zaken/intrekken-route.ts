import { z } from 'zod';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { aanvraagIntrekken } from './commands/aanvraag-intrekken.ts';
import { ZaakDetailSchema, ZaakReadModel } from './read-model.ts';
import { isKlantOnly, visibleZaak } from './visibility.ts';

export const IntrekkenBody = z.strictObject({
  reden: z
    .string({ error: 'Vul de reden in als tekst.' })
    .trim()
    .max(1000, 'Gebruik hoogstens 1.000 tekens voor de reden.')
    .optional(),
});
export type IntrekkenBody = z.infer<typeof IntrekkenBody>;

/** Withdrawing an aanvraag (intrekken): the klant themself, or their klantmanager registers it. */
export function intrekkenRoutes(services: Services) {
  const db = services.database.db;
  const readModel = new ZaakReadModel(services);
  return [
    defineRoute({
      operationId: 'trekAanvraagIn',
      method: 'post',
      path: '/api/zaken/:id/intrekken',
      summary: 'De aanvraag intrekken (kan tot het besluit); het proces sluit de zaak af met resultaat ingetrokken',
      tag: 'zaken',
      access: tenantRoles('klant', 'klantmanager'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: IntrekkenBody,
      response: { status: 200, description: 'Ingetrokken; de zaak wordt afgesloten', schema: ZaakDetailSchema },
      errors: { 409: 'Er is al een besluit genomen of de zaak is afgesloten' },
      handler: async ({ principal, params, body }) => {
        // A klant only withdraws their own aanvraag; anyone else's zaak is the same 404 as one that does not exist.
        const zaak = await visibleZaak(db, principal, params.id);
        const reden = body.reden ? body.reden : null;
        await aanvraagIntrekken(db, services.engine, { tenantId: zaak.tenant_id, zaakId: zaak.id, actor: principal.username, reden });
        return readModel.detail(zaak.tenant_id, zaak.id, isKlantOnly(principal) ? (principal.klantId ?? '-') : undefined);
      },
    }),
  ];
}
