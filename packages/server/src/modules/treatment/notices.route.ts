import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { staffNotices } from '../../db/schema';
import { notFound } from '../../http/errors';
import { defineRoute } from '../../http/route';

const NoticeOut = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });

export const noticesRoute = defineRoute({
  method: 'GET',
  url: '/api/notices',
  access: { action: 'notice.read' },
  summary: 'My notices (e.g. an alert escalated to me as prescriber on duty), unread first',
  tags: ['Notices'],
  schema: { response: { 200: z.object({ unread: z.number().int(), notices: z.array(NoticeOut) }) } },
  async handler({ deps, actor }) {
    const me = actor();
    const rows = await deps.db.select().from(staffNotices).where(eq(staffNotices.userId, me.userId)).orderBy(desc(staffNotices.createdAt)).limit(50);
    const present = (n: (typeof rows)[number]) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null });
    const unread = rows.filter((n) => n.readAt === null);
    return { unread: unread.length, notices: [...unread, ...rows.filter((n) => n.readAt !== null)].map(present) };
  },
});

export const readNoticeRoute = defineRoute({
  method: 'POST',
  url: '/api/notices/:id/read',
  access: { action: 'notice.read' },
  summary: 'Mark one of my notices as read',
  tags: ['Notices'],
  schema: { params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
  async handler({ params, deps, actor }) {
    const me = actor();
    const [mine] = await deps.db.select({ id: staffNotices.id }).from(staffNotices).where(and(eq(staffNotices.id, params.id), eq(staffNotices.userId, me.userId)));
    if (mine === undefined) {
      throw notFound('notice');
    }
    await deps.db.update(staffNotices).set({ readAt: deps.clock.now() }).where(and(eq(staffNotices.id, params.id), isNull(staffNotices.readAt)));
    return null;
  },
});
