import { z } from 'zod';
import { CLINIC_QUESTIONS } from '../content/checklist';
import { SELF_CHECK_ITEMS } from '../content/self-check';

const ITEM_IDS = SELF_CHECK_ITEMS.map((i) => i.id) as [string, ...string[]];
const QUESTION_IDS = CLINIC_QUESTIONS.map((q) => q.id) as [string, ...string[]];

export const CONTACT_METHODS = ['phone', 'email'] as const;

/** What a visitor sends from the self-check: the minimum needed to call or write back. */
export const ConsultationRequestIn = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(120),
    contact: z.string().trim().min(3, 'Enter a phone number or an email address').max(200),
    preferredContact: z.enum(CONTACT_METHODS),
    message: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    consent: z.literal(true, { error: 'Tick the box to agree that the clinic may keep your details' }),
    selfCheck: z
      .object({
        items: z.array(z.enum(ITEM_IDS)).max(ITEM_IDS.length),
        questions: z.array(z.enum(QUESTION_IDS)).max(QUESTION_IDS.length),
        ownQuestions: z.string().trim().max(1000).default(''),
      })
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.preferredContact === 'email' && !z.email().safeParse(b.contact).success) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'Enter a valid email address, or choose a phone call' });
    }
    if (b.preferredContact === 'phone' && b.contact.replace(/\D/g, '').length < 7) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'Enter a phone number with at least 7 digits, or choose email' });
    }
  });
export type ConsultationRequestIn = z.infer<typeof ConsultationRequestIn>;

export interface StoredSelfCheck {
  readonly items: readonly string[];
  readonly questions: readonly string[];
  readonly ownQuestions: string;
}

export function consentSentence(clinicName: string): string {
  return `I agree that ${clinicName} may keep these details to contact me about a consultation.`;
}

export const ConsultationSummaryOut = z.object({
  id: z.string(),
  receivedAt: z.string(),
  name: z.string(),
  preferredContact: z.enum(CONTACT_METHODS),
  status: z.enum(['new', 'handled']),
  hasMessage: z.boolean(),
  sharedSelfCheck: z.boolean(),
  handledAt: z.string().nullable(),
});
export type ConsultationSummaryOut = z.infer<typeof ConsultationSummaryOut>;

export const ConsultationOut = ConsultationSummaryOut.extend({
  contact: z.string(),
  message: z.string().nullable(),
  consentText: z.string(),
  handledBy: z.string().nullable(),
  selfCheck: z
    .object({
      items: z.array(z.object({ id: z.string(), label: z.string(), urgent: z.boolean() })),
      questions: z.array(z.object({ id: z.string(), question: z.string() })),
      ownQuestions: z.string(),
    })
    .nullable(),
});
export type ConsultationOut = z.infer<typeof ConsultationOut>;

/** Expand stored ids to the wording the visitor saw (unknown ids from older versions are kept as ids). */
export function expandSelfCheck(stored: unknown): ConsultationOut['selfCheck'] {
  if (stored === null || typeof stored !== 'object') {
    return null;
  }
  const s = stored as Partial<StoredSelfCheck>;
  return {
    items: (s.items ?? []).map((id) => {
      const it = SELF_CHECK_ITEMS.find((i) => i.id === id);
      return { id, label: it?.label ?? id, urgent: it?.urgent === true };
    }),
    questions: (s.questions ?? []).map((id) => ({ id, question: CLINIC_QUESTIONS.find((q) => q.id === id)?.question ?? id })),
    ownQuestions: typeof s.ownQuestions === 'string' ? s.ownQuestions : '',
  };
}
