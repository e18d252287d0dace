/** `checkSessionSpacing`: is a session date far enough from the patient's other sessions on the same route? */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js';

export interface SpacingInput {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  /** Local date of the session being booked or moved. */
  readonly date: LocalDate;
  /** Local dates of the patient's other booked sessions on this route. */
  readonly otherDates: readonly LocalDate[];
}

/** One `COURSE_SPACING_TOO_SHORT` finding per other session closer than `schedule.minSpacingDays[route]`. */
export function checkSessionSpacing(input: SpacingInput): Finding[] {
  const min = input.protocol.schedule.minSpacingDays[input.route];
  if (!isLocalDate(input.date)) {
    return [finding('COURSE_INPUT_INVALID', `Session date "${input.date}" is not a valid date.`, { field: 'date', value: input.date })];
  }
  const out: Finding[] = [];
  for (const other of input.otherDates) {
    const gap = Math.abs(daysBetween(other, input.date));
    if (gap < min) {
      out.push(
        finding('COURSE_SPACING_TOO_SHORT', gap === 0 ? `Another session is booked the same day (${other}); keep at least ${min} day(s) between sessions.` : `Only ${gap} day(s) from the session on ${other}; the protocol needs at least ${min}.`, {
          field: 'date',
          value: gap,
          limit: min,
          action: 'Choose another day.',
        }),
      );
    }
  }
  return out;
}
