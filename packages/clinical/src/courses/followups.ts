/**
 * `dueFollowUps`: long-term safety items (urinary screen, liver tests, cognition, misuse screen, BP review,
 * esketamine end-of-induction review) with due/overdue status from the protocol's intervals. Intervals the
 * reference does not give are `null` in the protocol and show as `disabled` until the clinic sets them.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';
import { isRacemic, type Route } from '../protocol/route.js';
import type { ProtocolSettings, SettingKey } from '../protocol/types.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js';
import { instantToLocal, isValidTimeZone } from '../time/zone.js';

export type FollowUpItemId = 'urinary_screen' | 'liver_tests' | 'cognition' | 'misuse_screen' | 'bp_review' | 'induction_review';

export type FollowUpStatus = 'not_due' | 'due' | 'overdue' | 'baseline_missing' | 'disabled' | 'not_applicable';

export interface FollowUpItem {
  readonly id: FollowUpItemId;
  readonly label: string;
  readonly status: FollowUpStatus;
  readonly dueDate: LocalDate | null;
  readonly settings: readonly SettingKey[];
  readonly source: SourceRef;
}

export interface FollowUpInput {
  readonly route: Route;
  readonly protocol: ProtocolSettings;
  readonly asOf: Instant;
  readonly timeZone: string;
  /** Local date of the first session of the course (for the end-of-induction review). */
  readonly courseStartDate?: LocalDate;
  /** Local date each item was last done. */
  readonly lastDone: Partial<Record<FollowUpItemId, LocalDate>>;
  /** Sessions since each item was last done (session-based items). */
  readonly sessionsSince: Partial<Record<FollowUpItemId, number>>;
}

type Spec = Omit<FollowUpItem, 'status' | 'dueDate'> & {
  readonly everySessions?: number | null;
  readonly intervalDays?: number | null;
  readonly baseline?: boolean;
  readonly fixedDue?: LocalDate | null;
  readonly applicable: boolean;
};

function specs(input: FollowUpInput): Spec[] {
  const f = input.protocol.followUp;
  const racemic = isRacemic(input.route);
  const reviewWeek = input.protocol.esketamine.inductionReviewWeek;
  const start = input.courseStartDate;
  return [
    { id: 'urinary_screen', label: 'Urinary/bladder symptom screen', everySessions: f.urinaryScreenEverySessions, applicable: true, settings: ['followUp.urinaryScreenEverySessions'], source: SOURCES.urinary_screen },
    { id: 'liver_tests', label: 'Liver tests incl. ALP and GGT', intervalDays: f.liverTestsIntervalDays, baseline: f.liverTestsBaselineRacemic, applicable: racemic, settings: ['followUp.liverTestsBaselineRacemic', 'followUp.liverTestsIntervalDays'], source: SOURCES.ketalar_liver },
    { id: 'cognition', label: 'Cognitive screen', intervalDays: f.cognitionIntervalDays, applicable: true, settings: ['followUp.cognitionIntervalDays'], source: SOURCES.cognition },
    { id: 'misuse_screen', label: 'Misuse/craving check', intervalDays: f.misuseScreenIntervalDays, baseline: f.misuseScreenBaseline, applicable: true, settings: ['followUp.misuseScreenBaseline', 'followUp.misuseScreenIntervalDays'], source: SOURCES.spravato_abuse },
    { id: 'bp_review', label: 'Blood-pressure review', intervalDays: f.bpReviewIntervalDays, applicable: true, settings: ['followUp.bpReviewIntervalDays'], source: SOURCES.followup_no_interval },
    {
      id: 'induction_review',
      label: `End-of-induction benefit review (week ${reviewWeek})`,
      fixedDue: start !== undefined && isLocalDate(start) ? addDays(start, reviewWeek * 7) : null,
      applicable: input.route === 'esketamine_nasal',
      settings: ['esketamine.inductionReviewWeek'],
      source: SOURCES.spravato_regimen,
    },
  ];
}

function statusOf(s: Spec, input: FollowUpInput, today: LocalDate): { status: FollowUpStatus; dueDate: LocalDate | null } {
  const last = input.lastDone[s.id];
  if (!s.applicable) {
    return { status: 'not_applicable', dueDate: null };
  }
  if (s.fixedDue !== undefined) {
    if (s.fixedDue === null || last !== undefined) {
      return { status: last !== undefined ? 'not_due' : 'disabled', dueDate: s.fixedDue };
    }
    const d = daysBetween(s.fixedDue, today);
    return { status: d < 0 ? 'not_due' : d === 0 ? 'due' : 'overdue', dueDate: s.fixedDue };
  }
  if (last === undefined && s.baseline === true) {
    return { status: 'baseline_missing', dueDate: today };
  }
  if (s.everySessions !== undefined && s.everySessions !== null) {
    const since = input.sessionsSince[s.id];
    if (since === undefined) {
      return { status: 'due', dueDate: today };
    }
    return { status: since < s.everySessions ? 'not_due' : since === s.everySessions ? 'due' : 'overdue', dueDate: null };
  }
  if (s.intervalDays === undefined || s.intervalDays === null) {
    return { status: 'disabled', dueDate: null };
  }
  if (last === undefined || !isLocalDate(last)) {
    return { status: 'due', dueDate: today };
  }
  const dueDate = addDays(last, s.intervalDays);
  const d = daysBetween(dueDate, today);
  return { status: d < 0 ? 'not_due' : d === 0 ? 'due' : 'overdue', dueDate };
}

/** Follow-up items with status, and findings for those due, overdue or missing a baseline. */
export function dueFollowUps(input: FollowUpInput): { items: FollowUpItem[]; findings: Finding[] } {
  const ms = toEpochMs(input.asOf);
  if (ms === null || !isValidTimeZone(input.timeZone)) {
    return { items: [], findings: [finding('COURSE_INPUT_INVALID', 'asOf must be an ISO instant with offset (or epoch ms) and timeZone an IANA zone.', { field: ms === null ? 'asOf' : 'timeZone' })] };
  }
  const today = instantToLocal(ms, input.timeZone).date;
  const findings: Finding[] = [];
  const items = specs(input).map((s): FollowUpItem => {
    const { status, dueDate } = statusOf(s, input, today);
    const common = { field: `followUp.${s.id}`, source: s.source, ...(dueDate === null ? {} : { value: dueDate }) };
    if (status === 'due') {
      findings.push(finding('FOLLOWUP_DUE', `${s.label} is due.`, common));
    } else if (status === 'overdue') {
      findings.push(finding('FOLLOWUP_OVERDUE', `${s.label} is overdue${dueDate === null ? '' : ` (due ${dueDate})`}.`, common));
    } else if (status === 'baseline_missing') {
      findings.push(finding('FOLLOWUP_BASELINE_MISSING', `${s.label}: no baseline on record.`, common));
    }
    return { id: s.id, label: s.label, status, dueDate, settings: s.settings, source: s.source };
  });
  return { items, findings };
}
