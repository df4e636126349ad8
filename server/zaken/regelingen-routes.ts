import { z } from 'zod';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { defaultPolicies } from '../../workflows/prb/policy/load.ts';
import { tenantRoles } from '../http/access.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { prbUitleg } from './regeling-uitleg.ts';

const RegelingSchema = z
  .object({
    regeling: z.string(),
    naam: z.string(),
    beschikbaar: z.boolean(),
    startFormId: z.string().nullable(),
    uitleg: z
      .object({
        watIsHet: z.string(),
        voorWie: z.array(z.string()),
        watMag: z.string(),
        watNiet: z.array(z.string()),
        besluitTermijn: z.string(),
        bezwaar: z.string(),
        onafhankelijkAdvies: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'Regeling' });

export function regelingenRoutes(services: Services) {
  return [
    defineRoute({
      operationId: 'listRegelingen',
      method: 'get',
      path: '/api/regelingen',
      summary: 'Wat uw organisatie aanbiedt, met uitleg in gewone taal (voor wie, wat mag, termijnen, bezwaar)',
      tag: 'regelingen',
      access: tenantRoles('klant', 'klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager', 'procesontwerper'),
      response: { status: 200, description: 'Regelingen', schema: z.array(RegelingSchema) },
      handler: async ({ principal }) => {
        const tenantId = principal.tenantId!;
        const today = todayInAmsterdam(new Date());
        return services.catalog.all().map((e) => {
          const beschikbaar = e.parameters(tenantId, today) !== undefined;
          const policy = beschikbaar && e.regeling === 'prb' ? defaultPolicies().policyFor(tenantId, 'prb', today) : undefined;
          return { regeling: e.regeling, naam: e.naam, beschikbaar, startFormId: e.startFormId ?? null, uitleg: policy ? prbUitleg(policy) : beschikbaar ? (e.uitleg?.(tenantId, today) ?? null) : null };
        });
      },
    }),
  ];
}
