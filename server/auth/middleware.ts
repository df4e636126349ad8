import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/database.ts';
import { problems } from '../http/problem.ts';
import { principalForToken, SESSION_COOKIE, type SessionKeys } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to req.principal. This is the one place that
 * knows how a caller authenticated, so an OIDC/SAML broker (DigiD,
 * eHerkenning) can be added by issuing the same session after its callback.
 */
export function sessionLoader(db: Db, keys: SessionKeys) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string' && token.length > 0 && token.length < 200) {
        req.principal = await principalForToken(db, token, keys);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * CSRF: a state-changing request with a session must echo the session's token
 * in X-CSRF-Token (synchronizer token). Without a session (login) a foreign
 * Origin is refused; SameSite=Strict cookies and JSON-only bodies do the rest.
 */
export function csrfGuard(req: Request, _res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  if (origin && origin !== `${req.protocol}://${req.get('host')}`) return next(problems.csrf());
  if (req.principal) {
    const header = req.get('x-csrf-token');
    if (!header || !sameToken(header, req.principal.csrfToken)) return next(problems.csrf());
  }
  next();
}
