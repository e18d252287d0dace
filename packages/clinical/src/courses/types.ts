/** Course planning types. */
import type { Finding } from '../findings/rules.js';
import type { SourceRef } from '../findings/types.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import type { LocalDate, Weekday } from '../time/local-date.js';

export type CoursePhase = 'induction' | 'maintenance';

export interface PlannedDose {
  readonly mg?: number;
  readonly mgPerKg?: number;
}

export interface PlannedSession {
  /** 1-based order in the course. */
  readonly index: number;
  readonly phase: CoursePhase;
  /** 1-based course week (days 0–6 = week 1). */
  readonly week: number;
  readonly localDate: LocalDate;
  readonly localTime: string;
  /** UTC instant of the session start. */
  readonly startsAt: string;
  /** Date the cadence aimed for before closed days/spacing moved it. */
  readonly targetDate: LocalDate;
  readonly plannedDose: PlannedDose;
  readonly source: SourceRef;
}

export interface CourseCalendar {
  readonly timeZone: string;
  /** Clinic opening weekdays, 0 = Sunday … 6 = Saturday. */
  readonly openingDays: readonly Weekday[];
  /** Local session start `HH:MM`. */
  readonly sessionTime: string;
}

export interface CourseInput extends CourseCalendar {
  readonly route: Route;
  /** First possible session date (clinic-local `YYYY-MM-DD`). */
  readonly startDate: LocalDate;
  readonly protocol: ProtocolSettings;
  readonly patientAgeYears?: number;
  /** Esketamine indication (default TRD). */
  readonly indication?: 'trd' | 'mdsi';
}

export type CourseResult =
  | { readonly ok: true; readonly sessions: readonly PlannedSession[]; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };
