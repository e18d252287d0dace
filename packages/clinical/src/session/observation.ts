/**
 * Observation schedule per route (which readings/assessments are due when) and `dueReadings` (what is done,
 * due, upcoming or missed at a given moment). Windows between slots are split at the midpoints, so no extra
 * tolerance constant is needed.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef, ValidationIssue } from '../findings/types.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_MINUTE, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';

export type ObservationKind = 'vitals' | 'sedation_dissociation' | 'discharge_assessment';

export interface ScheduledObservation {
  readonly id: string;
  readonly kind: ObservationKind;
  /** Minutes after the dose start (first device / start of infusion). */
  readonly offsetMinutes: number;
  readonly dueAt: string;
  readonly label: string;
  readonly source: SourceRef;
}

export interface ObservationSchedule {
  readonly route: Route;
  readonly doseStart: string;
  readonly items: readonly ScheduledObservation[];
  /** Earliest discharge by minimum time, or `null` when the protocol sets no minimum for the route. */
  readonly minimumDischargeAt: string | null;
}

export type ScheduleResult = { readonly ok: true; readonly schedule: ObservationSchedule } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

type Slot = readonly [number, ObservationKind, string, SourceRef];

function esketamineSlots(p: ProtocolSettings): Slot[] {
  const at40 = p.observation.esketaminePostDoseBpMinutes;
  const end = p.observation.esketamineMinMinutes;
  return [
    [0, 'vitals', 'Pre-dose BP, heart rate and SpO2', SOURCES.spravato_bp_timing],
    [at40, 'vitals', `BP and SpO2 ~${at40} min after dosing (REMS form)`, SOURCES.spravato_bp_timing],
    [at40, 'sedation_dissociation', 'Sedation (MOAA/S) and dissociation check at peak effect', SOURCES.moaas],
    [end, 'vitals', 'BP and SpO2 before the session ends (REMS form)', SOURCES.spravato_bp_timing],
    [end, 'sedation_dissociation', 'Sedation and dissociation resolved?', SOURCES.spravato_monitoring],
    [end, 'discharge_assessment', 'Discharge readiness assessment', SOURCES.spravato_discharge],
  ];
}

function racemicSlots(route: Route, p: ProtocolSettings, infusionMinutes: number): Slot[] {
  const o = p.observation;
  const slots: Slot[] = [[0, 'vitals', 'Pre-dose BP, heart rate and SpO2', SOURCES.iv_vitals_frequency]];
  const doseEnd = route === 'iv' ? infusionMinutes : 0;
  if (route === 'iv') {
    for (let t = o.ivIntervalDuringMinutes; t < doseEnd; t += o.ivIntervalDuringMinutes) {
      slots.push([t, 'vitals', `Vitals during infusion (${t} min)`, SOURCES.iv_vitals_frequency]);
    }
    slots.push([doseEnd, 'vitals', 'Vitals at end of infusion', SOURCES.iv_vitals_frequency]);
  }
  const end = doseEnd + o.racemicPostDoseReadingsMinutes;
  for (let t = doseEnd + o.intervalAfterMinutes; t < end; t += o.intervalAfterMinutes) {
    slots.push([t, 'vitals', `Vitals after dosing (${t} min)`, SOURCES.iv_vitals_frequency]);
  }
  slots.push([end, 'vitals', 'Vitals before discharge', SOURCES.racemic_bp_time_course]);
  if (route === 'iv') {
    slots.push([doseEnd, 'sedation_dissociation', 'Sedation and dissociation at end of infusion', SOURCES.moaas]);
  }
  slots.push([end, 'sedation_dissociation', 'Sedation and dissociation resolved?', SOURCES.moaas]);
  slots.push([end, 'discharge_assessment', 'Discharge score (PADSS / modified Aldrete)', SOURCES.discharge_general]);
  return slots;
}

