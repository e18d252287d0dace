import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstrumentDto } from '@ketapath/server/contracts';
import { api } from '../../api/client';
import { sessionKeys } from '../../api/session-hooks';
import { useQuery } from '@tanstack/react-query';

/** Acknowledge an alert (the server records the signed-in user as the one who acknowledged). */
export function useSessionAlertAck(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post(`/api/alerts/${id}/acknowledge`, note.trim() === '' ? {} : { note: note.trim() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKeys.one(sessionId) }),
  });
}

export const useInstrument = (id: string) => useQuery({ queryKey: ['instrument', id], queryFn: () => api.get<InstrumentDto>(`/api/instruments/${id}`), staleTime: Infinity });
