import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../audit/record';
import { consultationRequests } from '../../../db/schema';
import { AppError } from '../../../http/errors';
import { auditedNotFound } from '../../../http/not-found';
import { defineRoute } from '../../../http/route';
import { clinicBySlug, loadProfile } from '../profile/repo';
import { throttleConsultation } from './throttle';
import { consentSentence, ConsultationOut, ConsultationRequestIn, ConsultationSummaryOut, expandSelfCheck, type StoredSelfCheck } from './schemas';

type Row = typeof consultationRequests.$inferSelect;

function summary(r: Row): ConsultationSummaryOut {
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    name: r.name,
    preferredContact: r.preferredContact as ConsultationSummaryOut['preferredContact'],
    status: r.status as ConsultationSummaryOut['status'],
    hasMessage: r.message !== null,
    sharedSelfCheck: r.selfCheck !== null,
    handledAt: r.handledAt === null ? null : r.handledAt.toISOString(),
  };
}

function detail(r: Row): ConsultationOut {
  return { ...summary(r), contact: r.contact, message: r.message, consentText: r.consentText, handledBy: r.handledBy, selfCheck: expandSelfCheck(r.selfCheck) };
}

export const submitConsultationRoute = defineRoute({
  method: 'POST',
  url: '/api/public/clinics/:slug/consultation-requests',
  access: { public: true, reason: 'Visitors ask a clinic for a consultation from the public self-check (consent required; throttled per address).' },
  summary: 'Ask a clinic for a consultation (public)',
  description:
    'Sent from /learn/self-check?clinic=<slug> when the visitor chooses to. Needs the x-ketapath-csrf header (any value) and consent=true. Only clinics that publish their page and accept requests receive them. At most 5 per client address per hour. The values are personal health data: they are stored for the clinic and never logged.',
  tags: ['Public page'],
  schema: {
    params: z.object({ slug: z.string().max(64) }),
    body: ConsultationRequestIn,
    response: { 201: z.object({ received: z.literal(true), clinicName: z.string() }) },
  },
  async handler({ params, body, deps, meta }) {
    const now = deps.clock.now();
    const clinic = await clinicBySlug(deps.db, params.slug);
    const profile = clinic === undefined ? undefined : await loadProfile(deps.db, clinic);
    if (clinic === undefined || profile === undefined || !profile.published || !profile.acceptsConsultationRequests) {
      throw new AppError('NOT_FOUND', { detail: 'This clinic does not take consultation requests through Ketapath.' });
    }
    const id = randomUUID();
    const selfCheck: StoredSelfCheck | null = body.selfCheck === undefined ? null : { items: [...new Set(body.selfCheck.items)], questions: [...new Set(body.selfCheck.questions)], ownQuestions: body.selfCheck.ownQuestions };
    await deps.db.transaction(async (tx) => {
      await throttleConsultation(tx, meta.ip, clinic.id, now);
      await tx.insert(consultationRequests).values({
        id,
        clinicId: clinic.id,
        receivedAt: now,
        name: body.name,
        contact: body.contact,
        preferredContact: body.preferredContact,
        message: body.message,
        selfCheck,
        consentText: consentSentence(clinic.name),
        status: 'new',
      });
      await recordAudit(tx, {
        action: 'consultation.received',
        outcome: 'success',
        clinicId: clinic.id,
        actor: null,
        resourceType: 'consultation_request',
        resourceId: id,
        details: { sharedSelfCheck: selfCheck !== null, preferredContact: body.preferredContact },
        meta,
        at: now,
      });
    });
    return { received: true as const, clinicName: clinic.name };
  },
});

export const listConsultationsRoute = defineRoute({
  method: 'GET',
  url: '/api/consultation-requests',
  access: { action: 'consultation.read' },
  summary: 'Consultation requests sent from the public self-check (audited)',
  description: 'Newest first, at most 200. Names only: open a request to see its contact details and message (each opening is audited too).',
  tags: ['Public page'],
  schema: {
    querystring: z.object({ status: z.enum(['new', 'handled', 'all']).default('new') }),
    response: { 200: z.object({ requests: z.array(ConsultationSummaryOut) }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const where = query.status === 'all' ? eq(consultationRequests.clinicId, me.clinicId) : and(eq(consultationRequests.clinicId, me.clinicId), eq(consultationRequests.status, query.status));
    const rows = await deps.db.select().from(consultationRequests).where(where).orderBy(desc(consultationRequests.receivedAt)).limit(200);
    await deps.db.transaction((tx) =>
      recordAudit(tx, { action: 'consultation.listed', outcome: 'success', clinicId: me.clinicId, actor: me, details: { status: query.status, results: rows.length, requestIds: rows.map((r) => r.id) }, meta, at: deps.clock.now() }),
    );
    return { requests: rows.map(summary) };
  },
});

const Id = z.object({ id: z.uuid() });

async function loadRequest(deps: Parameters<typeof auditedNotFound>[0], me: Parameters<typeof auditedNotFound>[1], meta: Parameters<typeof auditedNotFound>[2], id: string): Promise<Row> {
  const [row] = await deps.db.select().from(consultationRequests).where(and(eq(consultationRequests.id, id), eq(consultationRequests.clinicId, me.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, me, meta, 'consultation_request', id);
  }
  return row;
}

export const getConsultationRoute = defineRoute({
  method: 'GET',
  url: '/api/consultation-requests/:id',
  access: { action: 'consultation.read' },
  summary: 'One consultation request with contact details and shared self-check (audited)',
  tags: ['Public page'],
  schema: { params: Id, response: { 200: ConsultationOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const row = await loadRequest(deps, me, meta, params.id);
    await deps.db.transaction((tx) =>
      recordAudit(tx, { action: 'consultation.read', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'consultation_request', resourceId: row.id, meta, at: deps.clock.now() }),
    );
    return detail(row);
  },
});

export const handleConsultationRoute = defineRoute({
  method: 'POST',
  url: '/api/consultation-requests/:id/handled',
  access: { action: 'consultation.handle' },
  summary: 'Mark a consultation request as handled',
  description: 'Records who handled it and when. Marking an already handled request again changes nothing.',
  tags: ['Public page'],
  schema: { params: Id, body: z.object({}).strict().optional(), response: { 200: ConsultationOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const row = await loadRequest(deps, me, meta, params.id);
    if (row.status === 'handled') {
      return detail(row);
    }
    return deps.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(consultationRequests)
        .set({ status: 'handled', handledAt: now, handledBy: me.userId })
        .where(and(eq(consultationRequests.id, row.id), eq(consultationRequests.status, 'new')))
        .returning();
      await recordAudit(tx, { action: 'consultation.handled', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'consultation_request', resourceId: row.id, meta, at: now });
      return detail(updated ?? row);
    });
  },
});
