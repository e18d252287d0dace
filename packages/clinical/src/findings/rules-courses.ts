/** Rules raised by course planning, follow-up tracking and outcomes. */
import { rule, type RuleDef } from './rule-def.js';

const C = 'courses';

export const COURSE_RULES = {
  COURSE_INPUT_INVALID: rule(C, 'block', 'Course input invalid (date, time, time zone or opening days)', 'input_validation'),
  COURSE_NO_DEFAULT_SCHEDULE: rule(C, 'warn', 'No default course schedule for this route — the clinic must set one', 'racemic_maintenance', ['schedule.im.inductionSessions', 'schedule.sublingual.inductionSessions']),
  COURSE_SESSION_SHIFTED: rule(C, 'info', 'Session moved from its target day (clinic closed or minimum spacing)', 'spravato_regimen', ['schedule.minSpacingDays.iv', 'schedule.minSpacingDays.esketamine_nasal']),
  COURSE_SPACING_TOO_SHORT: rule(C, 'block', 'A booked or moved session is closer to another session on the same route than the protocol minimum', 'spravato_trial_calendar', ['schedule.minSpacingDays.iv', 'schedule.minSpacingDays.im', 'schedule.minSpacingDays.oral', 'schedule.minSpacingDays.sublingual', 'schedule.minSpacingDays.esketamine_nasal']),
  COURSE_TIME_ADJUSTED: rule(C, 'info', 'Session time does not exist or is ambiguous on a daylight-saving change day', 'input_validation'),
  MISSED_SESSION_REVIEW: rule(C, 'info', 'Missed session: review symptoms; if worsening consider returning to the previous schedule', 'missed_sessions'),
  FOLLOWUP_DUE: rule(C, 'info', 'A safety follow-up item is due', 'followup_no_interval', ['followUp.urinaryScreenEverySessions', 'followUp.liverTestsIntervalDays', 'followUp.cognitionIntervalDays', 'followUp.misuseScreenIntervalDays', 'followUp.bpReviewIntervalDays']),
  FOLLOWUP_OVERDUE: rule(C, 'warn', 'A safety follow-up item is overdue', 'followup_no_interval', ['followUp.urinaryScreenEverySessions', 'followUp.liverTestsIntervalDays', 'followUp.cognitionIntervalDays', 'followUp.misuseScreenIntervalDays', 'followUp.bpReviewIntervalDays']),
  FOLLOWUP_BASELINE_MISSING: rule(C, 'warn', 'A baseline safety item (liver tests, misuse-risk assessment) has never been done', 'ketalar_liver', ['followUp.liverTestsBaselineRacemic', 'followUp.misuseScreenBaseline']),
  RELAPSE_DETECTED: rule('outcomes', 'warn', 'Relapse criteria met after response or remission', 'relapse_definition', ['outcomes.relapseInstrument', 'outcomes.relapseScoreAtOrAbove', 'outcomes.relapseConsecutive']),
} as const satisfies Record<string, RuleDef>;
