import { loadConfig } from './config.ts';
import { startRegie } from './start.ts';

const config = loadConfig();
const regie = await startRegie({
  port: config.port,
  host: config.host,
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  demo: config.demo,
  logLevel: config.logLevel,
  sessionSecret: config.sessionSecret,
  sessionTtlMs: config.sessionTtlMs,
  secureCookies: config.secureCookies,
  smtpUrl: config.smtpUrl,
  mailFrom: config.mailFrom,
});
regie.logger.info(
  { url: regie.url, database: regie.database.dialect, demo: config.demo },
  `Regie draait op ${regie.url}${config.demo ? ' (demomodus: wachtwoord regie-demo)' : ''}`,
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    regie.logger.info({ signal }, 'afsluiten: geen nieuwe verzoeken, lopende worden afgemaakt');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    regie.close().then(
      () => process.exit(0),
      (err) => {
        regie.logger.error({ err }, 'afsluiten mislukt');
        process.exit(1);
      },
    );
  });
}
