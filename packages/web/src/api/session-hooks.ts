import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TreatmentSessionDto } from '@ketapath/server/contracts';
import { syncServerTime } from '../lib/clock';
import { api } from './client';

export const sessionKeys = {
  one: (id: string) => ['session', id] as const,
  ofPatient: (patientId: string) => ['patient', patientId, 'sessions'] as const,
};

export interface SessionSummary {
  id: string;
  state: string;
  route: string;
  routeLabel: string;
  checkedInAt: string;
  doseStartedAt: string | null;
  signedAt: string | null;
}

/**
 * The session screen's one answer. Readings, alerts and changes made elsewhere arrive through the board stream
 * (session-live.ts) while it is open, with a poll every minute as a safety net; without the stream, every 15 s.
 */
export function useTreatmentSession(id: string, live = false) {
  return useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: async () => {
      const s = await api.get<TreatmentSessionDto>(`/api/sessions/${id}`);
      syncServerTime(s.serverTime);
      return s;
    },
    refetchInterval: live ? 60_000 : 15_000,
  });
}

export const usePatientSessions = (patientId: string) => useQuery({ queryKey: sessionKeys.ofPatient(patientId), queryFn: () => api.get<{ sessions: SessionSummary[] }>(`/api/patients/${patientId}/sessions`) });

/** A write to the session that answers with the whole session view (most session endpoints do). */
export function useSessionAction<B>(id: string, method: 'post' | 'put', path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => (method === 'post' ? api.post<TreatmentSessionDto>(`/api/sessions/${id}${path}`, body) : api.put<TreatmentSessionDto>(`/api/sessions/${id}${path}`, body)),
    onSuccess: (s) => {
      syncServerTime(s.serverTime);
      qc.setQueryData(sessionKeys.one(id), s);
    },
  });
}
