// Child process for the SQLite concurrency test: opens the same database file as the
// parent and pays one declaratie per zaak, starting at an agreed instant.
import { createDatabase } from '../../server/db/database.ts';
import { KyselyLedger } from '../../server/ledger/kysely-ledger.ts';
import { betaling } from '../../workers/betaling/handler.ts';
import { declaratieJob } from './fixtures.ts';

const [dataDir, startAt, tenantId, zakenJson, verplichtingenJson, label] = process.argv.slice(2);
const zaken = JSON.parse(zakenJson!) as string[];
const verplichtingen = JSON.parse(verplichtingenJson!) as string[];
const database = createDatabase({ dataDir: dataDir! });
const ledger = new KyselyLedger(database.db, 'sqlite');
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
const results: string[] = [];
for (let i = 0; i < zaken.length; i++) {
  const r = await betaling(
    declaratieJob(tenantId!, zaken[i]!, verplichtingen[i]!, 60_000, { jobKey: `${label}-${i}`, referentie: `${label}-${i}` }),
    { ledger },
  );
  results.push(r.uitkomst === 'geweigerd' ? `${r.redenCode}` : 'ok');
}
await database.close();
process.stdout.write(JSON.stringify(results));
