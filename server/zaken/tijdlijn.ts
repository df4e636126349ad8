import type { Db } from '../db/database.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { datumLang } from '../../workers/beschikking/index.ts';
import { addDays } from '../../workers/termijnen/index.ts';

/** Who did it, as people know them: display name and the role they acted in (not the username). */
export interface Actor {
  naam: string;
  rol: Role;
}

/** Users of this tenant among the actors, with their roles. Another tenant's users are never looked up. */
export async function actorsOf(db: Db, tenantId: string, usernames: readonly (string | null)[]): Promise<Map<string, { naam: string; rollen: Role[] }>> {
  const names = [...new Set(usernames.filter((u): u is string => !!u))];
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'users.display_name', 'user_roles.role'])
    .where('users.tenant_id', '=', tenantId)
    .where('users.username', 'in', names)
    .execute();
  const out = new Map<string, { naam: string; rollen: Role[] }>();
  for (const r of rows) {
    const u = out.get(r.username) ?? { naam: r.display_name, rollen: [] };
    if (r.role) u.rollen.push(r.role as Role);
    out.set(r.username, u);
  }
  // A fixed order, so someone with several roles is named by the same one every time.
  for (const u of out.values()) u.rollen.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return out;
}

/** The role someone acted in: the task's group when they have it, else their first role. */
export function actingRole(user: { rollen: Role[] } | undefined, taskGroups: readonly string[] = []): Role | null {
  if (!user) return null;
  return user.rollen.find((r) => taskGroups.includes(r)) ?? user.rollen[0] ?? null;
}

const ROL_ZIN: Record<Role, string> = {
  klant: 'klant',
  klantmanager: 'klantmanager',
  'pgb-adviseur': 'pgb-adviseur',
  beslisser: 'beslisser',
  financieel: 'financieel medewerker',
  procesontwerper: 'procesontwerper',
  manager: 'manager',
  beheerder: 'beheerder',
};

const aanbieder = (data: Record<string, unknown>) => (typeof data.naam === 'string' && data.naam ? data.naam : 'de aanbieder');
const RESULTAAT_WOORDEN: Record<string, string> = {
  geplaatst: 'aan het werk',
  'niet-geplaatst': 'niet aan het werk',
  afgerond: 'traject afgerond',
  'voortijdig-gestopt': 'voortijdig gestopt',
};

/**
 * What happened, as the rest of a sentence after "<wie>" ("heeft de zaak aangemaakt"), and the
 * sentence for when nobody in particular did it ("De behandeling is gestart").
 */
