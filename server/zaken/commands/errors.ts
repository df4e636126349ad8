import { HttpProblem, problems } from '../../http/problem.ts';

export const zaakNotFound = problems.notFound;
export const refused = (detail: string) => new HttpProblem(409, 'Niet mogelijk', detail);
