/** Metadata for eligibility, TRD, outcomes, schedule and follow-up settings. */
import { bool, DAYS, num, oneOf, PERCENT, type SettingMetaDef } from './meta.js';
import type { SettingKey } from './types.js';

const SEVERITIES = ['block', 'override', 'warn'] as const;

function racemicSchedule(route: 'iv' | 'im' | 'oral' | 'sublingual', status: 'sourced' | 'unconfirmed'): { readonly [K in SettingKey]?: SettingMetaDef } {
  const src = route === 'iv' ? 'iv_schedule' : route === 'oral' ? 'oral_schedule' : 'racemic_maintenance';
  return {
    [`schedule.${route}.inductionSessions`]: num(`${route.toUpperCase()}: induction sessions (null = no default course)`, 'sessions', [1, 100], status, src, { integer: true, nullable: true }),
    [`schedule.${route}.inductionPerWeek`]: num(`${route.toUpperCase()}: induction sessions per week`, 'per week', [1, 7], status, src, { integer: true, nullable: true }),
    [`schedule.${route}.maintenanceIntervalWeeks`]: num(`${route.toUpperCase()}: maintenance interval (null = individualised, not planned)`, 'weeks', [1, 52], 'unconfirmed', 'racemic_maintenance', { integer: true, nullable: true }),
    [`schedule.${route}.maintenanceSessions`]: num(`${route.toUpperCase()}: maintenance sessions to plan`, 'sessions', [1, 100], 'unconfirmed', 'racemic_maintenance', { integer: true, nullable: true }),
  };
}

