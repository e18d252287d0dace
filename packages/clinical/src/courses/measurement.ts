/**
 * Which questionnaires are due now, from a treatment plan's measurement plan, the course's sessions and what
 * the patient has already completed. Pure: the current instant and the clinic's time zone are arguments.
 *
 * Every timing becomes a list of slots, each a window `[opensAt, closesAt)` with a stable key (stored on the
 * response as `dueKey`). A slot is fulfilled by a response carrying its key, or by any response to the same
 * instrument completed inside its window (so a PHQ-9 taken at the chair also counts for the portal).
 *
 * - `at_baseline`: from the plan's start until the first session starts.
 * - `before_each_session`: from the previous session (or the plan's start) — or `predose.questionnaireMaxAgeDays`
 *   before the session when that is later — until the session starts.
 * - `weekly_during_induction`: 7-day weeks from the first induction session's date to the last one's.
 * - `end_of_induction`: from the last induction session until the first maintenance session (or 7 days).
 * - `monthly_during_maintenance`: calendar months from the first maintenance session to the last one.
 */
import type { InstrumentId } from '../instruments/ids.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { MS_PER_DAY, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { instantToLocal, zonedToInstant } from '../time/zone.js';
import type { CoursePhase } from './types.js';

export const MEASUREMENT_TIMINGS = ['at_baseline', 'before_each_session', 'weekly_during_induction', 'end_of_induction', 'monthly_during_maintenance'] as const;
export type MeasurementTiming = (typeof MEASUREMENT_TIMINGS)[number];

export interface MeasurementPlanItem {
  readonly instrumentId: InstrumentId;
  readonly timings: readonly MeasurementTiming[];
}

export interface MeasurementSession {
  readonly startsAt: Instant;
  readonly phase: CoursePhase;
}

export interface CompletedMeasurement {
  readonly instrumentId: string;
  readonly completedAt: Instant;
  readonly dueKey?: string | null;
}

export interface DueInput {
  readonly plan: readonly MeasurementPlanItem[];
  /** When the plan was signed (the baseline window opens). */
  readonly planStartedAt: Instant;
  /** The course's sessions (booked or planned, not cancelled), any order. */
  readonly sessions: readonly MeasurementSession[];
  readonly completed: readonly CompletedMeasurement[];
  readonly now: Instant;
  readonly timeZone: string;
  readonly protocol: ProtocolSettings;
}

export interface MeasurementSlot {
  readonly key: string;
  readonly instrumentId: InstrumentId;
  readonly timing: MeasurementTiming;
  readonly opensAt: string;
  /** `null` = open until done (baseline with no session booked). */
  readonly closesAt: string | null;
}

/** One questionnaire to do now: the open, unfulfilled slots of one instrument. */
export interface DueQuestionnaire {
  readonly instrumentId: InstrumentId;
  /** The key to file the response under (the slot closing first). */
  readonly dueKey: string;
  readonly keys: readonly string[];
  readonly timings: readonly MeasurementTiming[];
  readonly opensAt: string;
  readonly closesAt: string | null;
}

const localMidnight = (date: LocalDate, timeZone: string): number => zonedToInstant(date, '00:00', timeZone)?.ms ?? Number.NaN;

function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

function nextMonth(date: LocalDate): LocalDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

interface Course {
  readonly starts: number[];
  readonly induction: number[];
  readonly maintenance: number[];
}

function courseOf(sessions: readonly MeasurementSession[]): Course {
  const all = sessions
    .map((s) => ({ ms: toEpochMs(s.startsAt), phase: s.phase }))
    .filter((s): s is { ms: number; phase: CoursePhase } => s.ms !== null)
    .sort((a, b) => a.ms - b.ms);
  return { starts: all.map((s) => s.ms), induction: all.filter((s) => s.phase === 'induction').map((s) => s.ms), maintenance: all.filter((s) => s.phase === 'maintenance').map((s) => s.ms) };
}

