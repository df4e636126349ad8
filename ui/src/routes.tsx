/**
 * The route table. Every screen after login is a route with the roles that may
 * see it. Heavy screens (bpmn-js modeler, form editor) must be lazy:
 *
 *   { path: '/procesontwerp/modeler', title: 'Modeler', roles: ['procesontwerper'],
 *     component: lazy(() => import('./pages/Modeler.tsx')) }
 *
 * so that their code is only fetched when the route is opened; the first
 * screen of a caseworker stays small. The shell renders routes inside <Suspense>.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role, Session } from './api.ts';
import { HOMES, WORK_QUEUE_HOMES, type Home } from './homes.ts';
import { TASK_ROLES, ZAAK_ROLES } from './lib/roles.ts';
import { RoleHome } from './pages/RoleHome.tsx';
import { Betaalbestand } from './components/Betaalbestand.tsx';
import { WerkvoorraadPage } from './pages/WerkvoorraadPage.tsx';
import { matchPath } from './router.tsx';

// Everything but the werkvoorraad is lazy: the task screen pulls in the form renderer
// (Formik, Yup, FEEL) and must stay out of the caseworker's first bundle.
const TaakPage = lazy(() => import('./pages/TaakPage.tsx'));
const ZaakPage = lazy(() => import('./pages/ZaakPage.tsx'));
const CaseloadPage = lazy(() => import('./pages/CaseloadPage.tsx'));
const IncidentenPage = lazy(() => import('./pages/IncidentenPage.tsx'));
const MijnTrajectPage = lazy(() => import('./pages/MijnTrajectPage.tsx'));
const MijnZaakPage = lazy(() => import('./pages/MijnZaakPage.tsx'));
const RegelingenPage = lazy(() => import('./pages/RegelingenPage.tsx'));
const RegelingPage = lazy(() => import('./pages/RegelingenPage.tsx').then((m) => ({ default: m.RegelingPage })));
const BerichtenPage = lazy(() => import('./pages/BerichtenPage.tsx'));
const DoorlooptijdenPage = lazy(() => import('./pages/DoorlooptijdenPage.tsx'));
const AanbiedersPage = lazy(() => import('./pages/AanbiedersPage.tsx'));

export interface RouteProps {
  session: Session;
  params: Record<string, string>;
}

export interface AppRoute {
  path: string;
  /** Page title, used in document.title. */
  title: string;
  /** Roles that may open this route. */
  roles: readonly Role[];
  component: ComponentType<RouteProps> | LazyExoticComponent<ComponentType<RouteProps>>;
}


function homeRoute(home: Home): AppRoute {
  if (home.role === 'klant') return { path: home.path, title: home.title, roles: ['klant'], component: MijnTrajectPage };
  if (home.role === 'manager') return { path: home.path, title: home.title, roles: ['manager'], component: DoorlooptijdenPage };
  const Component: ComponentType<RouteProps> =
    home.role === 'financieel'
      ? // Approving payments, then the betaalbestand for the bank: both on financieel's home.
        (props: RouteProps) => (
          <>
            <WerkvoorraadPage title={home.title} {...props} />
            <Betaalbestand />
          </>
        )
      : WORK_QUEUE_HOMES.includes(home.role)
        ? (props: RouteProps) => <WerkvoorraadPage title={home.title} {...props} />
        : (props: RouteProps) => <RoleHome home={home} {...props} />;
  Component.displayName = `Home(${home.role})`;
  return { path: home.path, title: home.title, roles: [home.role], component: Component };
}

export const ROUTES: readonly AppRoute[] = [
  // Before the homes: the klantmanager's home path, open to every role with tasks (manager: team view).
  { path: '/werkvoorraad', title: 'Werkvoorraad', roles: TASK_ROLES, component: WerkvoorraadPage },
  ...Object.values(HOMES).map(homeRoute),
  { path: '/taken/:key', title: 'Taak', roles: TASK_ROLES, component: TaakPage },
  { path: '/zaken/:id', title: 'Zaakdossier', roles: ZAAK_ROLES, component: ZaakPage },
  { path: '/mijn-caseload', title: 'Mijn caseload', roles: ['klantmanager'], component: CaseloadPage },
  { path: '/incidenten', title: 'Incidenten', roles: ['beheerder', 'procesontwerper', 'manager'], component: IncidentenPage },
  { path: '/mijn-traject/zaken/:id', title: 'Mijn zaak', roles: ['klant'], component: MijnZaakPage },
  { path: '/mijn-traject/taken/:key', title: 'Taak', roles: ['klant'], component: TaakPage },
  { path: '/regelingen', title: 'Regelingen', roles: ['klant'], component: RegelingenPage },
  { path: '/regelingen/:regeling', title: 'Regeling', roles: ['klant'], component: RegelingPage },
  { path: '/berichten', title: 'Berichten', roles: ['klant'], component: BerichtenPage },
  { path: '/aanbieders', title: 'Aanbieders', roles: ['klant', ...ZAAK_ROLES, 'beheerder'], component: AanbiedersPage },
  // Lazy routes for heavy editors go here (see the comment at the top).
];

export type RouteMatch =
  | { kind: 'ok'; route: AppRoute; params: Record<string, string> }
  | { kind: 'forbidden'; route: AppRoute }
  | { kind: 'not-found' };

export function resolveRoute(path: string, roles: readonly string[]): RouteMatch {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.roles.some((r) => roles.includes(r))) return { kind: 'ok', route, params };
    return { kind: 'forbidden', route };
  }
  return { kind: 'not-found' };
}
