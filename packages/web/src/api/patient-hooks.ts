import { useQuery } from '@tanstack/react-query';
import type { ConsentDto, EligibilityReviewDto, IntakeDto, PatientDto, PlanDto, TimelineEventDto } from '@ketapath/server/contracts';
import { api } from './client';

export interface ConsentsResponse {
  consents: ConsentDto[];
  byKind: { kind: string; status: 'valid' | 'awaiting_countersignature' | 'needs_reconsent' | 'withdrawn' | 'none'; currentVersion: number; consentId: string | null }[];
}

export const patientKeys = {
  all: (id: string) => ['patient', id] as const,
  record: (id: string) => ['patient', id, 'record'] as const,
  consents: (id: string) => ['patient', id, 'consents'] as const,
  intake: (id: string) => ['patient', id, 'intake'] as const,
  reviews: (id: string) => ['patient', id, 'reviews'] as const,
  plans: (id: string) => ['patient', id, 'plans'] as const,
  timeline: (id: string) => ['patient', id, 'timeline'] as const,
};

export const usePatient = (id: string) => useQuery({ queryKey: patientKeys.record(id), queryFn: () => api.get<PatientDto>(`/api/patients/${id}`) });
export const useConsents = (id: string) => useQuery({ queryKey: patientKeys.consents(id), queryFn: () => api.get<ConsentsResponse>(`/api/patients/${id}/consents`) });
export const useIntake = (id: string, enabled = true) => useQuery({ queryKey: patientKeys.intake(id), queryFn: () => api.get<{ intake: IntakeDto | null }>(`/api/patients/${id}/intake`), enabled });
export const useReviews = (id: string, enabled = true) => useQuery({ queryKey: patientKeys.reviews(id), queryFn: () => api.get<{ reviews: EligibilityReviewDto[] }>(`/api/patients/${id}/eligibility/reviews`), enabled });
export const usePlans = (id: string, enabled = true) => useQuery({ queryKey: patientKeys.plans(id), queryFn: () => api.get<{ plans: PlanDto[] }>(`/api/patients/${id}/plans`), enabled });
export const useTimeline = (id: string) => useQuery({ queryKey: patientKeys.timeline(id), queryFn: () => api.get<{ events: TimelineEventDto[] }>(`/api/patients/${id}/timeline`) });
