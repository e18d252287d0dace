/** Cardiovascular, cerebrovascular, neurological and blood-pressure contraindications and cautions. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import { isRacemic } from '../protocol/route.js';
import { notAssessed, type EligibilityContext } from './context.js';
import type { EligibilityIntake } from './types.js';

type Cv = EligibilityIntake['cardiovascular'];

/** Esketamine label contraindications; for racemic ketamine the Ketalar "BP rise a serious hazard" CI → override. */
function labelContraindications(cv: Cv, ctx: EligibilityContext): Finding[] {
  const esk = !isRacemic(ctx.route);
  const out: Finding[] = [];
  const items = [
    ['aneurysmalVascularDisease', 'CI_ANEURYSMAL_VASCULAR_DISEASE', 'aneurysmal vascular disease (aorta, intracranial or peripheral arteries)'],
    ['arteriovenousMalformation', 'CI_ARTERIOVENOUS_MALFORMATION', 'arteriovenous malformation'],
    ['intracerebralHaemorrhage', 'CI_INTRACEREBRAL_HAEMORRHAGE', 'history of intracerebral haemorrhage'],
  ] as const;
  for (const [key, code, label] of items) {
    const v = cv[key];
    if (v === undefined) {
      out.push(notAssessed(`cardiovascular.${key}`, label, esk));
    } else if (v) {
      out.push(
        esk
          ? finding(code, `Contraindicated for esketamine: ${label}.`, { field: `cardiovascular.${key}`, value: true, action: 'Do not treat with esketamine.' })
          : finding(code, `A rise in blood pressure would be a serious hazard: ${label}.`, { field: `cardiovascular.${key}`, value: true, severity: 'override', source: SOURCES.ketalar_us, action: 'Prescriber must document the benefit–risk decision.' }),
      );
    }
  }
  return out;
}

/** UK/Swiss racemic-ketamine label contraindications (block for racemic routes; esketamine handled as cautions). */
function racemicContraindications(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const racemic = isRacemic(ctx.route);
  const cv = intake.cardiovascular;
  const out: Finding[] = [];
  const check = (v: boolean | undefined, field: string, label: string, make: () => Finding | null): void => {
    if (v === undefined) {
      out.push(notAssessed(field, label, racemic));
    } else if (v) {
      const f = make();
      if (f !== null) {
        out.push(f);
      }
    }
  };
  check(cv.severeCoronaryOrMyocardialDisease, 'cardiovascular.severeCoronaryOrMyocardialDisease', 'severe coronary or myocardial disease', () =>
    racemic
      ? finding('CI_SEVERE_CORONARY_MYOCARDIAL_DISEASE', 'Contraindicated for ketamine: severe coronary or myocardial disease.', { field: 'cardiovascular.severeCoronaryOrMyocardialDisease', value: true })
      : finding('CV_DISEASE_BENEFIT_RISK', 'Severe coronary or myocardial disease: careful benefit–risk assessment before esketamine.', { field: 'cardiovascular.severeCoronaryOrMyocardialDisease', value: true }),
  );
  check(cv.cerebrovascularAccident, 'cardiovascular.cerebrovascularAccident', 'previous stroke / cerebrovascular accident', () =>
    racemic
      ? finding('CI_CEREBROVASCULAR_ACCIDENT', 'Contraindicated for ketamine: previous stroke (cerebrovascular accident).', { field: 'cardiovascular.cerebrovascularAccident', value: true })
      : finding('CV_DISEASE_BENEFIT_RISK', 'Previous stroke: careful benefit–risk assessment before esketamine.', { field: 'cardiovascular.cerebrovascularAccident', value: true }),
  );
  check(intake.neurological.cerebralTrauma, 'neurological.cerebralTrauma', 'cerebral trauma', () =>
    finding('CI_CEREBRAL_TRAUMA', racemic ? 'Contraindicated for ketamine: cerebral trauma.' : 'Cerebral trauma: a rise in intracranial pressure would be a serious risk with esketamine.', {
      field: 'neurological.cerebralTrauma',
      value: true,
      ...(racemic ? {} : { severity: 'override' as const, source: SOURCES.spravato_contraindications }),
    }),
  );
  if (racemic) {
    const preg = intake.pregnancy.preEclampsiaOrEclampsia;
    if (preg === true) {
      out.push(finding('CI_PREECLAMPSIA_ECLAMPSIA', 'Contraindicated for ketamine: pre-eclampsia or eclampsia.', { field: 'pregnancy.preEclampsiaOrEclampsia', value: true }));
    }
    const thyroid = intake.other.hyperthyroidism;
    if (thyroid === undefined) {
      out.push(notAssessed('other.hyperthyroidism', 'hyperthyroidism', true));
    } else if (thyroid === 'untreated') {
      out.push(finding('CI_UNTREATED_HYPERTHYROIDISM', 'Contraindicated for ketamine: untreated or insufficiently treated hyperthyroidism.', { field: 'other.hyperthyroidism', value: 'untreated' }));
    }
  }
  return out;
}

