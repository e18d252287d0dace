import type { IntakeStored } from '@ketapath/server/contracts';
import { Field, SelectField } from '../../components/Field';
import { Choice, TriState } from '../../components/TriState';

export type Intake = IntakeStored;
type Trial = Intake['antidepressantTrials'][number];
type Set = (next: Intake) => void;

const num = (s: string): number | undefined => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s));

export function DiagnosisSection({ v, set }: { v: Intake; set: Set }) {
  const d = v.diagnosis;
  return (
    <section className="panel" aria-labelledby="in-dx">
      <h2 id="in-dx">Diagnosis</h2>
      <Choice label="Condition" value={d.condition} options={[{ value: 'mdd', label: 'Major depressive disorder' }, { value: 'bipolar_depression', label: 'Bipolar depression' }, { value: 'other', label: 'Other' }]} onChange={(x) => set({ ...v, diagnosis: { ...d, condition: x } })} />
      <Choice label="Episode" value={d.episode} options={[{ value: 'single', label: 'Single episode' }, { value: 'recurrent', label: 'Recurrent' }]} onChange={(x) => set({ ...v, diagnosis: { ...d, episode: x } })} />
      <TriState label="Psychotic features in this episode" value={d.psychoticFeatures} onChange={(x) => set({ ...v, diagnosis: { ...d, psychoticFeatures: x } })} />
      <Field label="ICD-10 code (optional)" value={d.icd10 ?? ''} onChange={(e) => set({ ...v, diagnosis: { ...d, icd10: e.target.value === '' ? undefined : e.target.value } })} style={{ maxWidth: 200 }} />
    </section>
  );
}

function TrialEditor({ t, i, onChange, onRemove }: { t: Trial; i: number; onChange: (t: Trial) => void; onRemove: () => void }) {
  return (
    <div className="trial">
      <div className="form-row">
        <Field label={`Medicine (trial ${i + 1})`} value={t.drug} onChange={(e) => onChange({ ...t, drug: e.target.value })} />
        <Field label="Dose" placeholder="e.g. 150 mg/day" value={t.dose ?? ''} onChange={(e) => onChange({ ...t, dose: e.target.value === '' ? undefined : e.target.value })} />
        <Field label="Weeks taken" type="number" inputMode="numeric" value={t.durationWeeks ?? ''} onChange={(e) => onChange({ ...t, durationWeeks: num(e.target.value) })} />
        <Field label="Improvement (%)" type="number" inputMode="numeric" hint="How much symptoms improved" value={t.improvementPercent ?? ''} onChange={(e) => onChange({ ...t, improvementPercent: num(e.target.value) })} />
      </div>
      <TriState label="Was the dose adequate?" hint="Prescriber's judgement (there is no dose table in the reference)" value={t.doseAdequate} onChange={(x) => onChange({ ...t, doseAdequate: x })} />
      <Choice label="Taken as prescribed?" value={t.adherence === 'unknown' ? undefined : t.adherence} options={[{ value: 'adequate', label: 'Yes' }, { value: 'poor', label: 'Poorly' }]} onChange={(x) => onChange({ ...t, adherence: x ?? 'unknown' })} />
      <Choice label="Outcome" value={t.response === 'unknown' ? undefined : t.response} options={[{ value: 'nonresponse', label: 'No response' }, { value: 'partial', label: 'Partial' }, { value: 'response', label: 'Response' }, { value: 'remission', label: 'Remission' }, { value: 'intolerance', label: 'Stopped: side effects' }]} onChange={(x) => onChange({ ...t, response: x ?? 'unknown' })} />
      <TriState label="In the current episode?" value={t.inCurrentEpisode} onChange={(x) => onChange({ ...t, inCurrentEpisode: x })} />
      <button type="button" className="secondary small" onClick={onRemove}>
        Remove this trial
      </button>
    </div>
  );
}

export function TrialsSection({ v, set }: { v: Intake; set: Set }) {
  return (
    <section className="panel" aria-labelledby="in-trials">
      <h2 id="in-trials">Antidepressant trials</h2>
      <p className="muted small">Each medicine tried for depression. Treatment resistance is counted from trials at an adequate dose and duration that did not work.</p>
      {v.antidepressantTrials.map((t, i) => (
        <TrialEditor key={i} t={t} i={i} onChange={(nt) => set({ ...v, antidepressantTrials: v.antidepressantTrials.map((x, j) => (j === i ? nt : x)) })} onRemove={() => set({ ...v, antidepressantTrials: v.antidepressantTrials.filter((_, j) => j !== i) })} />
      ))}
      <button type="button" className="secondary" onClick={() => set({ ...v, antidepressantTrials: [...v.antidepressantTrials, { drug: '' }] })}>
        Add a trial
      </button>
    </section>
  );
}

