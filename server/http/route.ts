import type { NextFunction, Request, Response, Router } from 'express';
import type { ZodType, z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { enforceAccess, type Access } from './access.ts';
import { problems } from './problem.ts';
import { toFieldErrors } from './validation.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Infer<S> = S extends ZodType ? z.infer<S> : undefined;

export interface HandlerContext<B, Q, P> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  principal: Principal | undefined;
}

/** Context of a route whose access rule guarantees a logged-in caller. */
export interface AuthedContext<B, Q, P> extends HandlerContext<B, Q, P> {
  principal: Principal;
}

export interface RouteSpec<
  B extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  P extends ZodType | undefined = undefined,
  R extends ZodType | undefined = undefined,
> {
  operationId: string;
  method: Method;
  /** Express syntax (`/api/klanten/:id`); converted to `{id}` for OpenAPI. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Success response; omit schema for 204, or give mediaType when the handler streams a file itself. */
  response: { status: number; description: string; schema?: R; mediaType?: string };
  /** Other statuses this operation documents (401/403/404 are added from the access rule). */
  errors?: Record<number, string>;
  handler: (ctx: AuthedContext<Infer<B>, Infer<Q>, Infer<P>>) => Promise<R extends ZodType ? z.infer<R> : void>;
}

// Specs of different shapes live in one list; the generic parameters only matter at definition time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any, any, any>;

/** Identity helper that infers the generics of a route. */
export function defineRoute<
  B extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  P extends ZodType | undefined = undefined,
  R extends ZodType | undefined = undefined,
>(spec: RouteSpec<B, Q, P, R>): RouteSpec<B, Q, P, R> {
  return spec;
}

function parsePart(schema: ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw problems.validation(toFieldErrors(result.error, part === 'body' ? undefined : part));
  return result.data;
}

export function mountRoute(router: Router, spec: AnyRouteSpec): void {
  router[spec.method](spec.path, async (req: Request, res: Response, next: NextFunction) => {
    try {
      enforceAccess(spec.access, req.principal);
      const ctx = {
        req,
        res,
        body: parsePart(spec.body, req.body, 'body'),
        query: parsePart(spec.query, req.query, 'query'),
        params: parsePart(spec.params, req.params, 'params'),
        principal: req.principal,
      };
      const result = await spec.handler(ctx as AuthedContext<unknown, unknown, unknown>);
      if (res.headersSent) return; // a file response was written by the handler
      if (spec.response.schema) res.status(spec.response.status).json(result);
      else res.status(spec.response.status).end();
    } catch (err) {
      next(err);
    }
  });
}
