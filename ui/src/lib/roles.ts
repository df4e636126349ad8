/** A user whose only role is klant (sees the klantportaal, never staff screens). */
export function isOnlyKlant(roles: readonly string[]): boolean {
  return roles.includes('klant') && roles.every((r) => r === 'klant');
}

/** Roles with a werkvoorraad of tasks. */
export const TASK_ROLES = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
/** Staff roles that may open a zaakdossier. */
export const ZAAK_ROLES = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
