import { z } from 'zod';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { tenantRoles } from '../http/access.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { besluitStand } from './besluit-stand.ts';
import { bezwaarZaakTermijn } from './bezwaar-termijn.ts';
import { startZaak } from './commands/start-zaak.ts';
import { zaakEventsInOrder } from './events.ts';
import { ZaakDetailSchema, ZaakReadModel } from './read-model.ts';
import { visibleZaak } from './visibility.ts';

export function bezwaarRoutes(services: Services) {
  const db = services.database.db;
  const readModel = new ZaakReadModel(services);
  return [
    defineRoute({
      operationId: 'maakBezwaar',
      method: 'post',
      path: '/api/zaken/:id/bezwaar',
      summary: 'Bezwaar maken tegen het besluit in deze zaak (Awb 6:4); start een bezwaarzaak',
      tag: 'zaken',
      access: tenantRoles('klant', 'klantmanager'),
      params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({ gegevens: z.record(z.string(), z.unknown()) }),
      response: { status: 201, description: 'Bezwaarzaak gestart', schema: ZaakDetailSchema },
      errors: {
        409: 'Er is (nog) geen besluit om bezwaar tegen te maken, of het is na een gegrond bezwaar herroepen',
        422: 'Bezwaarformulier niet goed ingevuld (gegevens.bezwaar: besluitKenmerk, gronden, horen; per veld de reden)',
      },
      handler: async ({ principal, params, body, res }) => {
        const zaak = await visibleZaak(db, principal, params.id);
        const stand = besluitStand(await zaakEventsInOrder(db, zaak.id));
        if (stand.heroverweging) {
          throw new HttpProblem(
            409,
            'Besluit herroepen',
            stand.heroverweging.stap === 'besluit'
              ? 'Het besluit in deze zaak is na een gegrond bezwaar herroepen; de beslissing op bezwaar is het nieuwe besluit. Daartegen kunt u geen bezwaar maken, wel in beroep gaan bij de rechtbank.'
              : 'Het besluit in deze zaak is na een gegrond bezwaar herroepen; de aanvraag wordt verder behandeld. Tegen het nieuwe besluit kunt u weer bezwaar maken.',
          );
        }
        const besluit = stand.besluit;
        if (!besluit) throw new HttpProblem(409, 'Geen besluit', 'In deze zaak is nog geen besluit verzonden waartegen u bezwaar kunt maken.');
        const form = await services.forms.get(zaak.tenant_id, 'bezwaar-indienen');
        if (!form) throw new HttpProblem(409, 'Niet beschikbaar', 'Het bezwaarformulier is bij uw organisatie niet uitgerold.');
        const checked = form.compiled.validate(body.gegevens, { oorspronkelijkBesluit: besluit });
        if (!checked.ok) throw new HttpProblem(422, 'Bezwaar niet goed ingevuld', 'Niet alle velden zijn juist ingevuld.', checked.errors);
        const klant = await db.selectFrom('klanten').select(['id', 'naam']).where('id', '=', zaak.klant_id).executeTakeFirstOrThrow();
        const klantUser = await db.selectFrom('users').select('username').where('klant_id', '=', klant.id).executeTakeFirst();
        const ontvangen = todayInAmsterdam(new Date());
        // Awb 7:10 lid 1: the beslistermijn runs from the end of the bezwaartermijn, not from receipt.
        const termijn = bezwaarZaakTermijn(besluit, ontvangen);
        const started = await startZaak(db, services.engine, {
          tenantId: zaak.tenant_id,
          regeling: 'bezwaar',
          klantId: klant.id,
          hoofdzaakId: zaak.id,
          actor: principal.username,
          bpmnProcessId: 'bezwaar',
          policyId: zaak.policy_id,
          ...termijn.zaak,
          variables: {
            ...checked.value,
            hoofdzaakId: zaak.id,
            klant: klantUser?.username ?? null,
            klantId: klant.id,
            klantNaam: klant.naam,
            oorspronkelijkBesluit: { id: besluit.documentId, soort: besluit.besluit, verzenddatum: besluit.verzenddatum, uiterlijkeReactiedatum: besluit.uiterlijkeReactiedatum },
            ...termijn.variabelen,
            regeling: zaak.regeling,
          },
        });
        res.setHeader('Location', `/api/zaken/${started.zaakId}`);
        return readModel.detail(zaak.tenant_id, started.zaakId);
      },
    }),
  ];
}
