import type { z } from 'zod';
import type { PatientFollowUpOut, ResultOut, WorklistOut } from '../followups/schemas';
import type { PatientOutcomesOut } from './patient.route';
import type { DashboardOut } from './schemas';

export type OutcomeDashboardDto = DashboardOut;
export type PatientOutcomesDto = PatientOutcomesOut;
export type PatientFollowUpDto = z.infer<typeof PatientFollowUpOut>;
export type FollowUpResultDto = ResultOut;
export type FollowUpWorklistDto = z.infer<typeof WorklistOut>;
