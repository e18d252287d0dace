import { useQuery } from '@tanstack/react-query';
import type { AppointmentDto } from '@ketapath/server/contracts';
import { api, ApiError, qs } from '../../api/client';

/** Local mirrors of the scheduling route schemas that contracts.ts does not export. */
export interface Chair {
  readonly id: string;
  readonly name: string;
  readonly kind: 'chair' | 'room';
  readonly active: boolean;
  readonly sortOrder: number;
}

export interface AppointmentType {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly route: string | null;
  readonly durationMinutes: number;
  readonly minimumMinutes: number | null;
  readonly needsChair: boolean;
  readonly needsNurse: boolean;
  readonly active: boolean;
}

export interface WorkingHours {
  readonly weekday: number;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface StaffHours {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly hours: readonly WorkingHours[];
}

export interface Resources {
  readonly chairs: readonly Chair[];
  readonly types: readonly AppointmentType[];
  readonly staff: readonly StaffHours[];
  readonly openingDays: readonly number[];
  readonly dayStartsAt: string;
  readonly dayEndsAt: string;
  readonly chairsPerNurse: number;
}

export interface Conflict {
  readonly code: string;
  readonly message: string;
  readonly appointmentId: string | null;
}

export interface Proposal {
  readonly index: number;
  readonly phase: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly localDate: string;
  readonly localStart: string;
  readonly chair: { id: string; name: string } | null;
  readonly staff: { id: string; name: string } | null;
  readonly conflicts: readonly Conflict[];
  readonly alreadyBooked: boolean;
}

export interface ReadinessItem {
  readonly code: string;
  readonly ok: boolean;
  readonly message: string;
  readonly source: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly items: readonly ReadinessItem[];
}

export interface RescheduleSuggestion {
  readonly changes: readonly { index: number; from: string; to: string; appointmentId: string | null }[];
  readonly notes: readonly string[];
}

export interface StatusResult {
  readonly appointment: AppointmentDto;
  readonly rescheduleSuggestion: RescheduleSuggestion | null;
}

export const RESOURCES_KEY = ['scheduling', 'resources'] as const;
export const APPOINTMENTS_KEY = ['appointments'] as const;

export function useResources() {
  return useQuery({ queryKey: RESOURCES_KEY, queryFn: () => api.get<Resources>('/api/scheduling/resources'), staleTime: 60_000 });
}

export interface AppointmentRange {
  readonly from: string;
  readonly to: string;
  readonly includeCancelled?: boolean;
  readonly patientId?: string;
}

export function fetchAppointments(r: AppointmentRange): Promise<{ appointments: AppointmentDto[] }> {
  return api.get<{ appointments: AppointmentDto[] }>(`/api/appointments${qs({ from: r.from, to: r.to, patientId: r.patientId, includeCancelled: r.includeCancelled === true ? 'true' : undefined })}`);
}

export function useAppointments(r: AppointmentRange) {
  return useQuery({ queryKey: [...APPOINTMENTS_KEY, r], queryFn: () => fetchAppointments(r), refetchInterval: 60_000 });
}

/** Known first words of the server's conflict sentences (rules.ts), used when only the detail text is at hand. */
const CONFLICT_STARTS: readonly (readonly [string, string])[] = [
  ['That time has already passed.', 'IN_THE_PAST'],
  ['The clinic is closed that day.', 'CLINIC_CLOSED'],
  ['Outside clinic hours', 'OUTSIDE_CLINIC_HOURS'],
  ['The chair is taken by', 'CHAIR_BUSY'],
  ['The patient already has', 'PATIENT_BUSY'],
  ['The nurse already monitors', 'NURSE_BUSY'],
  ['Outside the nurse’s working hours.', 'OUTSIDE_STAFF_HOURS'],
  ['No chair is set up', 'CHAIR_BUSY'],
];

function isConflict(x: unknown): x is Conflict {
  return typeof x === 'object' && x !== null && 'code' in x && typeof x.code === 'string' && 'message' in x && typeof x.message === 'string';
}

function splitDetail(detail: string): Conflict[] | null {
  const cuts = new Set<number>();
  for (const [start] of CONFLICT_STARTS) {
    for (let at = detail.indexOf(start); at !== -1; at = detail.indexOf(start, at + 1)) {
      cuts.add(at);
    }
  }
  if (cuts.size === 0) {
    return null;
  }
  const sorted = [...cuts.add(0)].sort((a, b) => a - b);
  return sorted
    .map((at, i) => detail.slice(at, sorted[i + 1] ?? detail.length).trim())
    .filter((m) => m !== '')
    .map((message) => ({ message, appointmentId: null, code: CONFLICT_STARTS.find(([s]) => message.startsWith(s))?.[1] ?? 'OTHER' }));
}

/** An extension member of the problem document (e.g. `conflicts`, `items`), if the error object carries it. */
export function problemMember(err: ApiError, name: string): unknown {
  const problem: unknown = 'problem' in err ? err.problem : undefined;
  if (typeof problem === 'object' && problem !== null && name in problem) {
    return (problem as Record<string, unknown>)[name];
  }
  return name in err ? (err as unknown as Record<string, unknown>)[name] : undefined;
}

function isReadinessItem(x: unknown): x is ReadinessItem {
  return typeof x === 'object' && x !== null && 'ok' in x && typeof x.ok === 'boolean' && 'message' in x && typeof x.message === 'string' && 'code' in x && typeof x.code === 'string' && 'source' in x && typeof x.source === 'string';
}

/** The checklist of a refused check-in (422), when the error carries it. */
export function readinessItemsOf(err: unknown): ReadinessItem[] | null {
  if (!(err instanceof ApiError)) {
    return null;
  }
  const items = problemMember(err, 'items');
  if (!Array.isArray(items)) {
    return null;
  }
  const list: unknown[] = items;
  return list.every(isReadinessItem) ? list : null;
}

/**
 * The reasons a booking or move was refused (409), from the problem's `conflicts`. When the error
 * object does not carry the problem document, the server's detail sentence is read instead. Null for
 * any other error (shown with ErrorAlert).
 */
export function conflictsOf(err: unknown): Conflict[] | null {
  if (!(err instanceof ApiError) || err.status !== 409) {
    return null;
  }
  const carried = problemMember(err, 'conflicts');
  if (Array.isArray(carried)) {
    const list: unknown[] = carried;
    const conflicts = list.filter(isConflict).map((c) => ({ code: c.code, message: c.message, appointmentId: c.appointmentId ?? null }));
    return conflicts.length > 0 ? conflicts : null;
  }
  const plain: object = err;
  if ('problem' in plain || err.code !== 'CONFLICT' || err.detail === undefined) {
    return null;
  }
  return splitDetail(err.detail);
}

export const STATUS_LABELS: Record<AppointmentDto['status'], { label: string; tone: string }> = {
  booked: { label: 'Booked', tone: 'info' },
  checked_in: { label: 'Checked in', tone: 'ok' },
  completed: { label: 'Completed', tone: '' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  no_show: { label: 'Did not come', tone: 'warn' },
};

/** Colour family of an appointment: its treatment route, or its visit type. */
export function toneOf(code: string, route: string | null): string {
  if (route !== null) {
    return route === 'esketamine_nasal' ? 'esk' : route === 'iv' ? 'iv' : route === 'im' ? 'im' : 'oral';
  }
  return code === 'consultation' ? 'consult' : 'visit';
}

export const TONE_LEGEND: readonly { tone: string; label: string }[] = [
  { tone: 'iv', label: 'IV infusion' },
  { tone: 'esk', label: 'Esketamine' },
  { tone: 'im', label: 'IM injection' },
  { tone: 'oral', label: 'Oral / sublingual' },
  { tone: 'consult', label: 'Consultation' },
  { tone: 'visit', label: 'Other visit' },
];

export const STAFF_ROLE_SHORT: Record<string, string> = { nurse: 'Nurse', prescriber: 'Prescriber', admin: 'Administrator', front_desk: 'Front desk' };
