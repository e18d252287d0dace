/**
 * @ketapath/clinical — the pure clinical core of Ketapath.
 *
 * Plain data in, structured results out. No I/O, no clock, no environment, no randomness: the current time,
 * the clinic's time zone and its protocol settings are always arguments. Every rule result is a `Finding`
 * whose `code` is a key of `RULES` and whose `source` points into `SOURCES` (shared/reference/clinical.md).
 * See packages/clinical/README.md for the API, every rule code and every unconfirmed setting.
 */

// Findings, rules and sources
export type { Severity, SourceRef, ValidationIssue, GateOutcome, FindingOf } from './findings/types.js';
export { SEVERITY_RANK, worstSeverity, gateOutcome } from './findings/types.js';
export { SOURCES, type SourceId } from './findings/sources.js';
export { RULES, RULE_CODES, type Rule, type RuleCode, type Finding } from './findings/rules.js';
export type { RuleArea } from './findings/rule-def.js';

// Protocol settings
export { ROUTES, RACEMIC_ROUTES, ROUTE_LABELS, JURISDICTION_CODES, isRacemic, type Route, type RacemicRoute, type JurisdictionCode } from './protocol/route.js';
export type { ProtocolSettings, ProtocolOverrides, SettingKey, WeightBasis, DischargeScore, PadssOptionalItem, RacemicSchedule, DeepPartial } from './protocol/types.js';
export { DEFAULT_PROTOCOL } from './protocol/defaults.js';
export { PROTOCOL_SETTINGS, SETTING_KEYS, SETTINGS_NEEDING_CONFIRMATION, getSetting, type SettingMeta, type SettingValue } from './protocol/settings.js';
export type { SettingStatus, SettingType } from './protocol/meta.js';
export { resolveProtocol, type ResolveProtocolResult } from './protocol/resolve.js';

// Time
export { toEpochMs, toIsoUtc, minutesBetween, type Instant } from './time/instant.js';
export { addDays, daysBetween, weekdayOf, isLocalDate, type LocalDate, type Weekday } from './time/local-date.js';
export { isValidTimeZone, zonedToInstant, instantToLocal, offsetMinutesAt, type ZonedInstant } from './time/zone.js';

// Instruments
export { INSTRUMENT_IDS, isInstrumentId, type InstrumentId } from './instruments/ids.js';
export { INSTRUMENTS } from './instruments/registry.js';
export { scoreInstrument, bandFor, type ScoreOptions, type ScoreOutcome } from './instruments/score.js';
export { isShown } from './instruments/validate.js';
export { cssrsRiskLevel } from './instruments/flags.js';
export type { InstrumentDefinition, InstrumentItem, AnswerOption, ShowIf, Band, RemissionCutoff, InstrumentResult, FollowUp, CssrsRiskLevel, ScoringMethod } from './instruments/types.js';

// Eligibility
export { screenEligibility, type EligibilityResult } from './eligibility/screen.js';
export type { EligibilityContext } from './eligibility/context.js';
export type { EligibilityIntake, AntidepressantTrial, CurrentMedication, HistoryStatus } from './eligibility/types.js';
export { assessTreatmentResistance, type TreatmentResistanceSummary, type TrialAssessment } from './eligibility/trd.js';
export { MEDICATIONS, ANTIDEPRESSANT_CLASSES, classifyMedication, type MedicationClass, type MedicationEntry, type MedicationMatch } from './eligibility/medications.js';

// Dosing
export type { DoseResult } from './dosing/types.js';
export { bmi, idealBodyWeightKg, adjustedBodyWeightKg, dosingWeight, type DosingWeight, type WeightInput } from './dosing/body-weight.js';
export { calculateIvDose, type IvDoseInput, type IvDose } from './dosing/iv.js';
export { calculateImDose, type ImDoseInput, type ImDose } from './dosing/im.js';
export { calculateOralDose, type OralDoseInput, type OralDose } from './dosing/oral.js';
export { planEsketamineDose, checkDeviceTimes, esketamineStartDose, type EsketamineDoseInput, type EsketamineDose, type DeviceStep, type EsketamineIndication } from './dosing/esketamine.js';
export { suggestTitration, type TitrationSession, type TitrationContext, type TitrationSuggestion } from './dosing/titration.js';

