import { ROLES, isRole, type Role } from './api.ts';

/** One home screen per role: the first thing a user of that role sees. */
export interface Home {
  role: Role;
  path: string;
  /** Heading and navigation label. */
  title: string;
  /** Role name as shown to users. */
  roleLabel: string;
  /** Shown while the home has no content yet. */
  empty: string;
}

export const HOMES: Record<Role, Home> = {
  klant: {
    role: 'klant',
    path: '/mijn-traject',
    title: 'Mijn traject',
    roleLabel: 'Klant',
    empty: 'U heeft nog geen lopende aanvraag of traject. Zodra u een aanvraag doet, ziet u hier hoe het ermee staat.',
  },
  klantmanager: {
    role: 'klantmanager',
    path: '/werkvoorraad',
    title: 'Werkvoorraad',
    roleLabel: 'Klantmanager',
    empty: 'Er staan op dit moment geen taken voor u klaar.',
  },
  'pgb-adviseur': {
    role: 'pgb-adviseur',
    path: '/adviesverzoeken',
    title: 'Adviesverzoeken',
    roleLabel: 'Pgb-adviseur',
    empty: 'Er zijn op dit moment geen adviesverzoeken voor u.',
  },
  beslisser: {
    role: 'beslisser',
    path: '/te-beslissen',
    title: 'Te beslissen',
    roleLabel: 'Beslisser',
    empty: 'Er liggen op dit moment geen voorstellen ter beslissing bij u.',
  },
  financieel: {
    role: 'financieel',
    path: '/betalingen',
    title: 'Betalingen',
    roleLabel: 'Financieel medewerker',
    empty: 'Er staan op dit moment geen betalingen klaar om goed te keuren.',
  },
  procesontwerper: {
    role: 'procesontwerper',
    path: '/procesontwerp',
    title: 'Procesontwerp',
    roleLabel: 'Procesontwerper',
    empty: 'Hier beheert u straks de processen en formulieren van uw organisatie.',
  },
  manager: {
    role: 'manager',
    path: '/doorlooptijden',
    title: 'Doorlooptijden',
    roleLabel: 'Manager',
    empty: 'Er zijn nog geen zaken om doorlooptijden over te tonen.',
  },
  beheerder: {
    role: 'beheerder',
    path: '/beheer',
    title: 'Beheer',
    roleLabel: 'Beheerder',
    empty: 'Hier beheert u straks organisaties, gebruikers en rollen.',
  },
};

/** The user's homes in a fixed order (the order of ROLES), unknown roles dropped. */
/** Roles whose home is a werkvoorraad (with the home's own title: Te beslissen, Betalingen, …). */
export const WORK_QUEUE_HOMES: readonly Role[] = ['klantmanager', 'pgb-adviseur', 'beslisser', 'financieel'];

/** Where a caseworker's task page leads back to: their own work queue, or the werkvoorraad. */
export function taakThuis(roles: readonly string[]): { path: string; naam: string } {
  const home = homesFor(roles).find((h) => WORK_QUEUE_HOMES.includes(h.role));
  return home && home.path !== '/werkvoorraad' ? { path: home.path, naam: home.title } : { path: '/werkvoorraad', naam: 'de werkvoorraad' };
}

export function homesFor(roles: readonly string[]): Home[] {
  const held = new Set(roles.filter(isRole));
  return ROLES.filter((r) => held.has(r)).map((r) => HOMES[r]);
}

export function homeByPath(path: string): Home | undefined {
  return Object.values(HOMES).find((h) => h.path === path);
}

/** A link in the main navigation. */
export interface NavItem {
  path: string;
  title: string;
}

/** Screens besides the home that a role reaches from the main navigation. */
export const EXTRA_NAV: Partial<Record<Role, NavItem[]>> = {
  klant: [
    { path: '/regelingen', title: 'Regelingen' },
    { path: '/aanbieders', title: 'Aanbieders' },
    { path: '/berichten', title: 'Berichten' },
  ],
  klantmanager: [
    { path: '/mijn-caseload', title: 'Mijn caseload' },
    { path: '/aanbieders', title: 'Aanbieders' },
  ],
  'pgb-adviseur': [{ path: '/aanbieders', title: 'Aanbieders' }],
  beslisser: [{ path: '/aanbieders', title: 'Aanbieders' }],
  financieel: [{ path: '/aanbieders', title: 'Aanbieders' }],
  manager: [
    { path: '/werkvoorraad', title: 'Werkvoorraad' },
    { path: '/incidenten', title: 'Incidenten' },
    { path: '/aanbieders', title: 'Aanbieders' },
  ],
  procesontwerper: [{ path: '/incidenten', title: 'Incidenten' }],
  beheerder: [
    { path: '/incidenten', title: 'Incidenten' },
    { path: '/aanbieders', title: 'Aanbieders' },
  ],
};

/** Main navigation: per role (fixed order) its home, then its extra screens; no duplicates. */
export function navFor(roles: readonly string[]): NavItem[] {
  const seen = new Set<string>();
  const out: NavItem[] = [];
  for (const home of homesFor(roles)) {
    for (const item of [{ path: home.path, title: home.title }, ...(EXTRA_NAV[home.role] ?? [])]) {
      if (seen.has(item.path)) continue;
      seen.add(item.path);
      out.push(item);
    }
  }
  return out;
}
