/** A user whose only role is klant (sees the klantportaal, never staff screens). */
export function isOnlyKlant(roles: readonly string[]): boolean {
  return roles.includes('klant') && roles.every((r) => r === 'klant');
}

/** Roles with a werkvoorraad of tasks. */
export const TASK_ROLES = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;
/** Staff roles that may open a zaakdossier. */
export const ZAAK_ROLES = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel', 'manager'] as const;

const GROEP_NAAM: Record<string, string> = {
  klantmanager: 'de klantmanagers',
  'pgb-adviseur': 'de pgb-adviseurs',
  beslisser: 'de beslissers',
  financieel: 'financiën',
  manager: 'de managers',
};

/** A task's candidate groups as people read them: "de klantmanagers", "financiën". */
export function groepNamen(groepen: readonly string[]): string {
  return groepen.map((g) => GROEP_NAAM[g] ?? g).join(', ');
}
