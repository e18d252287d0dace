/**
 * `generateCourse`: induction and maintenance sessions per route from a start date, clinic opening days and time
 * zone, never closer than the protocol minimum spacing. Targets follow the cadence (k sessions a week → every
 * 7/k days, e.g. days 0, 3, 7, 10 … for twice weekly as in the esketamine trial calendar).
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';
import { esketamineStartDose } from '../dosing/esketamine.js';
import { isRacemic, type RacemicRoute } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { addDays, daysBetween, type LocalDate } from '../time/local-date.js';
import { nextOpenDay, sessionInstant, validateCalendar } from './calendar.js';
import type { CourseInput, CoursePhase, CourseResult, PlannedDose, PlannedSession } from './types.js';

/** A session the cadence aims for, before calendar placement. */
export interface Target {
  readonly phase: CoursePhase;
  readonly dayOffset: number;
  readonly dose: PlannedDose;
  readonly source: SourceRef;
}

function weekly(phase: CoursePhase, startDay: number, sessions: number, perWeek: number, dose: PlannedDose, source: SourceRef): Target[] {
  return Array.from({ length: sessions }, (_, i) => ({ phase, dayOffset: startDay + Math.floor((i * 7) / perWeek), dose, source }));
}

function esketamineTargets(input: CourseInput): Target[] {
  const p = input.protocol;
  const s = p.schedule.esketamine;
  if (input.indication === 'mdsi') {
    return weekly('induction', 0, s.mdsiWeeks * s.inductionPerWeek, s.inductionPerWeek, { mg: p.esketamine.mdsiDoseMg }, SOURCES.spravato_mdsi);
  }
  const dose = { mg: esketamineStartDose(input.patientAgeYears ?? 0, p) };
  const src = SOURCES.spravato_regimen;
  const out = [
    ...weekly('induction', 0, s.inductionWeeks * s.inductionPerWeek, s.inductionPerWeek, dose, src),
    ...weekly('maintenance', s.inductionWeeks * 7, s.earlyMaintenanceWeeks * s.earlyMaintenancePerWeek, s.earlyMaintenancePerWeek, dose, src),
  ];
  for (let week = s.inductionWeeks + s.earlyMaintenanceWeeks; week < s.planHorizonWeeks; week += s.lateMaintenanceIntervalWeeks) {
    out.push({ phase: 'maintenance', dayOffset: week * 7, dose, source: src });
  }
  return out;
}

function racemicDose(route: RacemicRoute, p: ProtocolSettings): PlannedDose {
  switch (route) {
    case 'iv':
      return { mgPerKg: p.iv.defaultMgPerKg };
    case 'im':
      return { mgPerKg: p.im.defaultMgPerKg };
    case 'oral':
      return { mg: p.oral.startMg };
    case 'sublingual':
      return { mg: p.sublingual.defaultMg };
  }
}

function racemicTargets(input: CourseInput, route: RacemicRoute): Target[] | null {
  const s = input.protocol.schedule[route];
  if (s.inductionSessions === null || s.inductionPerWeek === null) {
    return null;
  }
  const src = route === 'iv' ? SOURCES.iv_schedule : route === 'oral' ? SOURCES.oral_schedule : SOURCES.racemic_maintenance;
  const dose = racemicDose(route, input.protocol);
  const out = weekly('induction', 0, s.inductionSessions, s.inductionPerWeek, dose, src);
  if (s.maintenanceIntervalWeeks !== null && s.maintenanceSessions !== null) {
    const start = Math.ceil(s.inductionSessions / s.inductionPerWeek) * 7;
    for (let j = 0; j < s.maintenanceSessions; j += 1) {
      out.push({ phase: 'maintenance', dayOffset: start + j * 7 * s.maintenanceIntervalWeeks, dose, source: SOURCES.racemic_maintenance });
    }
  }
  return out;
}

/** Place targets on opening days, keeping at least `minSpacingDays` between sessions. */
export function placeTargets(input: CourseInput, targets: readonly Target[], firstIndex = 1, after: LocalDate | null = null): { sessions: PlannedSession[]; findings: Finding[] } {
  const spacing = input.protocol.schedule.minSpacingDays[input.route];
  const findings: Finding[] = [];
  const sessions: PlannedSession[] = [];
  let prev = after;
  let shifted = 0;
  for (const t of targets) {
    const targetDate = addDays(input.startDate, t.dayOffset);
    const earliest = prev === null || daysBetween(prev, targetDate) >= spacing ? targetDate : addDays(prev, spacing);
    const localDate = nextOpenDay(earliest, input.openingDays);
    if (localDate !== targetDate) {
      shifted += 1;
    }
    const at = sessionInstant(localDate, input);
    if (at.finding !== null) {
      findings.push(at.finding);
    }
    sessions.push({
      index: firstIndex + sessions.length,
      phase: t.phase,
      week: Math.floor(daysBetween(input.startDate, localDate) / 7) + 1,
      localDate,
      localTime: input.sessionTime,
      startsAt: at.iso,
      targetDate,
      plannedDose: t.dose,
      source: t.source,
    });
    prev = localDate;
  }
  if (shifted > 0) {
    findings.push(finding('COURSE_SESSION_SHIFTED', `${shifted} session(s) moved from the target day because the clinic is closed or to keep at least ${spacing} day(s) between sessions.`, { value: shifted, limit: spacing }));
  }
  return { sessions, findings };
}

/** Plan a course. Invalid input or a route without a default schedule returns `ok: false` with findings. */
export function generateCourse(input: CourseInput): CourseResult {
  const invalid = validateCalendar(input, input.startDate);
  if (invalid.length > 0) {
    return { ok: false, findings: invalid };
  }
  const targets = isRacemic(input.route) ? racemicTargets(input, input.route) : esketamineTargets(input);
  if (targets === null) {
    return { ok: false, findings: [finding('COURSE_NO_DEFAULT_SCHEDULE', `No default course for ${input.route}: the reference gives no schedule. Set schedule.${input.route} in the protocol.`, { field: `schedule.${input.route}.inductionSessions` })] };
  }
  const placed = placeTargets(input, targets);
  return { ok: true, sessions: placed.sessions, findings: placed.findings };
}