export const COURSE_SETTINGS: { readonly [K in SettingKey]?: SettingMetaDef } = {
  'eligibility.minAgeYears': num('Minimum age (esketamine approved for adults only)', 'years', [0, 120], 'sourced', 'spravato_age', { integer: true }),
  'eligibility.substanceUseLookbackMonths': num('Substance use disorder counts as active within', 'months', [0, 120], 'conflict', 'clinic_exclusions', { integer: true, note: 'NYU trial 817: 6 months; psyon.cz: ≥1 year abstinent.' }),
  'eligibility.raisedIcpSeverity': oneOf('Severity for raised intracranial pressure', SEVERITIES, 'unconfirmed', 'icp_iop'),
  'eligibility.raisedIopSeverity': oneOf('Severity for raised intraocular pressure / glaucoma', SEVERITIES, 'unconfirmed', 'icp_iop'),
  'eligibility.benzodiazepineDiazepamEqMgPerDay': num('Benzodiazepine dose above which reduced ketamine response is flagged', 'mg diazepam-eq/day', [0, 200], 'sourced', 'interactions_benzodiazepine'),
  'trd.minFailedTrials': num('Failed adequate trials needed for TRD', 'trials', [1, 10], 'sourced', 'trd_consensus', { integer: true }),
  'trd.minTrialWeeks': num('Minimum trial length for adequacy', 'weeks', [1, 52], 'conflict', 'trd_conflicts', { note: 'Consensus 4–6 weeks; NYU trial ≥8 weeks; ATRQ ≥6 weeks UNCONFIRMED.' }),
  'trd.nonresponseBelowPercent': num('Improvement below this % counts as nonresponse', '%', PERCENT, 'conflict', 'trd_conflicts', { note: '<50% consensus vs ≤25% esketamine trials (set 25 and nonresponseInclusive=true).' }),
  'trd.nonresponseInclusive': bool('Nonresponse includes the cut-off itself (≤ instead of <)', 'conflict', 'trd_conflicts'),
  'trd.requireCurrentEpisode': bool('Count only trials in the current episode', 'sourced', 'trd_current_episode'),
  'trd.countBy': oneOf('Count failed trials or distinct antidepressant classes', ['trials', 'distinct_classes'], 'sourced', 'trd_consensus'),
  'outcomes.responseReductionPercent': num('Response: reduction from baseline of at least', '%', PERCENT, 'sourced', 'outcome_definitions'),
  'outcomes.partialResponseMinReductionPercent': num('Partial response: reduction of at least', '%', PERCENT, 'unconfirmed', 'partial_response'),
  'outcomes.remissionMadrsAtOrBelow': num('Remission: MADRS at or below', 'points', [0, 60], 'conflict', 'outcome_definitions', { integer: true, note: '≤12 Spravato programme; ≤10 KetECT and many IV trials.' }),
  'outcomes.remissionQidsAtOrBelow': num('Remission: QIDS-SR16 at or below', 'points', [0, 27], 'sourced', 'qids', { integer: true }),
  'outcomes.remissionPhq9Below': num('Remission: PHQ-9 below', 'points', [0, 27], 'sourced', 'outcome_definitions', { integer: true }),
  'outcomes.relapseInstrument': oneOf('Relapse: instrument', ['madrs', 'phq9', 'qids_sr16'], 'unconfirmed', 'relapse_definition'),
  'outcomes.relapseScoreAtOrAbove': num('Relapse: score at or above', 'points', [0, 60], 'unconfirmed', 'relapse_definition', { integer: true }),
  'outcomes.relapseConsecutive': num('Relapse: consecutive assessments at or above the score', 'assessments', [1, 10], 'unconfirmed', 'relapse_definition', { integer: true }),
  'schedule.minSpacingDays.iv': num('IV: minimum days between sessions', 'days', [1, 60], 'unconfirmed', 'iv_schedule', { integer: true, note: '1 = at most one session per calendar day; the reference gives cadences, not spacing.' }),
  'schedule.minSpacingDays.im': num('IM: minimum days between sessions', 'days', [1, 60], 'unconfirmed', 'racemic_maintenance', { integer: true }),
  'schedule.minSpacingDays.oral': num('Oral: minimum days between sessions', 'days', [1, 60], 'unconfirmed', 'oral_schedule', { integer: true }),
  'schedule.minSpacingDays.sublingual': num('Sublingual: minimum days between sessions', 'days', [1, 60], 'unconfirmed', 'sublingual_dose', { integer: true }),
  'schedule.minSpacingDays.esketamine_nasal': num('Esketamine: minimum days between sessions', 'days', [1, 60], 'unconfirmed', 'spravato_trial_calendar', { integer: true, note: 'Smallest gap in the trial calendar (days 1, 4, 8, …); the label says only "twice weekly".' }),
  ...racemicSchedule('iv', 'sourced'),
  ...racemicSchedule('im', 'unconfirmed'),
  ...racemicSchedule('oral', 'sourced'),
  ...racemicSchedule('sublingual', 'unconfirmed'),
  'schedule.esketamine.inductionWeeks': num('Esketamine induction weeks', 'weeks', [1, 52], 'sourced', 'spravato_regimen', { integer: true }),
  'schedule.esketamine.inductionPerWeek': num('Esketamine induction sessions per week', 'per week', [1, 7], 'sourced', 'spravato_regimen', { integer: true }),
  'schedule.esketamine.earlyMaintenanceWeeks': num('Esketamine weekly maintenance weeks (weeks 5–8)', 'weeks', [0, 52], 'sourced', 'spravato_regimen', { integer: true }),
  'schedule.esketamine.earlyMaintenancePerWeek': num('Esketamine early maintenance sessions per week', 'per week', [1, 7], 'sourced', 'spravato_regimen', { integer: true }),
  'schedule.esketamine.lateMaintenanceIntervalWeeks': num('Esketamine maintenance interval from week 9 (1 or 2; individualise)', 'weeks', [1, 2], 'sourced', 'spravato_regimen', { integer: true }),
  'schedule.esketamine.planHorizonWeeks': num('Esketamine: weeks to plan ahead', 'weeks', [1, 104], 'sourced', 'spravato_regimen', { integer: true, note: 'Default covers the label\'s explicit phases (weeks 1–8); later sessions are individualised.' }),
  'schedule.esketamine.mdsiWeeks': num('Esketamine MDSI course length', 'weeks', [1, 52], 'sourced', 'spravato_mdsi', { integer: true }),
  'followUp.urinaryScreenEverySessions': num('Urinary symptom screen every N sessions (null = off)', 'sessions', [1, 100], 'unconfirmed', 'urinary_screen', { integer: true, nullable: true }),
  'followUp.liverTestsBaselineRacemic': bool('Baseline liver tests (incl. ALP, GGT) before recurrent racemic dosing', 'sourced', 'ketalar_liver'),
  'followUp.liverTestsIntervalDays': num('Repeat liver tests every N days (null = off)', 'days', DAYS, 'unconfirmed', 'liver_interval', { integer: true, nullable: true }),
  'followUp.cognitionIntervalDays': num('Cognitive screen every N days (null = off)', 'days', DAYS, 'unconfirmed', 'cognition', { integer: true, nullable: true }),
  'followUp.misuseScreenBaseline': bool('Misuse-risk assessment before the first dose', 'sourced', 'spravato_abuse'),
  'followUp.misuseScreenIntervalDays': num('Misuse check every N days (null = off)', 'days', DAYS, 'unconfirmed', 'followup_no_interval', { integer: true, nullable: true }),
  'followUp.bpReviewIntervalDays': num('Blood-pressure review every N days (null = off)', 'days', DAYS, 'unconfirmed', 'followup_no_interval', { integer: true, nullable: true }),
};
