/** Types of the treatment-session API for the web app (import type only). */
import type { z } from 'zod';
import type { TileOut } from './board';
import type { DosePreviewOut } from './dose-preview.route';
import type { AlertOut, ReadingOut } from './presenters';
import type { AdverseEventIn, AmendmentIn, AssessmentIn, DeviceGiven, DischargeIn, DoseStart, PredoseAnswers, PredosePass, ReadingIn, RemsSubmissionIn } from './schemas';
import type { SessionOut } from './view';

export type TreatmentSessionDto = SessionOut;
export type DosePreviewDto = DosePreviewOut;
export type SessionReadingDto = ReadingOut;
export type SessionAlertDto = AlertOut;
export type BoardTileDto = TileOut;
export type BoardDto = { tiles: TileOut[]; serverTime: string; escalateAfterMinutes: number; notifyPrescriberAfterMinutes: number; clinicName: string; timeZone: string };
export type PredoseAnswersDto = z.input<typeof PredoseAnswers>;
export type PredosePassDto = z.input<typeof PredosePass>;
export type ReadingInDto = z.input<typeof ReadingIn>;
export type DoseStartDto = z.input<typeof DoseStart>;
export type DeviceGivenDto = z.input<typeof DeviceGiven>;
export type AssessmentInDto = z.input<typeof AssessmentIn>;
export type AdverseEventInDto = z.input<typeof AdverseEventIn>;
export type DischargeInDto = z.input<typeof DischargeIn>;
export type AmendmentInDto = z.input<typeof AmendmentIn>;
export type RemsSubmissionInDto = z.input<typeof RemsSubmissionIn>;
export interface IngestResultDto {
  readings: { id: string | null; clientId: string; worst: string | null; duplicate: boolean }[];
  alerts: { id: string; code: string; severity: string; message: string; raisedAt: string; escalationLevel: number; acknowledgedAt: string | null }[];
}
export interface RemsFormRowDto {
  sessionId: string;
  patient: { id: string; displayName: string; mrn: string };
  sessionDate: string;
  deadline: string;
  status: 'pending' | 'overdue' | 'submitted' | 'submitted_late';
  sessionState: string;
  daysLeft: number;
  confirmationNumber: string | null;
}
export interface DeviceDto {
  id: string;
  name: string;
  chair: { id: string; name: string } | null;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}
export interface NoticeDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface DischargeInstructionsDto {
  clinicName: string;
  patientName: string;
  date: string;
  treatment: string;
  sections: { title: string; lines: string[]; source: string | null }[];
  nextAppointment: { date: string; time: string; type: string } | null;
}