export function HistorySection({ v, set }: { v: Intake; set: Set }) {
  const ps = v.psychiatric;
  const su = v.substanceUse;
  const hist = [{ value: 'none', label: 'Never' }, { value: 'past', label: 'In the past' }, { value: 'current', label: 'Current' }] as const;
  return (
    <section className="panel" aria-labelledby="in-hist">
      <h2 id="in-hist">Psychiatric and substance history</h2>
      <TriState label="Ever had psychosis" value={ps.psychosisHistory} onChange={(x) => set({ ...v, psychiatric: { ...ps, psychosisHistory: x } })} />
      <TriState label="Psychotic symptoms now" value={ps.psychosisCurrent} onChange={(x) => set({ ...v, psychiatric: { ...ps, psychosisCurrent: x } })} />
      <TriState label="Mania or bipolar disorder" value={ps.maniaOrBipolarHistory} onChange={(x) => set({ ...v, psychiatric: { ...ps, maniaOrBipolarHistory: x } })} />
      <Choice label="Substance use disorder (including alcohol)" value={su.disorder} options={hist} onChange={(x) => set({ ...v, substanceUse: { ...su, disorder: x } })} />
      {su.disorder === 'past' && <Field label="Last active (date)" type="date" value={su.disorderLastActiveDate ?? ''} onChange={(e) => set({ ...v, substanceUse: { ...su, disorderLastActiveDate: e.target.value === '' ? undefined : e.target.value } })} style={{ maxWidth: 220 }} />}
      <Choice label="Ketamine or PCP misuse" value={su.ketamineOrPcpMisuse} options={hist} onChange={(x) => set({ ...v, substanceUse: { ...su, ketamineOrPcpMisuse: x } })} />
      {su.ketamineOrPcpMisuse === 'past' && <Field label="Last use (date)" type="date" value={su.ketamineOrPcpLastUseDate ?? ''} onChange={(e) => set({ ...v, substanceUse: { ...su, ketamineOrPcpLastUseDate: e.target.value === '' ? undefined : e.target.value } })} style={{ maxWidth: 220 }} />}
    </section>
  );
}

export function CardioSection({ v, set }: { v: Intake; set: Set }) {
  const c = v.cardiovascular;
  const items: [keyof typeof c, string][] = [
    ['aneurysmalVascularDisease', 'Aneurysm (aorta, brain or other arteries)'],
    ['arteriovenousMalformation', 'Arteriovenous malformation'],
    ['intracerebralHaemorrhage', 'Bleeding in the brain, ever'],
    ['cerebrovascularAccident', 'Stroke'],
    ['severeCoronaryOrMyocardialDisease', 'Severe coronary or heart muscle disease'],
    ['unstableCardiovascularOrRespiratoryDisease', 'Unstable heart or lung disease'],
    ['hypertensiveEncephalopathyHistory', 'Hypertensive encephalopathy, ever'],
    ['otherCardiovascularDisease', 'Other heart or blood-vessel disease'],
  ];
  return (
    <section className="panel" aria-labelledby="in-cv">
      <h2 id="in-cv">Heart, blood vessels and blood pressure</h2>
      {items.map(([k, label]) => (
        <TriState key={k} label={label} value={c[k] as boolean | undefined} onChange={(x) => set({ ...v, cardiovascular: { ...c, [k]: x } })} />
      ))}
      <Choice label="High blood pressure" value={c.hypertension} options={[{ value: 'none', label: 'None' }, { value: 'controlled', label: 'Treated and controlled' }, { value: 'uncontrolled', label: 'Treated, not controlled' }, { value: 'untreated', label: 'Untreated' }]} onChange={(x) => set({ ...v, cardiovascular: { ...c, hypertension: x } })} />
      <div className="form-row" style={{ maxWidth: 420 }}>
        <Field label="Blood pressure today: systolic" type="number" inputMode="numeric" value={v.bloodPressure?.systolic ?? ''} onChange={(e) => setBp(v, set, num(e.target.value), v.bloodPressure?.diastolic)} />
        <Field label="Diastolic" type="number" inputMode="numeric" value={v.bloodPressure?.diastolic ?? ''} onChange={(e) => setBp(v, set, v.bloodPressure?.systolic, num(e.target.value))} />
      </div>
    </section>
  );
}

