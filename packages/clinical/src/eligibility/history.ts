/** Diagnosis, psychiatric, substance-use, hepatic, pregnancy, age and other history findings. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import { isRacemic } from '../protocol/route.js';
import { toEpochMs } from '../time/instant.js';
import { dayNumber } from '../time/local-date.js';
import { notAssessed, type EligibilityContext } from './context.js';
import type { EligibilityIntake, HistoryStatus } from './types.js';

/** True when `date` (YYYY-MM-DD) is within `months` calendar months before `asOf`. Unknown date → true (conservative). */
export function withinMonths(date: string | undefined, months: number, asOf: EligibilityContext['asOf']): boolean {
  const asOfMs = toEpochMs(asOf);
  const day = date === undefined ? null : dayNumber(date);
  if (day === null || asOfMs === null) {
    return true;
  }
  const d = new Date(day * 86_400_000);
  const limit = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
  return asOfMs <= limit + 86_400_000;
}

function diagnosisFindings(intake: EligibilityIntake): Finding[] {
  const out: Finding[] = [];
  const dx = intake.diagnosis;
  if (dx.condition !== 'mdd') {
    out.push(finding('DIAGNOSIS_NOT_MDD', `Diagnosis is ${dx.condition === 'bipolar_depression' ? 'bipolar depression' : 'not major depressive disorder'}; ketamine/esketamine evidence and licences are for MDD.`, { field: 'diagnosis.condition', value: dx.condition }));
  }
  if (dx.psychoticFeatures === true) {
    out.push(finding('PSYCHOTIC_FEATURES_CURRENT_EPISODE', 'Current episode has psychotic features.', { field: 'diagnosis.psychoticFeatures', value: true }));
  }
  const ps = intake.psychiatric;
  if (ps.psychosisCurrent === true || ps.psychosisHistory === true) {
    out.push(finding('PSYCHOSIS_HISTORY', ps.psychosisCurrent === true ? 'Current psychosis.' : 'Past psychosis.', { field: ps.psychosisCurrent === true ? 'psychiatric.psychosisCurrent' : 'psychiatric.psychosisHistory', value: true, action: 'Assess carefully; start only if benefit outweighs risk.' }));
  } else if (ps.psychosisHistory === undefined) {
    out.push(notAssessed('psychiatric.psychosisHistory', 'history of psychosis', false));
  }
  if (ps.maniaOrBipolarHistory === true) {
    out.push(finding('MANIA_BIPOLAR_HISTORY', 'History of mania or bipolar disorder.', { field: 'psychiatric.maniaOrBipolarHistory', value: true }));
  } else if (ps.maniaOrBipolarHistory === undefined) {
    out.push(notAssessed('psychiatric.maniaOrBipolarHistory', 'history of mania or bipolar disorder', false));
  }
  return out;
}

function recent(status: HistoryStatus, date: string | undefined, ctx: EligibilityContext): boolean {
  return status === 'current' || withinMonths(date, ctx.protocol.eligibility.substanceUseLookbackMonths, ctx.asOf);
}

function substanceFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const out: Finding[] = [];
  const su = intake.substanceUse;
  const months = ctx.protocol.eligibility.substanceUseLookbackMonths;
  if (su.disorder === undefined) {
    out.push(notAssessed('substanceUse.disorder', 'substance use disorder (incl. alcohol)', false));
  } else if (su.disorder !== 'none') {
    const active = recent(su.disorder, su.disorderLastActiveDate, ctx);
    out.push(
      active
        ? finding('SUBSTANCE_USE_DISORDER_ACTIVE', `Substance use disorder ${su.disorder === 'current' ? 'is current' : `was active within the last ${months} months (or date unknown)`}.`, { field: 'substanceUse.disorder', value: su.disorder, limit: months, action: 'Careful consideration; monitor for abuse or dependence.' })
        : finding('SUBSTANCE_USE_DISORDER_PAST', `Past substance use disorder, more than ${months} months ago.`, { field: 'substanceUse.disorder', value: su.disorder, limit: months, action: 'Monitor for abuse or dependence.' }),
    );
  }
  const km = su.ketamineOrPcpMisuse;
  if (km === undefined) {
    out.push(notAssessed('substanceUse.ketamineOrPcpMisuse', 'ketamine or PCP misuse', false));
  } else if (km !== 'none') {
    const active = recent(km, su.ketamineOrPcpLastUseDate, ctx);
    out.push(finding('KETAMINE_PCP_MISUSE', `${active ? 'Recent' : 'Past'} misuse of ketamine or PCP.`, { field: 'substanceUse.ketamineOrPcpMisuse', value: km, limit: months, severity: active ? 'override' : 'warn', action: 'Assess abuse risk; monitor for drug-seeking.' }));
  }
  return out;
}

function bodyFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const out: Finding[] = [];
  const esk = !isRacemic(ctx.route);
  const h = intake.hepatic.impairment;
  if (h === 'severe') {
    out.push(finding('HEPATIC_IMPAIRMENT_SEVERE', esk ? 'Severe hepatic impairment (Child-Pugh C): esketamine not studied and not recommended.' : 'Severe hepatic impairment: ketamine can cause drug-induced liver injury.', { field: 'hepatic.impairment', value: h, ...(esk ? {} : { source: SOURCES.ketalar_liver }) }));
  } else if (h === 'moderate') {
    out.push(finding('HEPATIC_IMPAIRMENT_MODERATE', 'Moderate hepatic impairment (Child-Pugh B): may need longer monitoring after each dose.', { field: 'hepatic.impairment', value: h }));
  } else if (h === undefined) {
    out.push(notAssessed('hepatic.impairment', 'hepatic impairment', false));
  }
  if (!esk && ctx.protocol.followUp.liverTestsBaselineRacemic && intake.hepatic.baselineLiverTestsDone !== true) {
    out.push(finding('BASELINE_LIVER_TESTS_REQUIRED', 'No baseline liver tests (including ALP and GGT) on file for recurrent ketamine dosing.', { field: 'hepatic.baselineLiverTestsDone', value: false, action: 'Order baseline liver tests including ALP and GGT.' }));
  }
  const pr = intake.pregnancy;
  if (pr.pregnant === true) {
    out.push(finding('PREGNANCY_NOT_RECOMMENDED', 'Pregnant: not recommended (possible fetal harm).', { field: 'pregnancy.pregnant', value: true }));
  } else if (pr.pregnant === undefined) {
    out.push(notAssessed('pregnancy.pregnant', 'pregnancy status', false));
  }
  if (pr.breastfeeding === true) {
    out.push(finding('BREASTFEEDING_NOT_RECOMMENDED', 'Breastfeeding: not recommended (present in breast milk).', { field: 'pregnancy.breastfeeding', value: true }));
  } else if (pr.breastfeeding === undefined) {
    out.push(notAssessed('pregnancy.breastfeeding', 'breastfeeding status', false));
  }
  if (intake.other.ulcerativeOrInterstitialCystitis === true) {
    out.push(finding('CYSTITIS_HISTORY', 'Ulcerative or interstitial cystitis: monitor urinary and bladder symptoms.', { field: 'other.ulcerativeOrInterstitialCystitis', value: true }));
  }
  return out;
}

function ageFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const out: Finding[] = [];
  const esk = !isRacemic(ctx.route);
  const min = ctx.protocol.eligibility.minAgeYears;
  if (intake.ageYears < min) {
    out.push(finding('AGE_BELOW_MINIMUM', `Age ${intake.ageYears} is below ${min}${esk ? ': esketamine is not approved' : ': off-label use in a minor'}.`, { field: 'ageYears', value: intake.ageYears, limit: min, severity: esk ? 'block' : 'override' }));
  }
  if (esk && intake.ageYears < 25) {
    out.push(finding('AGE_SUICIDALITY_WARNING', `Age under 25: antidepressant suicidality warning applies (extra cases per 1,000 vs placebo: ${intake.ageYears < 18 ? '+14 under 18' : '+5 at 18–24'}).`, { field: 'ageYears', value: intake.ageYears, limit: 25, action: 'Monitor closely for worsening and suicidal thoughts.' }));
  }
  const e = ctx.protocol.esketamine;
  if (esk && intake.ageYears >= e.olderAdultAgeAtOrAbove) {
    const start = e.olderAdultStartDoseMg ?? e.startDoseMg;
    out.push(finding('OLDER_ADULT_DOSING', `Age ${intake.ageYears}: day-1 esketamine dose ${start} mg; pre-dose systolic limit ${ctx.protocol.bp.esketaminePredoseSystolicMaxOlder} mmHg above age ${ctx.protocol.bp.olderAdultAgeAbove}.`, { field: 'ageYears', value: intake.ageYears, limit: e.olderAdultAgeAtOrAbove }));
  }
  return out;
}

/** Diagnosis, history, body and age findings. */
export function historyFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  return [...diagnosisFindings(intake), ...substanceFindings(intake, ctx), ...bodyFindings(intake, ctx), ...ageFindings(intake, ctx)];
}
