import type { Principal } from '../auth/principal.ts';
import type { Role } from '../auth/roles.ts';
import { problems } from './problem.ts';

/**
 * Who may call a route. Declared once per route and enforced by the route
 * wrapper, never inside handlers; the authorization test reads it from the
 * OpenAPI document (x-regie-access).
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** One of these roles; tenantScoped routes also need a tenant (the platform beheerder has none). */
  | { kind: 'roles'; roles: readonly Role[]; tenantScoped: boolean };

export const publicAccess: Access = { kind: 'public' };
export const anyUser: Access = { kind: 'authenticated' };
export const tenantRoles = (...roles: Role[]): Access => ({ kind: 'roles', roles, tenantScoped: true });
export const platformRoles = (...roles: Role[]): Access => ({ kind: 'roles', roles, tenantScoped: false });

export function enforceAccess(access: Access, principal: Principal | undefined): void {
  if (access.kind === 'public') return;
  if (!principal) throw problems.unauthenticated();
  if (access.kind === 'authenticated') return;
  if (!principal.roles.some((r) => access.roles.includes(r))) throw problems.forbidden();
  if (access.tenantScoped && !principal.tenantId) throw problems.forbidden();
}