function setBp(v: Intake, set: Set, systolic: number | undefined, diastolic: number | undefined): void {
  const { bloodPressure: _old, ...rest } = v;
  set(systolic === undefined && diastolic === undefined ? rest : { ...rest, bloodPressure: { systolic: systolic ?? 0, diastolic: diastolic ?? 0 } });
}

export function OtherSection({ v, set }: { v: Intake; set: Set }) {
  const pr = v.pregnancy;
  const h = v.hepatic;
  const n = v.neurological;
  const o = v.other;
  return (
    <section className="panel" aria-labelledby="in-other">
      <h2 id="in-other">Pregnancy, liver, brain, eyes and bladder</h2>
      <TriState label="Pregnant or could be pregnant" value={pr.pregnant} onChange={(x) => set({ ...v, pregnancy: { ...pr, pregnant: x } })} />
      <TriState label="Breastfeeding" value={pr.breastfeeding} onChange={(x) => set({ ...v, pregnancy: { ...pr, breastfeeding: x } })} />
      <TriState label="Pre-eclampsia or eclampsia" value={pr.preEclampsiaOrEclampsia} onChange={(x) => set({ ...v, pregnancy: { ...pr, preEclampsiaOrEclampsia: x } })} />
      <Choice label="Liver impairment" value={h.impairment} options={[{ value: 'none', label: 'None' }, { value: 'mild', label: 'Mild (Child-Pugh A)' }, { value: 'moderate', label: 'Moderate (B)' }, { value: 'severe', label: 'Severe (C)' }]} onChange={(x) => set({ ...v, hepatic: { ...h, impairment: x } })} />
      <TriState label="Baseline liver tests done (incl. ALP and GGT)" value={h.baselineLiverTestsDone} onChange={(x) => set({ ...v, hepatic: { ...h, baselineLiverTestsDone: x } })} />
      <TriState label="Raised pressure inside the skull" value={n.raisedIntracranialPressure} onChange={(x) => set({ ...v, neurological: { ...n, raisedIntracranialPressure: x } })} />
      <TriState label="Head injury (cerebral trauma)" value={n.cerebralTrauma} onChange={(x) => set({ ...v, neurological: { ...n, cerebralTrauma: x } })} />
      <TriState label="Raised eye pressure (glaucoma)" value={n.raisedIntraocularPressure} onChange={(x) => set({ ...v, neurological: { ...n, raisedIntraocularPressure: x } })} />
      <TriState label="Allergy to ketamine or esketamine" value={o.hypersensitivityToKetamine} onChange={(x) => set({ ...v, other: { ...o, hypersensitivityToKetamine: x } })} />
      <Choice label="Overactive thyroid" value={o.hyperthyroidism} options={[{ value: 'none', label: 'None' }, { value: 'treated', label: 'Treated' }, { value: 'untreated', label: 'Untreated' }]} onChange={(x) => set({ ...v, other: { ...o, hyperthyroidism: x } })} />
      <TriState label="Ulcerative or interstitial cystitis" value={o.ulcerativeOrInterstitialCystitis} onChange={(x) => set({ ...v, other: { ...o, ulcerativeOrInterstitialCystitis: x } })} />
    </section>
  );
}

export function MedicationsSection({ v, set }: { v: Intake; set: Set }) {
  return (
    <section className="panel" aria-labelledby="in-meds">
      <h2 id="in-meds">Current medications</h2>
      <p className="muted small">Every medicine the patient takes now. Ketapath recognises common names and checks interactions (sedatives, stimulants, MAOIs, benzodiazepines…).</p>
      {v.currentMedications.map((m, i) => (
        <div className="form-row" key={i}>
          <Field label={`Medicine ${i + 1}`} value={m.name} onChange={(e) => set({ ...v, currentMedications: v.currentMedications.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
          <Field label="Diazepam-equivalent mg/day (benzodiazepines only)" type="number" inputMode="decimal" value={m.diazepamEquivalentMgPerDay ?? ''} onChange={(e) => set({ ...v, currentMedications: v.currentMedications.map((x, j) => (j === i ? { ...x, diazepamEquivalentMgPerDay: num(e.target.value) } : x)) })} />
          <div className="field" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="secondary small" onClick={() => set({ ...v, currentMedications: v.currentMedications.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set({ ...v, currentMedications: [...v.currentMedications, { name: '' }] })}>
        Add a medicine
      </button>
    </section>
  );
}

export { SelectField };
