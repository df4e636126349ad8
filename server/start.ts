import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { EmbeddedEngine } from '../engine/index.ts';
import type { WorkflowEngine } from '../engine/port.ts';
import type { RegelingCatalog } from './zaken/catalog.ts';
import { defaultCatalog } from './zaken/default-catalog.ts';
import { deployCatalog } from './zaken/deploy-catalog.ts';
import { linkUnstartedZaken } from './zaken/commands/link-unstarted-zaken.ts';
import { createServices, type Services } from './services.ts';
import { createMailPort } from './dossier/mail.ts';
import { startDeadlineReminders } from './dossier/deadline-reminders.ts';
import { registerJobWorkers } from './jobs/register.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import { createDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { seedDemoZaken } from './seed/demo-zaken.ts';
import { buildUi, UI_DIST, uiNeedsBuild } from './ui-build.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
  demo?: boolean;
  logLevel?: string;
  sessionSecret?: string;
  sessionTtlMs?: number;
  secureCookies?: boolean;
  /** smtp://… to send e-mail to klanten beside the in-app berichten; none: no e-mail. */
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  /** Regelingen offered; defaults to those shipped in workflows/. */
  catalog?: RegelingCatalog;
  /** With demo data on a fresh database, also start demo zaken (default true; tests start their own). */
  demoZaken?: boolean;
  /** Deadline reminders every 15 minutes (default on; tests call them directly). */
  reminders?: boolean;
  /** Build ui/dist when missing or stale (default true). Tests build once up front instead. */
  buildUi?: boolean;
  uiDistDir?: string;
  loginAttemptsPerIp?: number;
}

export interface RunningRegie {
  url: string;
  services: Services;
  database: Database;
  engine: WorkflowEngine;
  logger: Logger;
  server: Server;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export async function startRegie(opts: StartOptions = {}): Promise<RunningRegie> {
  const logger = createLogger(opts.logLevel ?? 'info');
  const database = createDatabase({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir ?? 'data',
    onIdleConnectionError: (err) => logger.warn({ err }, 'databaseverbinding door de server gesloten; wordt vervangen'),
  });
  const applied = await migrateToLatest(database);
  if (applied.length) logger.info({ applied }, 'migraties uitgevoerd');
  const freshDemo = opts.demo === true && (await isEmpty(database.db));
  if (freshDemo) {
    const report = await seedDemo(database.db);
    logger.info(report, 'demogegevens aangemaakt');
  }
  await deleteExpiredSessions(database.db);
  const engine = new EmbeddedEngine({ db: database.db, onError: (err) => logger.error({ err }, 'engine') });
  const catalog = opts.catalog ?? defaultCatalog();
  const services = createServices(database, engine, catalog, createMailPort(opts.smtpUrl, opts.mailFrom));
  registerJobWorkers(services, logger);
  await engine.start();
  const deployed = await deployCatalog(engine, catalog);
  await linkUnstartedZaken(services, logger);
  if (deployed) logger.info({ deployed }, 'processen en formulieren uitgerold');
  if (freshDemo && opts.demoZaken !== false) await seedDemoZaken(services, logger);
  const stopReminders = opts.reminders === false ? () => undefined : startDeadlineReminders(services, logger);

  let uiState: 'ready' | 'building' | 'failed' = 'ready';
  if (opts.buildUi !== false && !opts.uiDistDir && uiNeedsBuild()) {
    uiState = 'building';
    buildUi(logger).then(
      () => {
        uiState = 'ready';
        logger.info('UI klaar');
      },
      (err) => {
        uiState = 'failed';
        logger.error({ err }, 'UI bouwen mislukt');
      },
    );
  }

  const { app } = createApp({
    services,
    logger,
    session: { secret: opts.sessionSecret ?? 'regie-test-secret-not-for-production', ttlMs: opts.sessionTtlMs ?? 8 * 3_600_000 },
    secureCookies: opts.secureCookies ?? false,
    uiDistDir: opts.uiDistDir ?? UI_DIST,
    uiState: () => uiState,
    loginAttemptsPerIp: opts.loginAttemptsPerIp,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 3000, opts.host ?? '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets without a request in flight would hold close() open.
        server.closeIdleConnections();
      });
      stopReminders();
      // Workers and runs finish their current step before the database goes away.
      await engine.stop();
      await database.close();
    })());

  return { url, services, database, engine, logger, server, close };
}
