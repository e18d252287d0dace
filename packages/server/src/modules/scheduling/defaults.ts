import { randomUUID } from 'node:crypto';
import type { ProtocolSettings, Route } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { appointmentTypes } from '../../db/schema';
import type { Tx } from '../../db/types';
import { minimumChairMinutes } from './rules';

/** Time for arrival, check-in and pre-dose checks added to the clinical minimum (a scheduling default, editable). */
export const CHECK_IN_MINUTES = 15;

interface TypeDef {
  readonly code: string;
  readonly name: string;
  readonly route: Route | null;
  readonly minutes: number | null;
  readonly needsChair: boolean;
  readonly needsNurse: boolean;
}

const TYPES: readonly TypeDef[] = [
  { code: 'iv_session', name: 'IV ketamine infusion', route: 'iv', minutes: null, needsChair: true, needsNurse: true },
  { code: 'esketamine_session', name: 'Esketamine (Spravato) session', route: 'esketamine_nasal', minutes: null, needsChair: true, needsNurse: true },
  { code: 'im_session', name: 'IM ketamine session', route: 'im', minutes: null, needsChair: true, needsNurse: true },
  { code: 'oral_session', name: 'Oral ketamine session', route: 'oral', minutes: null, needsChair: true, needsNurse: true },
  { code: 'sublingual_session', name: 'Sublingual ketamine session', route: 'sublingual', minutes: null, needsChair: true, needsNurse: true },
  { code: 'consultation', name: 'Consultation / eligibility assessment', route: null, minutes: 60, needsChair: false, needsNurse: false },
  { code: 'follow_up', name: 'Follow-up visit', route: null, minutes: 30, needsChair: false, needsNurse: false },
];

export function defaultDuration(def: { route: Route | null; minutes: number | null }, protocol: ProtocolSettings): number {
  return def.route === null ? (def.minutes ?? 30) : minimumChairMinutes(def.route, protocol) + CHECK_IN_MINUTES;
}

/** Give a clinic the standard appointment types it lacks; treatment durations come from its protocol. */
export async function ensureAppointmentTypes(tx: Tx, clinicId: string, protocol: ProtocolSettings): Promise<void> {
  const existing = new Set((await tx.select({ code: appointmentTypes.code }).from(appointmentTypes).where(eq(appointmentTypes.clinicId, clinicId))).map((r) => r.code));
  const missing = TYPES.filter((t) => !existing.has(t.code));
  if (missing.length === 0) {
    return;
  }
  await tx.insert(appointmentTypes).values(
    missing.map((t) => ({ id: randomUUID(), clinicId, code: t.code, name: t.name, route: t.route, durationMinutes: defaultDuration(t, protocol), needsChair: t.needsChair, needsNurse: t.needsNurse, active: true })),
  );
}