function slotsFor(item: MeasurementPlanItem, timing: MeasurementTiming, input: DueInput, course: Course): MeasurementSlot[] {
  const id = item.instrumentId;
  const tz = input.timeZone;
  const planStart = toEpochMs(input.planStartedAt) ?? 0;
  const slot = (key: string, opens: number, closes: number | null): MeasurementSlot => ({ key: `${id}:${key}`, instrumentId: id, timing, opensAt: toIsoUtc(opens), closesAt: closes === null ? null : toIsoUtc(closes) });
  const dateOf = (ms: number): LocalDate => instantToLocal(ms, tz).date;
  switch (timing) {
    case 'at_baseline':
      return [slot('baseline', planStart, course.starts[0] ?? null)];
    case 'before_each_session': {
      const maxAge = input.protocol.predose.questionnaireMaxAgeDays;
      return course.starts.map((start, i) => {
        const previous = i === 0 ? planStart : (course.starts[i - 1] ?? planStart);
        const opens = maxAge === null ? previous : Math.max(previous, start - maxAge * MS_PER_DAY);
        return slot(`session:${dateOf(start)}`, Math.min(opens, start), start);
      });
    }
    case 'weekly_during_induction': {
      const first = course.induction[0];
      const last = course.induction.at(-1);
      if (first === undefined || last === undefined) {
        return [];
      }
      const out: MeasurementSlot[] = [];
      const lastDate = dateOf(last);
      for (let week = dateOf(first); week <= lastDate && out.length < 60; week = addDays(week, 7)) {
        out.push(slot(`week:${week}`, localMidnight(week, tz), localMidnight(addDays(week, 7), tz)));
      }
      return out;
    }
    case 'end_of_induction': {
      const last = course.induction.at(-1);
      if (last === undefined) {
        return [];
      }
      const nextMaintenance = course.maintenance.find((m) => m > last);
      return [slot('end_of_induction', last, nextMaintenance ?? localMidnight(addDays(dateOf(last), 7), tz))];
    }
    case 'monthly_during_maintenance': {
      const first = course.maintenance[0];
      const last = course.maintenance.at(-1);
      if (first === undefined || last === undefined) {
        return [];
      }
      const out: MeasurementSlot[] = [];
      const end = dateOf(last);
      for (let month = monthStart(dateOf(first)); month <= end && out.length < 120; month = nextMonth(month)) {
        out.push(slot(`month:${month.slice(0, 7)}`, Math.max(first, localMidnight(month, tz)), localMidnight(nextMonth(month), tz)));
      }
      return out;
    }
  }
}

/** Every slot of the plan (for reports and tests), ordered by opening time. */
export function measurementSlots(input: DueInput): MeasurementSlot[] {
  const course = courseOf(input.sessions);
  return input.plan.flatMap((item) => item.timings.flatMap((timing) => slotsFor(item, timing, input, course))).sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.key.localeCompare(b.key));
}

function fulfilled(slot: MeasurementSlot, completed: readonly CompletedMeasurement[]): boolean {
  const opens = toEpochMs(slot.opensAt) ?? 0;
  const closes = slot.closesAt === null ? Number.POSITIVE_INFINITY : (toEpochMs(slot.closesAt) ?? 0);
  return completed.some((c) => {
    if (c.instrumentId !== slot.instrumentId) {
      return false;
    }
    if (c.dueKey === slot.key) {
      return true;
    }
    const at = toEpochMs(c.completedAt);
    return at !== null && at >= opens && at < closes;
  });
}

/**
 * The questionnaires due at `now`: slots whose window contains `now` and that nobody has fulfilled, one entry
 * per instrument (a single response fulfils every open slot of its instrument), the soonest closing first.
 */
export function dueQuestionnaires(input: DueInput): DueQuestionnaire[] {
  const now = toEpochMs(input.now);
  if (now === null) {
    return [];
  }
  const open = measurementSlots(input).filter((s) => {
    const opens = toEpochMs(s.opensAt) ?? 0;
    const closes = s.closesAt === null ? Number.POSITIVE_INFINITY : (toEpochMs(s.closesAt) ?? 0);
    return now >= opens && now < closes && !fulfilled(s, input.completed);
  });
  const byInstrument = new Map<InstrumentId, MeasurementSlot[]>();
  for (const s of open) {
    byInstrument.set(s.instrumentId, [...(byInstrument.get(s.instrumentId) ?? []), s]);
  }
  const closing = (s: MeasurementSlot): string => s.closesAt ?? '9999';
  return [...byInstrument.values()]
    .map((slots) => {
      const sorted = [...slots].sort((a, b) => closing(a).localeCompare(closing(b)));
      const first = sorted[0] as MeasurementSlot;
      return {
        instrumentId: first.instrumentId,
        dueKey: first.key,
        keys: sorted.map((s) => s.key),
        timings: [...new Set(sorted.map((s) => s.timing))],
        opensAt: sorted.map((s) => s.opensAt).sort()[0] ?? first.opensAt,
        closesAt: first.closesAt,
      };
    })
    .sort((a, b) => (a.closesAt ?? '9999').localeCompare(b.closesAt ?? '9999') || a.instrumentId.localeCompare(b.instrumentId));
}
