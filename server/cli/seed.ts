import { loadConfig } from '../config.ts';
import { createDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../seed/demo.ts';

const config = loadConfig();
if (!config.demo) {
  console.error('Demogegevens worden niet aangemaakt: NODE_ENV=production of REGIE_DEMO=0.');
  process.exit(1);
}
const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database);
  const r = await seedDemo(database.db);
  console.log(`Demogegevens: ${r.tenants} organisaties, ${r.users} gebruikers, ${r.klanten} klanten toegevoegd.`);
} finally {
  await database.close();
}
