/** `rescheduleAfterMissed`: move a missed session and shift later ones only as far as spacing requires. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js';
import { nextOpenDay, sessionInstant, validateCalendar } from './calendar.js';
import type { CourseCalendar, CourseResult, PlannedSession } from './types.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';

export interface RescheduleInput extends CourseCalendar {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  readonly sessions: readonly PlannedSession[];
  /** `index` of the missed session. */
  readonly missedIndex: number;
  /** Earliest date the missed session can be made up (e.g. tomorrow). */
  readonly earliestDate: LocalDate;
}

export interface SessionChange {
  readonly index: number;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** Reschedule after a missed session. Sessions before it keep their dates. */
export function rescheduleAfterMissed(input: RescheduleInput): CourseResult & { readonly changes?: readonly SessionChange[] } {
  const invalid = validateCalendar(input, input.earliestDate);
  const pos = input.sessions.findIndex((s) => s.index === input.missedIndex);
  if (pos === -1) {
    invalid.push(finding('COURSE_INPUT_INVALID', `No session with index ${input.missedIndex}.`, { field: 'missedIndex', value: input.missedIndex }));
  }
  if (input.sessions.some((s) => !isLocalDate(s.localDate))) {
    invalid.push(finding('COURSE_INPUT_INVALID', 'A planned session has an invalid date.', { field: 'sessions' }));
  }
  if (invalid.length > 0) {
    return { ok: false, findings: invalid };
  }
  const spacing = input.protocol.schedule.minSpacingDays[input.route];
  const findings: Finding[] = [finding('MISSED_SESSION_REVIEW', `Session ${input.missedIndex} was missed. Review symptoms; if worsening, consider returning to the previous schedule.`, { value: input.missedIndex })];
  const changes: SessionChange[] = [];
  const courseStart = input.sessions[0]?.targetDate ?? input.earliestDate;
  const out: PlannedSession[] = input.sessions.slice(0, pos);
  let prev: LocalDate | null = out[out.length - 1]?.localDate ?? null;
  input.sessions.slice(pos).forEach((s, i) => {
    let earliest = i === 0 ? input.earliestDate : s.localDate;
    if (prev !== null && daysBetween(prev, earliest) < spacing) {
      earliest = addDays(prev, spacing);
    }
    const localDate = nextOpenDay(earliest, input.openingDays);
    if (localDate === s.localDate) {
      out.push(s);
    } else {
      const at = sessionInstant(localDate, input);
      if (at.finding !== null) {
        findings.push(at.finding);
      }
      changes.push({ index: s.index, from: s.localDate, to: localDate });
      out.push({ ...s, localDate, localTime: input.sessionTime, startsAt: at.iso, week: Math.floor(daysBetween(courseStart, localDate) / 7) + 1 });
    }
    prev = localDate;
  });
  if (changes.length > 0) {
    findings.push(finding('COURSE_SESSION_SHIFTED', `${changes.length} session(s) moved to keep at least ${spacing} day(s) between sessions on opening days.`, { value: changes.length, limit: spacing }));
  }
  return { ok: true, sessions: out, findings, changes };
}
