/**
 * Types of the API's answers, derived from the zod schemas declared beside each route. The web app
 * imports these with `import type` only, so the contract is declared once.
 */
import type { z } from 'zod';
import type { AuditEventOut } from './modules/audit/query';
import type { SessionOut } from './modules/auth/session.route';
import type { SignInResult } from './modules/auth/schemas';
import type { ClinicOut } from './modules/clinic/clinic.route';
import type { ConsentOut, TemplateVersionOut } from './modules/consents/schemas';
import type { ReviewOut, ScreeningOut } from './modules/eligibility/presenters';
import type { IntakeOut } from './modules/intake/intake.route';
import type { IntakeData, IntakeDataSchema } from './modules/intake/schema';
import type { PatientOut, PatientSummaryOut } from './modules/patients/presenters';
import type { TimelineEventOut } from './modules/patients/timeline.route';
import type { PlanOut, PlanPreviewOut } from './modules/plans/presenters';
import type { PlanInput } from './modules/plans/schemas';
import type { AppointmentOut } from './modules/scheduling/presenters';
import type { ConsultationOut, ConsultationSummaryOut } from './modules/public/consultations/schemas';
import type { PublicProfileOut } from './modules/public/profile/presenters';
import type { InvitationOut, UserOut } from './modules/users/presenters';
import type { FindingOut } from './lib/findings';
import type { InstrumentOut } from './modules/instruments/instruments.route';

export type SessionDto = z.infer<typeof SessionOut>;
export type SignInDto = z.infer<typeof SignInResult>;
export type UserDto = UserOut;
export type InvitationDto = InvitationOut;
export type AuditEventDto = AuditEventOut;
export type ClinicDto = z.infer<typeof ClinicOut>;
export type PatientSummaryDto = PatientSummaryOut;
export type PatientDto = PatientOut;
export type FindingDto = FindingOut;
export type ConsentDto = ConsentOut;
export type ConsentTemplateVersionDto = z.infer<typeof TemplateVersionOut>;
export type IntakeDto = z.infer<typeof IntakeOut>;
export type IntakeDataDto = z.input<typeof IntakeDataSchema>;
export type IntakeStored = IntakeData;
export type ScreeningDto = ScreeningOut;
export type EligibilityReviewDto = ReviewOut;
export type PlanInputDto = z.input<typeof PlanInput>;
export type PlanPreviewDto = PlanPreviewOut;
export type PlanDto = PlanOut;
export type AppointmentDto = AppointmentOut;
export type TimelineEventDto = TimelineEventOut;
export type PublicProfileDto = PublicProfileOut;
export type ConsultationDto = ConsultationOut;
export type ConsultationSummaryDto = ConsultationSummaryOut;
export type * from './modules/ledger/contracts';
export type { ProblemDocument, FieldIssue, ErrorCode } from './http/errors';
export type { StaffRole } from './policy/roles';
export type { Action } from './policy/policy';
export type * from './modules/treatment/contracts';
export type InstrumentDto = z.infer<typeof InstrumentOut>;
export type * from './modules/outcomes/contracts';
