import { EngineError } from '../../engine/port.ts';
import { HttpProblem, problems } from './problem.ts';

/** Maps a refused engine request to the HTTP problem the caller should see. */
export function engineProblem(err: unknown): unknown {
  if (!(err instanceof EngineError)) return err;
  switch (err.code) {
    case 'NOT_FOUND':
      return problems.notFound();
    case 'NOT_ASSIGNEE':
      return new HttpProblem(409, 'Taak is van iemand anders', err.message);
    case 'INVALID_STATE':
      return new HttpProblem(409, 'Niet mogelijk in deze toestand', err.message);
    case 'INVALID_DEPLOYMENT':
      return new HttpProblem(
        422,
        'Diagram of formulier afgekeurd',
        err.message,
        err.problems.map((p) => ({ field: p.elementId ? `${p.resourceName}#${p.elementId}` : p.resourceName, message: p.message })),
      );
    case 'INVALID_ARGUMENT':
      return new HttpProblem(400, 'Ongeldige invoer', err.message);
    case 'NOT_RUNNING':
      return new HttpProblem(503, 'Niet beschikbaar', err.message);
  }
}

/** Runs an engine call and rethrows its refusals as problems. */
export async function viaEngine<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw engineProblem(err);
  }
}
