/** Rules raised by dose calculation and titration suggestions. */
import { rule, type RuleDef } from './rule-def.js';

const D = 'dosing';

export const DOSING_RULES = {
  DOSE_INPUT_INVALID: rule(D, 'block', 'Dose input missing or not a positive number', 'input_validation'),
  WEIGHT_BASIS_UNAVAILABLE: rule(D, 'block', 'Ideal/adjusted weight basis needs height and sex', 'body_weight_formulas', ['dosing.weightBasis']),
  WEIGHT_BASIS_APPLIED: rule(D, 'info', 'Dose calculated on ideal or adjusted body weight', 'body_weight_formulas', ['dosing.weightBasis', 'dosing.alternativeWeightBasisAboveBmi', 'dosing.adjustedWeightFactor']),
  IV_DOSE_BELOW_STUDIED: rule(D, 'info', 'IV dose below the lowest studied dose', 'iv_standard', ['iv.lowestStudiedMgPerKg']),
  IV_DOSE_ABOVE_COMMON_EVIDENCE: rule(D, 'warn', 'IV dose above the commonly evidenced range', 'iv_dose_alerts', ['iv.softAlertAboveMgPerKg']),
  IV_DOSE_ABOVE_RCT_RANGE: rule(D, 'override', 'IV dose above the range studied in controlled trials', 'iv_dose_alerts', ['iv.overrideAboveMgPerKg']),
  IM_DOSE_ABOVE_STUDIED: rule(D, 'warn', 'IM dose above the highest studied dose', 'im_dose', ['im.softAlertAboveMgPerKg']),
  ORAL_DOSE_OUTSIDE_REPORTED: rule(D, 'warn', 'Oral dose outside the reported range', 'oral_dose', ['oral.reportedMinMg', 'oral.reportedMaxMg', 'oral.reportedMaxMgPerKg']),
  SUBLINGUAL_DOSE_ABOVE_ALERT: rule(D, 'warn', 'Sublingual dose above the clinic alert level', 'sublingual_dose', ['sublingual.softAlertAboveMg']),
  DOSE_ABOVE_HARD_MAXIMUM: rule(D, 'block', 'Dose above the protocol hard maximum', 'iv_no_maximum', ['iv.hardMaxMgPerKg', 'im.hardMaxMgPerKg', 'oral.hardMaxMg', 'sublingual.hardMaxMg']),
  DOSE_CAPPED: rule(D, 'info', 'Calculated dose reduced to the protocol cap on total dose', 'weight_basis', ['iv.capTotalMg', 'im.capTotalMg']),
  DOSE_ROUNDED: rule(D, 'info', 'Volume rounded to a measurable step; delivered dose differs slightly', 'measurement_practice', ['dosing.volumeRoundingMl', 'iv.pumpRateRoundingMlPerHour']),
  IV_DURATION_OUTSIDE_REPORTED: rule(D, 'warn', 'Infusion duration outside the reported-safe range', 'iv_standard', ['iv.minInfusionMinutes', 'iv.maxInfusionMinutes']),
  IV_VOLUME_EXCEEDS_TOTAL: rule(D, 'block', 'Drawn ketamine volume exceeds the planned total infusion volume', 'input_validation', ['iv.defaultTotalVolumeMl']),
  ESK_DOSE_NOT_ALLOWED: rule(D, 'block', 'Esketamine dose is not one of the allowed device multiples', 'spravato_device', ['esketamine.allowedDosesMg', 'esketamine.mgPerDevice']),
  ESK_FIRST_DOSE_ABOVE_START: rule(D, 'override', 'First esketamine dose above the labelled starting dose', 'spravato_regimen', ['esketamine.startDoseMg', 'esketamine.olderAdultStartDoseMg', 'esketamine.olderAdultAgeAtOrAbove']),
  ESK_DOSE_OUTSIDE_PHASE_OPTIONS: rule(D, 'warn', 'Esketamine dose not among the labelled options for this indication and age', 'spravato_regimen', ['esketamine.mdsiDoseMg', 'esketamine.mdsiReducedDoseMg']),
  ESK_DEVICE_SPACING_SHORT: rule(D, 'block', 'Esketamine devices given less than the minimum interval apart', 'spravato_device', ['esketamine.deviceSpacingMinutes']),
  TITRATION_CONSIDER_INCREASE: rule(D, 'info', 'Suggestion: consider a dose increase (prescriber decision; never automatic)', 'titration_practice', ['titration.ivReviewAfterSessions', 'titration.ivEscalationStepsMgPerKg', 'oral.stepMg', 'oral.stepIntervalDays']),
  TITRATION_CONSIDER_DECREASE: rule(D, 'info', 'Suggestion: consider a dose reduction for tolerability (prescriber decision)', 'spravato_mdsi', ['esketamine.mdsiReducedDoseMg']),
  TITRATION_AT_MAXIMUM: rule(D, 'info', 'No further dose step available within the protocol', 'titration_practice'),
  TITRATION_EVALUATE_END_OF_INDUCTION: rule(D, 'info', 'End of esketamine induction: evaluate benefit before continuing', 'spravato_regimen', ['esketamine.inductionReviewWeek']),
} as const satisfies Record<string, RuleDef>;
