import type { WorkflowEngine } from '../engine/port.ts';
import type { Database } from './db/database.ts';
import { BerichtenStore } from './dossier/berichten.ts';
import { DocumentStore } from './dossier/documents.ts';
import { FormRegistry } from './forms/form-registry.ts';
import { createMailPort, type MailPort } from './dossier/mail.ts';
import { KyselyLedger } from './ledger/kysely-ledger.ts';
import type { RegelingCatalog } from './zaken/catalog.ts';

/** The server's stateful collaborators, built once and shared by routes and job workers. */
export interface Services {
  database: Database;
  engine: WorkflowEngine;
  catalog: RegelingCatalog;
  documenten: DocumentStore;
  berichten: BerichtenStore;
  ledger: KyselyLedger;
  forms: FormRegistry;
  mail: MailPort;
}

export function createServices(database: Database, engine: WorkflowEngine, catalog: RegelingCatalog, mail: MailPort = createMailPort(undefined)): Services {
  return {
    database,
    engine,
    catalog,
    documenten: new DocumentStore(database.db),
    berichten: new BerichtenStore(database.db),
    ledger: new KyselyLedger(database.db, database.dialect),
    forms: new FormRegistry(engine),
    mail,
  };
}