function cautions(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const cv = intake.cardiovascular;
  const src = isRacemic(ctx.route) ? { source: SOURCES.ketalar_us } : {};
  const out: Finding[] = [];
  if (cv.otherCardiovascularDisease === true) {
    out.push(finding('CV_DISEASE_BENEFIT_RISK', 'Other cardiovascular or cerebrovascular disease: careful benefit–risk assessment.', { field: 'cardiovascular.otherCardiovascularDisease', value: true, ...src }));
  } else if (cv.otherCardiovascularDisease === undefined) {
    out.push(notAssessed('cardiovascular.otherCardiovascularDisease', 'other cardiovascular or cerebrovascular disease', false));
  }
  if (cv.hypertensiveEncephalopathyHistory === true) {
    out.push(finding('HYPERTENSIVE_ENCEPHALOPATHY_HISTORY', 'History of hypertensive encephalopathy: check BP and symptoms more often during sessions.', { field: 'cardiovascular.hypertensiveEncephalopathyHistory', value: true, action: 'Monitor BP and neurological symptoms more frequently.' }));
  }
  if (cv.unstableCardiovascularOrRespiratoryDisease === true) {
    out.push(finding('UNSTABLE_CV_RESPIRATORY_DISEASE', 'Unstable heart or lung disease: treat only where resuscitation equipment and CPR-trained staff are available.', { field: 'cardiovascular.unstableCardiovascularOrRespiratoryDisease', value: true }));
  }
  if (cv.hypertension === 'uncontrolled' || cv.hypertension === 'untreated') {
    out.push(finding('HYPERTENSION_UNCONTROLLED', `Hypertension is ${cv.hypertension}.`, { field: 'cardiovascular.hypertension', value: cv.hypertension, action: 'Get blood pressure controlled before starting.' }));
  } else if (cv.hypertension === undefined) {
    out.push(notAssessed('cardiovascular.hypertension', 'hypertension status', false));
  }
  const icp = intake.neurological.raisedIntracranialPressure;
  if (icp === true) {
    out.push(finding('RAISED_INTRACRANIAL_PRESSURE', 'Raised intracranial pressure.', { field: 'neurological.raisedIntracranialPressure', value: true, severity: ctx.protocol.eligibility.raisedIcpSeverity }));
  } else if (icp === undefined) {
    out.push(notAssessed('neurological.raisedIntracranialPressure', 'raised intracranial pressure', false));
  }
  const iop = intake.neurological.raisedIntraocularPressure;
  if (iop === true) {
    out.push(finding('RAISED_INTRAOCULAR_PRESSURE', 'Raised intraocular pressure or glaucoma.', { field: 'neurological.raisedIntraocularPressure', value: true, severity: ctx.protocol.eligibility.raisedIopSeverity }));
  } else if (iop === undefined) {
    out.push(notAssessed('neurological.raisedIntraocularPressure', 'raised intraocular pressure / glaucoma', false));
  }
  return out;
}

/** Intake BP: >180/100 blocks racemic ketamine (and esketamine if configured); esketamine label guide >140/90. */
function intakeBloodPressure(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const bp = intake.bloodPressure;
  const p = ctx.protocol.bp;
  if (bp === undefined) {
    return [notAssessed('bloodPressure', 'resting blood pressure', true)];
  }
  const esk = !isRacemic(ctx.route);
  if ((!esk || p.blockAppliesToEsketamine) && (bp.systolic > p.blockSystolicAbove || bp.diastolic > p.blockDiastolicAbove)) {
    return [finding('BP_INTAKE_ABOVE_CONTRAINDICATION', `Resting BP ${bp.systolic}/${bp.diastolic} is above ${p.blockSystolicAbove}/${p.blockDiastolicAbove}.`, { field: 'bloodPressure', value: `${bp.systolic}/${bp.diastolic}`, limit: `${p.blockSystolicAbove}/${p.blockDiastolicAbove}`, action: 'Do not treat; refer for blood-pressure work-up.' })];
  }
  if (esk) {
    const older = intake.ageYears > p.olderAdultAgeAbove;
    const sysMax = older ? p.esketaminePredoseSystolicMaxOlder : p.esketaminePredoseSystolicMax;
    if (bp.systolic > sysMax || bp.diastolic > p.esketaminePredoseDiastolicMax) {
      return [finding('BP_INTAKE_ELEVATED', `Baseline BP ${bp.systolic}/${bp.diastolic} is above ${sysMax}/${p.esketaminePredoseDiastolicMax}.`, { field: 'bloodPressure', value: `${bp.systolic}/${bp.diastolic}`, limit: `${sysMax}/${p.esketaminePredoseDiastolicMax}`, action: 'Weigh delaying treatment against benefit; consider BP work-up.' })];
    }
  }
  return [];
}

/** All cardiovascular/neurological findings for the intake. */
export function cardiovascularFindings(intake: EligibilityIntake, ctx: EligibilityContext): Finding[] {
  const out: Finding[] = [];
  const hyper = intake.other.hypersensitivityToKetamine;
  if (hyper === true) {
    out.push(finding('CI_HYPERSENSITIVITY', 'Known hypersensitivity to ketamine/esketamine or an excipient.', { field: 'other.hypersensitivityToKetamine', value: true, action: 'Do not treat.' }));
  } else if (hyper === undefined) {
    out.push(notAssessed('other.hypersensitivityToKetamine', 'hypersensitivity to ketamine or esketamine', true));
  }
  return [...out, ...labelContraindications(intake.cardiovascular, ctx), ...racemicContraindications(intake, ctx), ...cautions(intake, ctx), ...intakeBloodPressure(intake, ctx)];
}