// Session safety
export { evaluatePreDose } from './session/predose.js';
export type { PreDoseInput, PreDoseContext, PreDoseResult, ChecklistItem, ChecklistStatus, CompletedQuestionnaire } from './session/predose-types.js';
export { evaluateVitals, type VitalsReading, type VitalsContext, type VitalsEvaluation, type HypertensiveSymptom } from './session/vitals.js';
export { observationSchedule, dueReadings, observationWindows, type ObservationWindow, type ObservationSchedule, type ScheduledObservation, type ObservationKind, type TakenObservation, type DueObservation, type DueStatus, type ScheduleResult } from './session/observation.js';
export { evaluateDischarge, type DischargeInput, type DischargeContext, type DischargeResult } from './session/discharge.js';
export { SESSION_STATES, SESSION_TRANSITIONS, STATES_NEEDING_REASON, ACTIVE_SESSION_STATES, isSessionState, checkTransition, type SessionState } from './session/state-machine.js';
export { suicideRiskSignal, riskAlertStep, type RiskSignal, type RiskSignalCode, type RiskAlertStep } from './session/risk-alerts.js';
export { alertEscalation, type AlertEscalation, type AlertEscalationInput, type EscalationLevel } from './session/alerts.js';
export { ADVERSE_EVENT_TERMS, ADVERSE_EVENT_SEVERITIES, ADVERSE_EVENT_OUTCOMES, adverseEventTerm, checkAdverseEvent, type AdverseEventTerm, type AdverseEventSeverity, type AdverseEventOutcome, type AdverseEventRecord } from './session/adverse-events.js';
export { remsMonitoringForm, type RemsFormInput, type RemsFormContent, type RemsFormField, type RemsBpReading } from './session/rems-form.js';
export { REMS_VERSIONS, remsRequirementsAt, monitoringFormStatus, type RemsVersion, type MonitoringFormRecord, type MonitoringFormStatus } from './session/rems.js';

// Treatment courses
export { generateCourse } from './courses/plan.js';
export { rescheduleAfterMissed, type RescheduleInput, type SessionChange } from './courses/reschedule.js';
export { checkSessionSpacing, type SpacingInput } from './courses/spacing.js';
export { cumulativeExposure, type Administration, type ExposureSummary, type ExposureTotals } from './courses/exposure.js';
export { dueFollowUps, type FollowUpInput, type FollowUpItem, type FollowUpItemId, type FollowUpStatus } from './courses/followups.js';
export { MEASUREMENT_TIMINGS, dueQuestionnaires, measurementSlots, type MeasurementTiming, type MeasurementPlanItem, type MeasurementSession, type CompletedMeasurement, type DueInput, type MeasurementSlot, type DueQuestionnaire } from './courses/measurement.js';
export type { CourseInput, CourseResult, CourseCalendar, CoursePhase, PlannedSession, PlannedDose } from './courses/types.js';

// Outcomes
export { selectBaseline, percentChange, isRemission, remissionCutoff, responseLine, classifyOutcome, timeToResponse, timeToRemission, detectRelapse, type ScorePoint, type OutcomeClassification, type OutcomeCategory, type ClinicalEvent, type RelapseResult, type RemissionLine } from './outcomes/individual.js';
export { proportionWithCi, cohortRates, kaplanMeier, kaplanMeierFromCounts, ratePer100, normalQuantile, type ProportionCi, type SurvivalObservation, type SurvivalCount, type KaplanMeierStep, type KaplanMeierResult, type RatePer100 } from './outcomes/cohort.js';

// Jurisdictions
export { JURISDICTIONS } from './jurisdictions/profiles.js';
export type { JurisdictionProfile, PrescribingNote } from './jurisdictions/types.js';
