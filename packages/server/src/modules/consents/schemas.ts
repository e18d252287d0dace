import { z } from 'zod';
import { CONSENT_KINDS } from './templates';

export const ConsentKindSchema = z.enum(CONSENT_KINDS);

export const ConsentContentSchema = z.object({
  title: z.string().trim().min(5).max(200),
  intro: z.string().trim().min(10).max(4000),
  sections: z
    .array(z.object({ heading: z.string().trim().min(2).max(200), paragraphs: z.array(z.string().trim().min(1).max(4000)).min(1).max(20) }))
    .min(1)
    .max(40),
  sources: z.array(z.string().trim().min(3).max(500)).max(40),
});

export const TemplateVersionOut = z.object({
  id: z.string(),
  kind: ConsentKindSchema,
  version: z.number().int(),
  content: ConsentContentSchema,
  contentHash: z.string(),
  material: z.boolean(),
  changeSummary: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const ConsentStatusSchema = z.enum(['awaiting_countersignature', 'valid', 'needs_reconsent', 'withdrawn']);

export const ConsentOut = z.object({
  id: z.string(),
  patientId: z.string(),
  kind: ConsentKindSchema,
  version: z.number().int(),
  contentHash: z.string(),
  status: ConsentStatusSchema,
  signerName: z.string(),
  signerRelationship: z.enum(['patient', 'legal_representative']),
  signedAt: z.string(),
  signedVia: z.string(),
  countersignedByName: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type ConsentOut = z.infer<typeof ConsentOut>;

/** A PNG drawn on the signature pad, as a data URL; at most ~300 KB. */
export const SignaturePng = z
  .string()
  .max(400_000, 'The signature image is too large')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'The signature must be a PNG image')
  .refine((s) => Buffer.from(s.slice(22), 'base64').subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'The signature must be a PNG image');
