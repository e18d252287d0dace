import { ADVERSE_EVENT_OUTCOMES, ADVERSE_EVENT_SEVERITIES } from '@ketapath/clinical';
import { z } from 'zod';
import { WitnessInput } from '../../auth/witness';
import { DoseParams } from '../plans/schemas';

export const Id = z.object({ id: z.uuid() });
const Instant = z.iso.datetime({ offset: true });
const Reason = z.string().trim().min(3, 'Give the reason (a few words at least)').max(2000);

export const ConcomitantMedications = z.object({
  benzodiazepines: z.boolean(),
  nonBenzodiazepineSedativeHypnotics: z.boolean(),
  psychostimulants: z.boolean(),
  maois: z.boolean(),
  opioids: z.boolean(),
});

/** What the nurse records before the dose; the server adds what it knows (consent, eligibility, questionnaires, REMS). */
export const PredoseAnswers = z.object({
  lastFoodAt: Instant.nullable().optional(),
  lastLiquidsAt: Instant.nullable().optional(),
  /** Nasal steroid/decongestant today: the time, or null for none today. */
  nasalMedicationAt: Instant.nullable().optional(),
  escortConfirmed: z.boolean().optional(),
  noDrivingAcknowledged: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  baselineLiverTestsDone: z.boolean().optional(),
  prescriberOnSite: z.boolean().optional(),
  pulseOximeterOnSite: z.boolean().optional(),
  concomitantMedications: ConcomitantMedications.optional(),
  /** Today's weight: the dose is recomputed from it. */
  weightKg: z.number().positive().max(400).optional(),
  /** An explanation for each checklist item that is not ticked (item id → text). */
  explanations: z.record(z.string().max(60), z.string().trim().max(1000)).default({}),
});
export type PredoseAnswers = z.infer<typeof PredoseAnswers>;

export const Override = z.object({ code: z.string().max(80), field: z.string().max(200).nullable().optional(), reason: z.string().trim().max(2000) });

export const PredosePass = PredoseAnswers.extend({
  overrides: z.array(Override).max(30).default([]),
  /** A prescriber confirming overrides on the nurse's tablet (not needed when the prescriber is signed in). */
  cosign: WitnessInput.optional(),
});

/** One reading. `clientId` is made where the reading is taken, so a retry is never stored twice. */
export const ReadingIn = z
  .object({
    clientId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'Letters, digits and - _ . : only'),
    takenAt: Instant,
    systolic: z.number().int().min(0).max(400).optional(),
    diastolic: z.number().int().min(0).max(400).optional(),
    heartRate: z.number().int().min(0).max(400).optional(),
    spo2: z.number().int().min(0).max(100).optional(),
    respiratoryRate: z.number().int().min(0).max(120).optional(),
    symptoms: z.array(z.enum(['chest_pain', 'shortness_of_breath', 'severe_headache', 'visual_disturbance', 'seizure', 'reduced_consciousness', 'focal_deficit'])).max(7).optional(),
  })
  .refine((r) => [r.systolic, r.diastolic, r.heartRate, r.spo2, r.respiratoryRate].some((v) => v !== undefined) || (r.symptoms ?? []).length > 0, { message: 'A reading needs at least one value' })
  .refine((r) => (r.systolic === undefined) === (r.diastolic === undefined), { message: 'Blood pressure needs both systolic and diastolic' });
export type ReadingIn = z.infer<typeof ReadingIn>;

export const ReadingsBatch = z.object({ readings: z.array(ReadingIn).min(1).max(200) });

export const VoidReading = z.object({ reason: Reason });

export const DoseStart = z.object({
  /** Dose parameters; defaults come from the signed plan. A change from the plan needs a prescriber and a reason. */
  dose: DoseParams.optional(),
  changeReason: z.string().trim().max(2000).optional(),
  weightKg: z.number().positive().max(400).optional(),
  administration: z.object({
    /** Controlled-drug container the dose is drawn from (fills drug, strength, lot and expiry and writes the register). */
    containerId: z.uuid().optional(),
    concentrationMgPerMl: z.number().positive().max(500).optional(),
    lot: z.string().trim().max(60).optional(),
    expiry: z.iso.date().optional(),
    volumeMl: z.number().positive().max(1000).optional(),
    startedAt: Instant.optional(),
  }),
  overrides: z.array(Override).max(10).default([]),
});

export const DeviceGiven = z.object({ containerId: z.uuid().optional(), lot: z.string().trim().max(60).optional(), expiry: z.iso.date().optional(), givenAt: Instant.optional() });

export const DoseStop = z.object({ stoppedAt: Instant.optional(), volumeMl: z.number().positive().max(1000).optional(), reason: z.string().trim().max(2000).optional() });

export const Acknowledge = z.object({ note: z.string().trim().max(1000).optional() });

export const AssessmentIn = z.object({
  instrument: z.enum(['moaas', 'cadss', 'padss', 'aldrete', 'phq9', 'cssrs_screener', 'gad7', 'urinary_screen', 'misuse_check']),
  answers: z.record(z.string().max(40), z.union([z.number(), z.boolean()])),
  takenAt: Instant.optional(),
});

export const AdverseEventIn = z.object({
  term: z.string().max(60),
  otherText: z.string().trim().max(500).optional(),
  severity: z.enum(ADVERSE_EVENT_SEVERITIES),
  onsetAt: Instant,
  actionTaken: z.string().trim().max(2000).optional(),
  responseGiven: z.string().trim().max(4000).optional(),
  outcome: z.enum(ADVERSE_EVENT_OUTCOMES),
});

export const DischargeAnswers = z.object({
  escortPresent: z.boolean().optional(),
  instructionsGiven: z.boolean().optional(),
  clinicianConfirmedStable: z.boolean().optional(),
  dissociationResolved: z.boolean().optional(),
  respiratoryDepressionResolved: z.boolean().optional(),
  /** REMS question: minutes from the first device when the patient would have been ready to leave without the 2-hour rule. */
  readyToLeaveMinutes: z.number().int().min(0).max(1440).optional(),
});
export type DischargeAnswers = z.infer<typeof DischargeAnswers>;

export const DischargeIn = DischargeAnswers.extend({ overrideReason: z.string().trim().max(2000).optional() });

export const StateChange = z.object({ to: z.enum(['cancelled', 'stopped_early', 'monitoring']), reason: z.string().trim().max(2000).optional() });

export const AmendmentIn = z.object({
  reason: Reason,
  changes: z.array(z.object({ field: z.string().trim().min(2).max(200), before: z.string().trim().max(2000).nullable().optional(), after: z.string().trim().min(1).max(4000) })).min(1).max(20),
});

export const RemsSubmissionIn = z.object({
  submittedOn: z.iso.date(),
  method: z.enum(['online', 'fax']),
  confirmationNumber: z.string().trim().max(60).optional(),
});
