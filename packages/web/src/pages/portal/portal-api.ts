import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client';
import type { CrisisLine } from '../../components/questionnaire/CrisisPanel';

export interface PortalSession {
  readonly signedIn: boolean;
  readonly firstName: string | null;
  readonly csrfToken: string | null;
  readonly idleTimeoutSeconds: number | null;
}
export interface DueItem {
  readonly instrumentId: string;
  readonly title: string;
  readonly dueKey: string;
  readonly closesAt: string | null;
}
export interface PortalHome {
  readonly firstName: string;
  readonly clinicName: string;
  readonly timeZone: string;
  readonly crisisLine: (CrisisLine & { source: string }) | null;
  readonly appointments: readonly { id: string; startsAt: string; endsAt: string; type: string }[];
  readonly due: readonly DueItem[];
  readonly consents: readonly { kind: string; title: string; version: number; signedAt: string; status: 'awaiting_countersignature' | 'valid' | 'needs_reconsent' | 'withdrawn' }[];
}

export const PORTAL_SESSION_KEY = ['portal-session'];

export function usePortalSession() {
  return useQuery({
    queryKey: PORTAL_SESSION_KEY,
    queryFn: async () => {
      const s = await api.get<PortalSession>('/api/portal/session');
      setCsrfToken(s.csrfToken ?? undefined);
      return s;
    },
    staleTime: 60_000,
  });
}

export function usePortalHome() {
  return useQuery({ queryKey: ['portal-home'], queryFn: () => api.get<PortalHome>('/api/portal/home') });
}

export function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}
