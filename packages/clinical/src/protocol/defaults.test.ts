import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from './defaults.js';
import { getSetting, PROTOCOL_SETTINGS, SETTING_KEYS } from './settings.js';
import type { SettingKey } from './types.js';

/** Every default, straight from shared/reference/clinical.md (section in the comment). */
const REFERENCE_DEFAULTS: readonly [SettingKey, unknown, 'sourced' | 'unconfirmed' | 'conflict'][] = [
  ['bp.esketaminePredoseSystolicMax', 140, 'sourced'], // §1.3 label 5.6
  ['bp.esketaminePredoseDiastolicMax', 90, 'sourced'],
  ['bp.esketaminePredoseSystolicMaxOlder', 150, 'sourced'], // §1.3 trial rule >150 if >65
  ['bp.olderAdultAgeAbove', 65, 'sourced'],
  ['bp.blockSystolicAbove', 180, 'sourced'], // §1.3 Swiss SmPC >180/100
  ['bp.blockDiastolicAbove', 100, 'sourced'],
  ['vitals.pauseSystolicAbove', 180, 'unconfirmed'], // §3.2 clinic SOP, UNCONFIRMED
  ['vitals.pauseDiastolicAbove', 100, 'unconfirmed'],
  ['vitals.urgencySystolicAbove', 180, 'sourced'], // §3.2 >180/120
  ['vitals.urgencyDiastolicAbove', 120, 'sourced'],
  ['vitals.emergentSystolicAtOrAbove', 165, 'conflict'], // §3.2 Rodrigues ≥165/100, CONFLICT
  ['vitals.emergentDiastolicAtOrAbove', 100, 'conflict'],
  ['vitals.riseFromBaselineSystolic', 40, 'unconfirmed'], // §3.2 label ≥40 / ≥25
  ['vitals.riseFromBaselineDiastolic', 25, 'unconfirmed'],
  ['vitals.heartRateAbove', 110, 'unconfirmed'], // §3.2 HR >110/<50 UNCONFIRMED
  ['vitals.heartRateBelow', 50, 'unconfirmed'],
  ['vitals.spo2Below', 92, 'unconfirmed'], // §3.2 SpO2 <92 UNCONFIRMED
  ['vitals.respiratoryRateBelow', null, 'unconfirmed'], // no number in reference
  ['vitals.respiratoryRateAbove', null, 'unconfirmed'],
  ['fasting.esketamineFoodMinutes', 120, 'sourced'], // §2.1 ≥2 h
  ['fasting.esketamineLiquidsMinutes', 30, 'sourced'],
  ['fasting.racemicFoodMinutes', null, 'unconfirmed'],
  ['esketamine.mgPerDevice', 28, 'sourced'], // §2.1
  ['esketamine.deviceSpacingMinutes', 5, 'sourced'],
  ['esketamine.allowedDosesMg', [28, 56, 84], 'sourced'],
  ['esketamine.startDoseMg', 56, 'sourced'],
  ['esketamine.olderAdultStartDoseMg', 28, 'unconfirmed'], // SmPC; US UNCONFIRMED
  ['esketamine.olderAdultAgeAtOrAbove', 65, 'sourced'],
  ['esketamine.mdsiDoseMg', 84, 'sourced'],
  ['esketamine.mdsiReducedDoseMg', 56, 'sourced'],
  ['esketamine.nasalSteroidMinutesBefore', 60, 'sourced'],
  ['esketamine.inductionReviewWeek', 4, 'sourced'],
  ['iv.defaultMgPerKg', 0.5, 'sourced'], // §2.2
  ['iv.infusionMinutes', 40, 'sourced'],
  ['iv.lowestStudiedMgPerKg', 0.1, 'sourced'],
  ['iv.softAlertAboveMgPerKg', 0.75, 'unconfirmed'], // §10 synthesis
  ['iv.overrideAboveMgPerKg', 1.0, 'unconfirmed'],
  ['iv.hardMaxMgPerKg', null, 'unconfirmed'], // no regulatory maximum
  ['iv.minInfusionMinutes', 2, 'sourced'],
  ['iv.maxInfusionMinutes', 100, 'sourced'],
  ['im.defaultMgPerKg', 0.5, 'sourced'], // §2.3 Chilukuri
  ['oral.startMg', 50, 'sourced'], // §2.3 Al Shirawi
  ['oral.stepMg', 25, 'sourced'],
  ['oral.stepIntervalDays', 3, 'sourced'],
  ['oral.reportedMinMg', 25, 'sourced'],
  ['oral.reportedMaxMg', 300, 'sourced'],
  ['oral.reportedMaxMgPerKg', 7.0, 'sourced'],
  ['sublingual.defaultMg', 10, 'sourced'], // Lara 2013
  ['dosing.weightBasis', 'actual', 'unconfirmed'],
  ['dosing.alternativeWeightBasisAboveBmi', 30, 'unconfirmed'],
  ['observation.esketamineMinMinutes', 120, 'sourced'], // §3.2 ≥2 h
  ['observation.esketaminePostDoseBpMinutes', 40, 'sourced'],
  ['observation.ivIntervalDuringMinutes', 10, 'sourced'], // Emory/Yale
  ['observation.intervalAfterMinutes', 15, 'sourced'],
  ['observation.racemicMinMinutes', null, 'unconfirmed'],
  ['discharge.padssMin', 9, 'sourced'], // §3.3
  ['discharge.aldreteMin', 9, 'sourced'],
  ['discharge.padssConsecutiveChecks', 1, 'sourced'],
  ['discharge.padssNotApplicableItems', ['surgical_bleeding'], 'unconfirmed'],
  ['discharge.moaasMin', 5, 'sourced'], // §5.7
  ['discharge.cadssMax', 4, 'sourced'], // §5.6 >4
  ['discharge.bpWithinPercentOfBaseline', 20, 'sourced'], // PADSS/Aldrete 20%
  ['eligibility.minAgeYears', 18, 'sourced'],
  ['eligibility.substanceUseLookbackMonths', 6, 'conflict'],
  ['eligibility.raisedIcpSeverity', 'override', 'unconfirmed'],
  ['eligibility.benzodiazepineDiazepamEqMgPerDay', 8, 'sourced'], // §6.6
  ['trd.minFailedTrials', 2, 'sourced'], // §1.1
  ['trd.minTrialWeeks', 6, 'conflict'],
  ['trd.nonresponseBelowPercent', 50, 'conflict'],
  ['outcomes.responseReductionPercent', 50, 'sourced'], // §5.11
  ['outcomes.partialResponseMinReductionPercent', 25, 'unconfirmed'],
  ['outcomes.remissionMadrsAtOrBelow', 10, 'conflict'], // ≤10 vs ≤12
  ['outcomes.remissionQidsAtOrBelow', 5, 'sourced'],
  ['outcomes.remissionPhq9Below', 5, 'sourced'],
  ['outcomes.relapseScoreAtOrAbove', 22, 'unconfirmed'], // SUSTAIN-1 UNCONFIRMED
  ['outcomes.relapseConsecutive', 2, 'unconfirmed'],
  ['schedule.iv.inductionSessions', 6, 'sourced'], // ELEKT-D
  ['schedule.iv.inductionPerWeek', 2, 'sourced'],
  ['schedule.oral.inductionSessions', 12, 'sourced'], // twice weekly × 6 weeks
  ['schedule.im.inductionSessions', null, 'unconfirmed'],
  ['schedule.esketamine.inductionWeeks', 4, 'sourced'],
  ['schedule.esketamine.inductionPerWeek', 2, 'sourced'],
  ['schedule.esketamine.earlyMaintenanceWeeks', 4, 'sourced'],
  ['schedule.esketamine.lateMaintenanceIntervalWeeks', 2, 'sourced'],
  ['schedule.minSpacingDays.esketamine_nasal', 3, 'unconfirmed'],
  ['followUp.urinaryScreenEverySessions', 1, 'unconfirmed'],
  ['followUp.liverTestsIntervalDays', null, 'unconfirmed'],
  ['followUp.liverTestsBaselineRacemic', true, 'sourced'],
  ['rems.pmfSubmissionDays', 7, 'sourced'], // §4
];

