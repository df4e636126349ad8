export { KyselyLedger, LedgerFout } from './kysely-ledger.ts';
export type { Batch, BatchOpdracht, BudgetOverzicht, LedgerFoutCode, NieuweToekenning, NieuweVerplichting } from './kysely-ledger.ts';
export type { LedgerTables } from './tables.ts';
