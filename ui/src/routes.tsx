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
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role, Session } from './api.ts';
import { HOMES, type Home } from './homes.ts';
import { RoleHome } from './pages/RoleHome.tsx';
import { matchPath } from './router.tsx';

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
  const Component = (props: RouteProps) => <RoleHome home={home} {...props} />;
  Component.displayName = `Home(${home.role})`;
  return { path: home.path, title: home.title, roles: [home.role], component: Component };
}

export const ROUTES: readonly AppRoute[] = [
  ...Object.values(HOMES).map(homeRoute),
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
