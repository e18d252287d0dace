import type { TreatmentSessionDto } from '@ketapath/server/contracts';

export type Session = TreatmentSessionDto;
export type Reading = Session['readings'][number];
export type Alert = Session['alerts'][number];

export const STATE_LABELS: Record<string, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in — pre-dose checks',
  predose_passed: 'Pre-dose checks passed — ready to dose',
  dosing: 'Dosing',
  monitoring: 'Monitoring after the dose',
  ready_for_discharge: 'Ready for discharge',
  discharged: 'Discharged — note to sign',
  signed: 'Signed and locked',
  cancelled: 'Cancelled',
  no_show: 'Did not attend',
  stopped_early: 'Stopped early',
};

export const stateLabel = (s: string): string => STATE_LABELS[s] ?? s.replace(/_/g, ' ');

export const SEVERITY_TEXT: Record<string, string> = { block: 'Urgent', override: 'Act now', warn: 'Warning', info: 'Note' };
export const SEVERITY_CLASS: Record<string, string> = { block: 'danger', override: 'danger', warn: 'warn', info: 'info' };

/** Blood pressure as "128/82 mmHg", or an em dash. */
export function bpText(r: Pick<Reading, 'systolic' | 'diastolic'>): string {
  return r.systolic === null || r.diastolic === null ? '—' : `${r.systolic}/${r.diastolic} mmHg`;
}

export function unitText(v: number | null, unit: string): string {
  return v === null ? '—' : `${v} ${unit}`;
}

/** A protocol threshold's number by key (e.g. 'vitals.pauseSystolicAbove'). */
export function threshold(s: Session, key: string): number | null {
  return s.thresholds.find((t) => t.key === key)?.value ?? null;
}

export const SYMPTOMS: readonly { id: string; label: string }[] = [
  { id: 'chest_pain', label: 'Chest pain' },
  { id: 'shortness_of_breath', label: 'Short of breath' },
  { id: 'severe_headache', label: 'Severe headache' },
  { id: 'visual_disturbance', label: 'Visual disturbance' },
  { id: 'seizure', label: 'Seizure' },
  { id: 'reduced_consciousness', label: 'Reduced consciousness' },
  { id: 'focal_deficit', label: 'Weakness or numbness on one side' },
];

/** A clinic-zone time of day, "14:05". */
export function timeOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** For datetime-local inputs in the clinic's zone: ISO → "2026-11-30T09:05" and back. */
export function toLocalInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

export function fromLocalInput(local: string, timeZone: string): string {
  // Find the instant whose clinic-zone wall time is `local` (two passes settle daylight-saving edges).
  const wall = Date.parse(`${local}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${toLocalInput(new Date(guess).toISOString(), timeZone)}:00Z`);
    guess += wall - shown;
  }
  return new Date(guess).toISOString();
}
