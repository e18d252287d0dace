/**
 * The clinic's protocol settings: every adjustable number the rules read. Defaults live in defaults.ts,
 * metadata (label, unit, bounds, source, confirmation status) in settings-*.ts.
 */
import type { InstrumentId } from '../instruments/ids.js';
import type { Route } from './route.js';

export type PadssOptionalItem = 'surgical_bleeding' | 'intake_output';
export type WeightBasis = 'actual' | 'ideal' | 'adjusted';
export type DischargeScore = 'padss' | 'aldrete' | 'either';
export type ConfigurableSeverity = 'block' | 'override' | 'warn';

/** Per-route racemic course template (null = no default schedule; the clinic sets it). */
export interface RacemicSchedule {
  readonly inductionSessions: number | null;
  readonly inductionPerWeek: number | null;
  readonly maintenanceIntervalWeeks: number | null;
  readonly maintenanceSessions: number | null;
}

export interface ProtocolSettings {
  readonly bp: {
    readonly esketaminePredoseSystolicMax: number;
    readonly esketaminePredoseDiastolicMax: number;
    readonly esketaminePredoseSystolicMaxOlder: number;
    readonly olderAdultAgeAbove: number;
    readonly blockSystolicAbove: number;
    readonly blockDiastolicAbove: number;
    readonly blockAppliesToEsketamine: boolean;
  };
  readonly vitals: {
    readonly pauseSystolicAbove: number;
    readonly pauseDiastolicAbove: number;
    readonly urgencySystolicAbove: number;
    readonly urgencyDiastolicAbove: number;
    readonly emergentSystolicAtOrAbove: number;
    readonly emergentDiastolicAtOrAbove: number;
    readonly riseFromBaselineSystolic: number;
    readonly riseFromBaselineDiastolic: number;
    readonly heartRateAbove: number;
    readonly heartRateBelow: number;
    readonly spo2Below: number;
    readonly respiratoryRateBelow: number | null;
    readonly respiratoryRateAbove: number | null;
    readonly persistentHighReadings: number;
  };
  readonly fasting: {
    readonly esketamineFoodMinutes: number;
    readonly esketamineLiquidsMinutes: number;
    readonly racemicFoodMinutes: number | null;
    readonly racemicLiquidsMinutes: number | null;
  };
  readonly predose: {
    readonly requiredInstruments: readonly InstrumentId[];
    readonly questionnaireMaxAgeDays: number | null;
    readonly requireEscortBeforeDose: boolean;
  };
  readonly dosing: {
    readonly weightBasis: WeightBasis;
    readonly alternativeWeightBasisAboveBmi: number;
    readonly adjustedWeightFactor: number;
    readonly volumeRoundingMl: number;
  };
  readonly iv: {
    readonly defaultMgPerKg: number;
    readonly infusionMinutes: number;
    readonly lowestStudiedMgPerKg: number;
    readonly softAlertAboveMgPerKg: number;
    readonly overrideAboveMgPerKg: number;
    readonly hardMaxMgPerKg: number | null;
    readonly capTotalMg: number | null;
    readonly minInfusionMinutes: number;
    readonly maxInfusionMinutes: number;
    readonly defaultTotalVolumeMl: number | null;
    readonly pumpRateRoundingMlPerHour: number;
  };
  readonly im: {
    readonly defaultMgPerKg: number;
    readonly softAlertAboveMgPerKg: number;
    readonly hardMaxMgPerKg: number | null;
    readonly capTotalMg: number | null;
  };
  readonly oral: {
    readonly startMg: number;
    readonly stepMg: number;
    readonly stepIntervalDays: number;
    readonly reportedMinMg: number;
    readonly reportedMaxMg: number;
    readonly reportedMaxMgPerKg: number;
    readonly hardMaxMg: number | null;
  };
  readonly sublingual: {
    readonly defaultMg: number;
    readonly softAlertAboveMg: number | null;
    readonly hardMaxMg: number | null;
  };
  readonly esketamine: {
    readonly mgPerDevice: number;
    readonly deviceSpacingMinutes: number;
    readonly allowedDosesMg: readonly number[];
    readonly startDoseMg: number;
    readonly olderAdultStartDoseMg: number | null;
    readonly olderAdultAgeAtOrAbove: number;
    readonly mdsiDoseMg: number;
    readonly mdsiReducedDoseMg: number;
    readonly nasalSteroidMinutesBefore: number;
    readonly inductionReviewWeek: number;
  };
  readonly observation: {
    readonly esketamineMinMinutes: number;
    readonly esketaminePostDoseBpMinutes: number;
    readonly ivIntervalDuringMinutes: number;
    readonly intervalAfterMinutes: number;
    readonly racemicPostDoseReadingsMinutes: number;
    readonly racemicMinMinutes: number | null;
  };
  readonly discharge: {
    readonly scoreInstrument: DischargeScore;
    readonly scoreRequiredRoutes: readonly Route[];
    readonly padssMin: number;
    readonly padssNotApplicableItems: readonly PadssOptionalItem[];
    readonly padssConsecutiveChecks: number;
    readonly aldreteMin: number;
    readonly aldreteRequireFullRespirationAndSpo2: boolean;
    readonly moaasMin: number;
    readonly cadssMax: number;
    readonly bpWithinPercentOfBaseline: number;
    readonly requireEscort: boolean;
  };
  readonly eligibility: {
    readonly minAgeYears: number;
    readonly substanceUseLookbackMonths: number;
    readonly raisedIcpSeverity: ConfigurableSeverity;
    readonly raisedIopSeverity: ConfigurableSeverity;
    readonly benzodiazepineDiazepamEqMgPerDay: number;
  };
  readonly trd: {
    readonly minFailedTrials: number;
    readonly minTrialWeeks: number;
    readonly nonresponseBelowPercent: number;
    readonly nonresponseInclusive: boolean;
    readonly requireCurrentEpisode: boolean;
    readonly countBy: 'trials' | 'distinct_classes';
  };
  readonly titration: {
    readonly ivReviewAfterSessions: number;
    readonly ivEscalationStepsMgPerKg: readonly number[];
  };
  readonly outcomes: {
    readonly responseReductionPercent: number;
    readonly partialResponseMinReductionPercent: number;
    readonly remissionMadrsAtOrBelow: number;
    readonly remissionQidsAtOrBelow: number;
    readonly remissionPhq9Below: number;
    readonly relapseInstrument: 'madrs' | 'phq9' | 'qids_sr16';
    readonly relapseScoreAtOrAbove: number;
    readonly relapseConsecutive: number;
  };
  readonly schedule: {
    readonly minSpacingDays: Readonly<Record<Route, number>>;
    readonly iv: RacemicSchedule;
    readonly im: RacemicSchedule;
    readonly oral: RacemicSchedule;
    readonly sublingual: RacemicSchedule;
    readonly esketamine: {
      readonly inductionWeeks: number;
      readonly inductionPerWeek: number;
      readonly earlyMaintenanceWeeks: number;
      readonly earlyMaintenancePerWeek: number;
      readonly lateMaintenanceIntervalWeeks: number;
      readonly planHorizonWeeks: number;
      readonly mdsiWeeks: number;
    };
  };
  readonly followUp: {
    readonly urinaryScreenEverySessions: number | null;
    readonly liverTestsBaselineRacemic: boolean;
    readonly liverTestsIntervalDays: number | null;
    readonly cognitionIntervalDays: number | null;
    readonly misuseScreenBaseline: boolean;
    readonly misuseScreenIntervalDays: number | null;
    readonly bpReviewIntervalDays: number | null;
  };
  readonly rems: {
    readonly pmfSubmissionDays: number;
  };
  readonly alerts: {
    readonly escalateAfterMinutes: number;
    readonly notifyPrescriberAfterMinutes: number;
  };
  readonly riskAlerts: {
    /** Minutes an unacknowledged suicide-risk alert waits before it goes to the next person on call. */
    readonly escalateAfterMinutes: number;
  };
}

type Leaf = string | number | boolean | null | readonly unknown[];

/** Dotted paths to every leaf setting, e.g. `'bp.esketaminePredoseSystolicMax'`. */
export type PathsOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${P}${K}` : PathsOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SettingKey = PathsOf<ProtocolSettings>;

/** Deep partial used for a clinic's stored overrides (arrays are replaced whole). */
export type DeepPartial<T> = {
  readonly [K in keyof T]?: T[K] extends Leaf ? T[K] : DeepPartial<T[K]>;
};

export type ProtocolOverrides = DeepPartial<ProtocolSettings>;
