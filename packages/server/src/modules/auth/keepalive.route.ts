import { z } from 'zod';
import { defineRoute } from '../../http/route';

export const keepaliveRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/keepalive',
  access: { action: 'self.read', tablet: true, display: true },
  summary: 'Keep the session alive while the person is using the page',
  description: 'The web app calls this on user activity (at most once a minute) so that typing a long note does not count as being idle.',
  tags: ['Authentication'],
  schema: { response: { 200: z.object({ idleTimeoutSeconds: z.number().int() }) } },
  async handler({ req }) {
    return Promise.resolve({ idleTimeoutSeconds: req.sessionInfo?.idleTimeoutSeconds ?? 0 });
  },
});
