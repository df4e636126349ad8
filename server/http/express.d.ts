import type { Principal } from '../auth/principal.ts';

declare global {
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}
export {};