describe('DEFAULT_PROTOCOL matches the reference', () => {
  it.each(REFERENCE_DEFAULTS)('%s = %j (%s)', (key, value, status) => {
    expect(getSetting(DEFAULT_PROTOCOL, key)).toEqual(value);
    expect(PROTOCOL_SETTINGS[key].status).toBe(status);
  });
});

describe('PROTOCOL_SETTINGS metadata', () => {
  it('covers every leaf of DEFAULT_PROTOCOL with its default', () => {
    expect(Object.keys(PROTOCOL_SETTINGS).sort()).toEqual([...SETTING_KEYS].sort());
    for (const key of SETTING_KEYS) {
      expect(PROTOCOL_SETTINGS[key].default).toEqual(getSetting(DEFAULT_PROTOCOL, key));
    }
  });

  it('gives every setting a label, a source and valid bounds for its default', () => {
    for (const key of SETTING_KEYS) {
      const meta = PROTOCOL_SETTINGS[key];
      expect(meta.label.length, key).toBeGreaterThan(3);
      expect(meta.source.citation.length, key).toBeGreaterThan(10);
      const t = meta.type;
      const v = meta.default;
      if (t.kind === 'number') {
        if (v === null) {
          expect(t.nullable, key).toBe(true);
        } else {
          expect(typeof v).toBe('number');
          expect(v as number).toBeGreaterThanOrEqual(t.min);
          expect(v as number).toBeLessThanOrEqual(t.max);
        }
      }
    }
  });

  it('marks null defaults (rule disabled) as unconfirmed', () => {
    for (const key of SETTING_KEYS) {
      if (PROTOCOL_SETTINGS[key].default === null) {
        expect(PROTOCOL_SETTINGS[key].status, key).toBe('unconfirmed');
      }
    }
  });
});