function wording(type: string, taak: string | null, data: Record<string, unknown>): { handeling: string; passief: string } {
  const t = taak ? `„${taak}”` : 'een taak';
  switch (type) {
    case 'zaak.aangemaakt':
      return { handeling: 'heeft de zaak aangemaakt', passief: 'De zaak is aangemaakt' };
    case 'zaak.proces-gestart':
      return { handeling: 'heeft de behandeling gestart', passief: 'De behandeling is gestart' };
    case 'zaak.beslistermijn-bepaald': {
      // Regie records it (the law sets the day), so only the passive sentence is ever shown.
      const ingang = typeof data.vanaf === 'string' ? ` op ${datumLang(addDays(data.vanaf, 1))}` : '';
      return { handeling: 'heeft de beslistermijn bepaald', passief: `De beslistermijn gaat in${ingang} (artikel 7:10 Awb)` };
    }
    case 'zaak.opgeschort':
      return { handeling: 'heeft de behandeltermijn opgeschort', passief: 'De behandeltermijn is opgeschort' };
    case 'zaak.hervat':
      return { handeling: 'heeft de behandeltermijn weer laten lopen', passief: 'De behandeltermijn loopt weer' };
    case 'zaak.verdaagd':
      return { handeling: 'heeft de beslistermijn verdaagd', passief: 'De beslistermijn is verdaagd' };
    case 'zaak.ingebrekestelling-ontvangen':
      return { handeling: 'heeft een ingebrekestelling geregistreerd', passief: 'Er is een ingebrekestelling ontvangen' };
    case 'zaak.dwangsom-vastgesteld':
      return { handeling: 'heeft de dwangsom vastgesteld', passief: 'De dwangsom is vastgesteld' };
    case 'zaak.besluit-vastgelegd':
      return { handeling: 'heeft het besluit genomen', passief: 'Het besluit is genomen' };
    case 'zaak.besluit-bekendgemaakt':
      return { handeling: 'heeft het besluit verzonden', passief: 'Het besluit is verzonden' };
    case 'zaak.beschikking-geopend':
      return { handeling: 'heeft de beschikking geopend', passief: 'De beschikking is geopend' };
    case 'zaak.afgesloten':
      return { handeling: 'heeft de zaak afgesloten', passief: 'De zaak is afgesloten' };
    case 'zaak.heropend':
      return { handeling: 'heeft de zaak heropend na een gegrond bezwaar', passief: 'De zaak is heropend na een gegrond bezwaar' };
    case 'zaak.aanvraag-ingetrokken':
      return { handeling: 'heeft de aanvraag ingetrokken', passief: 'De aanvraag is ingetrokken' };
    case 'zaak.aanbieder-gekozen':
      return { handeling: `heeft ${aanbieder(data)} als aanbieder gekozen`, passief: `${aanbieder(data)} is als aanbieder gekozen` };
    case 'zaak.aanbieder-gecontracteerd':
      return { handeling: `heeft ${aanbieder(data)} gecontracteerd`, passief: `${aanbieder(data)} is gecontracteerd` };
    case 'zaak.aanbieder-resultaat': {
      const r = RESULTAAT_WOORDEN[String(data.resultaat)] ?? String(data.resultaat);
      return { handeling: `heeft het resultaat van ${aanbieder(data)} vastgelegd: ${r}`, passief: `Resultaat van ${aanbieder(data)}: ${r}` };
    }
    case 'user_task.created':
      return { handeling: `heeft de taak ${t} klaargezet`, passief: `De taak ${t} staat klaar` };
    case 'user_task.assigned':
      return data.assignee
        ? { handeling: `heeft de taak ${t} opgepakt`, passief: `De taak ${t} is opgepakt` }
        : { handeling: `heeft de taak ${t} teruggezet naar de groep`, passief: `De taak ${t} is teruggezet naar de groep` };
    case 'user_task.completed':
      return { handeling: `heeft ${t} afgerond`, passief: `De taak ${t} is afgerond` };
    default:
      return { handeling: `heeft „${type}” vastgelegd`, passief: `Vastgelegd: ${type}` };
  }
}

/** The process starts because the zaak was created: nobody "started the behandeling". */
const ALTIJD_PASSIEF = new Set(['zaak.proces-gestart']);

/**
 * Timeline fields in words: `zin` is the whole sentence in the third person
 * ("Anna de Vries (klantmanager) heeft „Intake vastleggen” afgerond"); a screen that
 * addresses the actor themself uses `handeling` ("U heeft …").
 */
export function inWoorden(
  type: string,
  actor: string | null,
  users: Map<string, { naam: string; rollen: Role[] }>,
  opts: { taak?: string | null; taskGroups?: readonly string[]; data?: Record<string, unknown> } = {},
) {
  const { handeling, passief } = wording(type, opts.taak ?? null, opts.data ?? {});
  const user = actor ? users.get(actor) : undefined;
  const rol = actingRole(user, opts.taskGroups);
  // Regie itself (engine, jobs: no actor or a system name like "regie") and what follows by itself
  // from someone's step: say what happened without a "who", never a username.
  if (!user || ALTIJD_PASSIEF.has(type)) return { doorNaam: user?.naam ?? null, doorRol: user ? rol : null, handeling: null, zin: `${passief}.` };
  // "Anna de Vries (klantmanager)"; no "(klantmanager)" after a name that already says it (demo "Klantmanager Almere").
  const rolErbij = rol && !user.naam.toLowerCase().startsWith(ROL_ZIN[rol]) ? ` (${ROL_ZIN[rol]})` : '';
  return { doorNaam: user.naam, doorRol: rol, handeling, zin: `${user.naam}${rolErbij} ${handeling}.` };
}
