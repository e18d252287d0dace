/** Calendar helpers for course planning: validation, next opening day, local → UTC. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { toIsoUtc } from '../time/instant.js';
import { addDays, isLocalDate, parseLocalTime, weekdayOf, type LocalDate } from '../time/local-date.js';
import { isValidTimeZone, zonedToInstant } from '../time/zone.js';
import type { CourseCalendar } from './types.js';

/** Findings for an invalid calendar (time zone, opening days, session time) or start date. */
export function validateCalendar(cal: CourseCalendar, startDate: LocalDate): Finding[] {
  const out: Finding[] = [];
  if (!isLocalDate(startDate)) {
    out.push(finding('COURSE_INPUT_INVALID', `Start date "${startDate}" is not a YYYY-MM-DD date.`, { field: 'startDate', value: startDate }));
  }
  if (!isValidTimeZone(cal.timeZone)) {
    out.push(finding('COURSE_INPUT_INVALID', `"${cal.timeZone}" is not an IANA time zone.`, { field: 'timeZone', value: cal.timeZone }));
  }
  if (parseLocalTime(cal.sessionTime) === null) {
    out.push(finding('COURSE_INPUT_INVALID', `Session time "${cal.sessionTime}" is not HH:MM.`, { field: 'sessionTime', value: cal.sessionTime }));
  }
  if (cal.openingDays.length === 0 || cal.openingDays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    out.push(finding('COURSE_INPUT_INVALID', 'Opening days must be a non-empty list of weekdays 0 (Sunday) to 6 (Saturday).', { field: 'openingDays' }));
  }
  return out;
}

/** First opening day on or after `date`. Opening days must be valid and non-empty. */
export function nextOpenDay(date: LocalDate, openingDays: readonly number[]): LocalDate {
  let d = date;
  for (let i = 0; i < 7; i += 1) {
    if (openingDays.includes(weekdayOf(d))) {
      return d;
    }
    d = addDays(d, 1);
  }
  return d;
}

/** Local date/time → UTC ISO, plus a finding when DST moved or disambiguated the time. */
export function sessionInstant(date: LocalDate, cal: CourseCalendar): { iso: string; finding: Finding | null } {
  const z = zonedToInstant(date, cal.sessionTime, cal.timeZone);
  if (z === null) {
    return { iso: '', finding: finding('COURSE_INPUT_INVALID', `Cannot place ${date} ${cal.sessionTime} in ${cal.timeZone}.`, { field: 'sessionTime' }) };
  }
  const note =
    z.adjustment === 'none'
      ? null
      : finding('COURSE_TIME_ADJUSTED', z.adjustment === 'gap' ? `${cal.sessionTime} does not exist on ${date} (clock change); the session starts later by the gap.` : `${cal.sessionTime} occurs twice on ${date} (clock change); the earlier one is used.`, { field: 'sessionTime', value: date });
  return { iso: toIsoUtc(z.ms), finding: note };
}
