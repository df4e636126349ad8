import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HttpProblem, problems } from './problem.ts';

function asProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return problems.badJson();
  if (type === 'entity.too.large') return problems.tooLarge();
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return problems.badJson();
  return undefined;
}

export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let problem = asProblem(err);
    if (!problem) {
      (req.log ?? logger).error({ err }, 'unhandled error');
      problem = problems.internal();
    }
    if (res.headersSent) return res.end();
    for (const [k, v] of Object.entries(problem.headers ?? {})) res.setHeader(k, v);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}

export function notFoundApi(_req: Request, _res: Response, next: NextFunction) {
  next(problems.notFound());
}
