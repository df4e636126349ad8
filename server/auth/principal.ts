import type { Role } from './roles.ts';

/** The authenticated caller, as every handler and access rule sees it. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /** null only for the platform beheerder, who manages accounts but sees no case data. */
  tenantId: string | null;
  klantId: string | null;
  roles: Role[];
  sessionId: string;
  csrfToken: string;
}
