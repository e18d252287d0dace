import { z } from 'zod';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';

export const liveRoute = defineRoute({
  method: 'GET',
  url: '/health/live',
  access: { public: true, reason: 'Load balancer liveness probe.' },
  summary: 'Liveness: the process is up',
  tags: ['Health'],
  schema: { response: { 200: z.object({ status: z.literal('ok') }) } },
  async handler() {
    return Promise.resolve({ status: 'ok' as const });
  },
});

export const readyRoute = defineRoute({
  method: 'GET',
  url: '/health/ready',
  access: { public: true, reason: 'Load balancer readiness probe.' },
  summary: 'Readiness: database reachable and every migration applied',
  tags: ['Health'],
  schema: {
    response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), migrations: z.literal('applied') }) },
  },
  async handler({ deps }) {
    try {
      await deps.database.ping();
    } catch {
      throw new AppError('UNAVAILABLE', { detail: 'Database not reachable.' });
    }
    if (!(await deps.database.migrationsApplied())) {
      throw new AppError('UNAVAILABLE', { detail: 'Database migrations not applied yet.' });
    }
    return { status: 'ready' as const, database: deps.database.kind, migrations: 'applied' as const };
  },
});

export const healthRoutes = [liveRoute, readyRoute];
