import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Core tables owned by the server. Dates are ISO-8601 strings (UTC instants or
 * plain dates) on both dialects so that SQLite and PostgreSQL behave the same.
 */
export interface TenantTable {
  id: string; // slug: 'almere', 'uwv'
  naam: string;
  soort: 'gemeente' | 'gr' | 'uwv';
  cbs_code: string | null; // CBS gemeentecode, four digits
  /** The account payments are made from (SEPA debtor). */
  iban: string | null;
  bic: string | null;
  created_at: string;
}

export interface KlantTable {
  id: string;
  tenant_id: string;
  bsn: string;
  naam: string;
  email: string | null;
  telefoon: string | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  tenant_id: string | null; // null: platform beheerder
  klant_id: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string; // HMAC of the cookie token; the token itself is never stored
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface CoreTables {
  tenants: TenantTable;
  klanten: KlantTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type Klant = Selectable<KlantTable>;
export type NewKlant = Insertable<KlantTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
