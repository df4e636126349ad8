import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Access } from './access.ts';
import type { AnyRouteSpec } from './route.ts';

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, Nederlandstalig' });

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z_]+)/g, '{$1}');

/** The extension the authorization test reads; every operation carries one. */
export function accessExtension(access: Access) {
  if (access.kind === 'roles') return { kind: 'roles', roles: [...access.roles], tenantScoped: access.tenantScoped };
  return { kind: access.kind };
}

function problemResponses(spec: AnyRouteSpec) {
  const codes: Record<number, string> = { ...(spec.errors ?? {}) };
  if (spec.body || spec.query || spec.params) codes[400] ??= 'Ongeldige invoer';
  if (spec.access.kind !== 'public') codes[401] ??= 'Niet ingelogd';
  if (spec.access.kind === 'roles') codes[403] ??= 'Geen toegang voor deze rol';
  if (spec.method !== 'get' && spec.access.kind !== 'public') codes[403] ??= 'CSRF-token ontbreekt of klopt niet';
  if (spec.params) codes[404] ??= 'Niet gevonden (ook bij gegevens van een andere organisatie)';
  return Object.fromEntries(
    Object.entries(codes).map(([code, description]) => [
      code,
      { description, content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}

export function buildOpenApiDocument(routes: readonly AnyRouteSpec[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'regie_session' });
  for (const spec of routes) {
    const ok = spec.response.schema
      ? { description: spec.response.description, content: { 'application/json': { schema: spec.response.schema } } }
      : spec.response.mediaType
        ? { description: spec.response.description, content: { [spec.response.mediaType]: { schema: { type: 'string' as const, format: 'binary' } } } }
        : { description: spec.response.description };
    registry.registerPath({
      operationId: spec.operationId,
      method: spec.method,
      path: toOpenApiPath(spec.path),
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.access.kind === 'public' ? [] : [{ session: [] }],
      request: {
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.params ? { params: spec.params } : {}),
      },
      responses: { [spec.response.status]: ok, ...problemResponses(spec) },
      'x-regie-access': accessExtension(spec.access),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Regie API',
      version: '0.1.0',
      description:
        'REST-API van Regie. Alle verzoeken zijn beperkt tot de organisatie (gemeente, GR of UWV) en rollen van de ingelogde gebruiker. Wijzigende verzoeken vereisen de header X-CSRF-Token.',
    },
    servers: [{ url: '/' }],
  });
}
