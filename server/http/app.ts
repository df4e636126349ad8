import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { csrfGuard, sessionLoader } from '../auth/middleware.ts';
import { authRoutes, loginRateLimiter } from '../auth/routes.ts';
import type { SessionKeys } from '../auth/sessions.ts';
import type { Services } from '../services.ts';
import { dossierRoutes, UPLOAD_LIMIT, UPLOAD_TYPES } from '../dossier/routes.ts';
import { betalingRoutes } from '../betalingen/routes.ts';
import { bezwaarRoutes } from '../zaken/bezwaar-routes.ts';
import { intrekkenRoutes } from '../zaken/intrekken-route.ts';
import { caseloadRoutes } from '../zaken/caseload-routes.ts';
import { zaakProcesRoutes } from '../zaken/proces-route.ts';
import { doorlooptijdenRoutes } from '../zaken/doorlooptijden-route.ts';
import { regelingenRoutes } from '../zaken/regelingen-routes.ts';
import { pgbBwTrechterRoutes } from '../zaken/pgb-bw-trechter-routes.ts';
import { pgbBwUitvoeringRoutes } from '../pgb-bw/uitvoering-routes.ts';
import { aanbiederRoutes } from '../aanbieders/routes.ts';
import { healthRoutes } from '../health/routes.ts';
import { klantRoutes } from '../klanten/routes.ts';
import { tenantRoutes } from '../tenants/routes.ts';
import { userRoutes } from '../users/routes.ts';
import { formRoutes } from '../forms/routes.ts';
import { processRoutes } from '../processes/routes.ts';
import { taskRoutes } from '../tasks/routes.ts';
import { zaakRoutes } from '../zaken/routes.ts';
import { aanmeldingRoute } from '../zaken/aanmelding-route.ts';
import { errorHandler, notFoundApi } from './errors.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { z } from 'zod';
import { publicAccess } from './access.ts';
import { defineRoute, mountRoute, type AnyRouteSpec } from './route.ts';
import { uiRouter } from './ui.ts';

export interface AppOptions {
  services: Services;
  logger: Logger;
  session: SessionKeys;
  secureCookies: boolean;
  uiDistDir: string;
  uiState: () => 'ready' | 'building' | 'failed';
  /** Failed logins per IP per 15 minutes before 429. */
  loginAttemptsPerIp?: number;
}

export const BODY_LIMIT = '256kb';

export function allRoutes(opts: AppOptions): AnyRouteSpec[] {
  const { database, engine, catalog } = opts.services;
  const { db, dialect } = database;
  const forms = opts.services.forms;
  return [
    ...healthRoutes(db, dialect, opts.uiState),
    ...authRoutes(db, opts.session, opts.secureCookies),
    ...tenantRoutes(db),
    ...klantRoutes(db),
    ...userRoutes(db),
    ...taskRoutes(opts.services),
    ...formRoutes(engine, forms),
    ...processRoutes(engine),
    ...zaakRoutes(opts.services),
    aanmeldingRoute(opts.services),
    ...dossierRoutes(db, opts.services.documenten, opts.services.berichten),
    ...betalingRoutes(opts.services),
    ...bezwaarRoutes(opts.services),
    ...intrekkenRoutes(opts.services),
    ...regelingenRoutes(opts.services),
    ...aanbiederRoutes(opts.services),
    ...caseloadRoutes(opts.services),
    ...pgbBwTrechterRoutes(opts.services),
    ...pgbBwUitvoeringRoutes(opts.services),
    ...zaakProcesRoutes(opts.services),
    ...doorlooptijdenRoutes(opts.services),
  ];
}

export function createApp(opts: AppOptions) {
  let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;
  const routes = [
    ...allRoutes(opts),
    defineRoute({
      operationId: 'openapi',
      method: 'get',
      path: '/api/openapi.json',
      summary: 'Dit OpenAPI-document',
      tag: 'systeem',
      access: publicAccess,
      response: { status: 200, description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) },
      handler: async () => openapi as unknown as Record<string, unknown>,
    }),
  ];
  openapi = buildOpenApiDocument(routes);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: opts.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  app.use(
    helmet({
      // HSTS and upgrade-insecure-requests only where TLS is in front (production); demo runs on plain http.
      strictTransportSecurity: opts.secureCookies,
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': opts.secureCookies ? [] : null,
          // bpmn-js and form editors inject inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  // Uploads carry the file itself as the body; every other route takes JSON.
  app.post('/api/zaken/:id/documenten', express.raw({ type: Object.keys(UPLOAD_TYPES), limit: UPLOAD_LIMIT }));
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: true }), cookieParser());
  app.use('/api', sessionLoader(opts.services.database.db, opts.session), csrfGuard);
  app.post('/api/auth/login', loginRateLimiter(opts.loginAttemptsPerIp ?? 20));
  const api = express.Router();
  for (const spec of routes) mountRoute(api, spec);
  app.use(api);
  app.use('/api', notFoundApi);
  app.use(uiRouter(opts.uiDistDir, opts.uiState));
  app.use(errorHandler(opts.logger));
  return { app, openapi, routes };
}