/** Readings and assessments due for a session starting at `doseStart`. */
export function observationSchedule(route: Route, protocol: ProtocolSettings, doseStart: Instant, options: { readonly infusionMinutes?: number } = {}): ScheduleResult {
  const start = toEpochMs(doseStart);
  const infusion = options.infusionMinutes ?? protocol.iv.infusionMinutes;
  if (start === null || !Number.isFinite(infusion) || infusion <= 0) {
    return { ok: false, issues: [{ code: 'INVALID_INPUT', itemId: start === null ? 'doseStart' : 'infusionMinutes', message: start === null ? 'doseStart must be an ISO instant with offset or epoch ms' : 'infusionMinutes must be positive' }] };
  }
  const slots = route === 'esketamine_nasal' ? esketamineSlots(protocol) : racemicSlots(route, protocol, infusion);
  const items = slots
    .map(([offset, kind, label, source]) => ({ id: `${kind}@${offset}`, kind, offsetMinutes: offset, dueAt: toIsoUtc(start + offset * MS_PER_MINUTE), label, source }))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  let min: number | null;
  if (route === 'esketamine_nasal') {
    min = protocol.observation.esketamineMinMinutes;
  } else {
    const racemicMin = protocol.observation.racemicMinMinutes;
    min = racemicMin === null ? null : (route === 'iv' ? infusion : 0) + racemicMin;
  }
  return { ok: true, schedule: { route, doseStart: toIsoUtc(start), items, minimumDischargeAt: min === null ? null : toIsoUtc(start + min * MS_PER_MINUTE) } };
}

export interface TakenObservation {
  readonly kind: ObservationKind;
  readonly at: Instant;
}

export type DueStatus = 'done' | 'due' | 'upcoming' | 'missed';

export interface DueObservation extends ScheduledObservation {
  readonly status: DueStatus;
  readonly takenAt?: string;
  /** Minutes past the due time (negative = not yet due). */
  readonly minutesPastDue: number;
}

/** The time window (epoch ms, `from` inclusive, `to` exclusive, possibly infinite) in which an observation counts for a scheduled item: between the midpoints to its neighbours of the same kind. */
export interface ObservationWindow {
  readonly item: ScheduledObservation;
  readonly fromMs: number;
  readonly toMs: number;
}

/** The window of every scheduled item, in schedule order (`dueReadings` marks an item done when an observation of its kind falls in its window). */
export function observationWindows(schedule: ObservationSchedule): ObservationWindow[] {
  const start = toEpochMs(schedule.doseStart) ?? 0;
  return schedule.items.map((it) => {
    const same = schedule.items.filter((o) => o.kind === it.kind);
    const i = same.indexOf(it);
    const prev = same[i - 1];
    const next = same[i + 1];
    const fromMs = prev === undefined ? -Infinity : start + ((prev.offsetMinutes + it.offsetMinutes) / 2) * MS_PER_MINUTE;
    const toMs = next === undefined ? Infinity : start + ((next.offsetMinutes + it.offsetMinutes) / 2) * MS_PER_MINUTE;
    return { item: it, fromMs, toMs };
  });
}

/** Status of each scheduled item at `now`, given what has been recorded. */
export function dueReadings(schedule: ObservationSchedule, taken: readonly TakenObservation[], now: Instant): { items: DueObservation[]; findings: Finding[]; next: DueObservation | null } {
  const nowMs = toEpochMs(now) ?? Number.NaN;
  const start = toEpochMs(schedule.doseStart) ?? 0;
  const findings: Finding[] = [];
  // Parse each taken time once (a board computes this for every chair, with every reading of the session).
  const takenMs = taken.map((t) => ({ kind: t.kind, ms: toEpochMs(t.at) }));
  const items = observationWindows(schedule).map(({ item: it, fromMs: lo, toMs: hi }): DueObservation => {
    const due = start + it.offsetMinutes * MS_PER_MINUTE;
    const minutesPastDue = Math.round((nowMs - due) / MS_PER_MINUTE);
    const hit = takenMs.find((t) => t.kind === it.kind && t.ms !== null && t.ms >= lo && t.ms < hi)?.ms ?? undefined;
    if (hit !== undefined) {
      return { ...it, status: 'done', takenAt: toIsoUtc(hit), minutesPastDue };
    }
    if (nowMs < due) {
      return { ...it, status: 'upcoming', minutesPastDue };
    }
    if (nowMs < hi) {
      return { ...it, status: 'due', minutesPastDue };
    }
    findings.push(finding('OBSERVATION_READING_MISSED', `${it.label} (due ${it.dueAt}) was not recorded.`, { field: it.id, value: it.dueAt, source: it.source, action: 'Record the reading now and note why it was late.' }));
    return { ...it, status: 'missed', minutesPastDue };
  });
  const next = items.find((i) => i.status === 'due') ?? items.find((i) => i.status === 'upcoming') ?? null;
  return { items, findings, next };
}
