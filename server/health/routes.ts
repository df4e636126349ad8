import { z } from 'zod';
import { ping, type Db } from '../db/database.ts';
import { publicAccess } from '../http/access.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';

const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), ui: z.enum(['ready', 'building', 'failed']) })
  .meta({ id: 'Health' });

export function healthRoutes(db: Db, dialect: 'sqlite' | 'postgres', uiState: () => 'ready' | 'building' | 'failed') {
  return [
    defineRoute({
      operationId: 'health',
      method: 'get',
      path: '/api/health',
      summary: 'Gezondheid: controleert de database',
      tag: 'systeem',
      access: publicAccess,
      response: { status: 200, description: 'Alles werkt', schema: HealthSchema },
      errors: { 503: 'Database niet bereikbaar' },
      handler: async () => {
        try {
          await ping(db);
        } catch {
          throw new HttpProblem(503, 'Niet beschikbaar', 'De database is niet bereikbaar.');
        }
        return { status: 'ok' as const, database: dialect, ui: uiState() };
      },
    }),
  ];
}
