/**
 * Deadlines (pure, on clinic-local calendar dates). Business days skip Saturday and Sunday only:
 * public holidays are not known to Ketapath and are not skipped (the UI says so).
 */
import { addDays, weekdayOf, type LocalDate } from '@ketapath/clinical';

export function isBusinessDay(date: LocalDate): boolean {
  const d = weekdayOf(date);
  return d !== 0 && d !== 6;
}

/** The date `n` business days after `date` (n ≥ 1); n = 0 gives `date` itself, or the next business day if it is a weekend. */
export function addBusinessDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`business days must be a whole number ≥ 0, got ${n}`);
  }
  let d = date;
  if (n === 0) {
    while (!isBusinessDay(d)) {
      d = addDays(d, 1);
    }
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) {
      left -= 1;
    }
  }
  return d;
}

export type TaskKind = 'authority_notice' | 'authority_report';

export interface TaskPlan {
  readonly kind: TaskKind;
  readonly title: string;
  /** The last local day that is on time; null when the jurisdiction's deadline is not confirmed. */
  readonly dueDate: LocalDate | null;
  /** The rule in plain words, with its source or the request to confirm it. */
  readonly rule: string;
}

export interface TheftLossRules {
  readonly jurisdiction: string;
  readonly noticeBusinessDays: number | null;
  readonly reportDays: number | null;
}

export const CONFIRM_LOCALLY = 'Not confirmed for this jurisdiction: confirm the deadline with your medical director/pharmacist, and act at once until you know it.';

/** The follow-up tasks a theft or significant loss creates, from the day it was discovered. */
export function theftLossTasks(rules: TheftLossRules, discoveredOn: LocalDate): TaskPlan[] {
  const us = rules.jurisdiction === 'US';
  const notice: TaskPlan =
    rules.noticeBusinessDays === null
      ? { kind: 'authority_notice', title: 'Notify the controlled-drug authority in writing', dueDate: null, rule: CONFIRM_LOCALLY }
      : {
          kind: 'authority_notice',
          title: us ? 'Written notice to the DEA Field Division' : 'Written notice to the controlled-drug authority',
          dueDate: addBusinessDays(discoveredOn, rules.noticeBusinessDays),
          rule: `Within ${rules.noticeBusinessDays} business day${rules.noticeBusinessDays === 1 ? '' : 's'} of discovery${us ? ' (88 FR 40707)' : ''}. Weekends are skipped; public holidays are not.`,
        };
  const report: TaskPlan =
    rules.reportDays === null
      ? { kind: 'authority_report', title: 'File the official theft/loss report', dueDate: null, rule: CONFIRM_LOCALLY }
      : {
          kind: 'authority_report',
          title: us ? 'File DEA Form 106 online' : 'File the official theft/loss report',
          dueDate: addDays(discoveredOn, rules.reportDays),
          rule: `Within ${rules.reportDays} days of discovery${us ? ', electronically (88 FR 40707, effective 24 Jul 2023)' : ''}.`,
        };
  return [notice, report];
}

export type TaskState = 'done' | 'overdue' | 'due_today' | 'open' | 'no_deadline';

export function taskState(task: { readonly dueDate: LocalDate | null; readonly completed: boolean }, today: LocalDate): TaskState {
  if (task.completed) {
    return 'done';
  }
  if (task.dueDate === null) {
    return 'no_deadline';
  }
  if (today > task.dueDate) {
    return 'overdue';
  }
  return today === task.dueDate ? 'due_today' : 'open';
}
