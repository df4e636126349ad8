import { z } from 'zod';

/** Roles per tenant (uitvoeringsorganisatie). A pgb-adviseur advises but never decides. */
export const ROLES = [
  'klant',
  'klantmanager',
  'pgb-adviseur',
  'beslisser',
  'financieel',
  'procesontwerper',
  'manager',
  'beheerder',
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  klant: 'Klant',
  klantmanager: 'Klantmanager',
  'pgb-adviseur': 'Pgb-adviseur',
  beslisser: 'Beslisser',
  financieel: 'Financieel medewerker',
  procesontwerper: 'Procesontwerper',
  manager: 'Manager',
  beheerder: 'Beheerder',
};
