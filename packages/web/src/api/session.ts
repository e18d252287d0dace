import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionDto, Action } from '@ketapath/server/contracts';
import { api, setCsrfToken } from './client';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const s = await api.get<SessionDto>('/api/auth/session');
      setCsrfToken(s.authenticated ? s.csrfToken : undefined);
      return s;
    },
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export type ActiveSession = Extract<SessionDto, { authenticated: true }>;

export function useRefreshSession(): () => Promise<void> {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

/** Sign this browser out, then reload the session (which shows the sign-in page). */
export function useSignOut(): () => void {
  const refresh = useRefreshSession();
  return () => void api.post('/api/auth/logout').finally(() => void refresh());
}

export function can(session: ActiveSession, action: Action): boolean {
  return session.abilities.includes(action);
}
