import { loadConfig } from '../config.ts';
import { createDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

const config = loadConfig();
const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(database);
  console.log(applied.length ? `Uitgevoerd: ${applied.join(', ')}` : 'De database is al bijgewerkt.');
} finally {
  await database.close();
}
