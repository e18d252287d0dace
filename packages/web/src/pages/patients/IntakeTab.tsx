import { useQueryClient } from '@tanstack/react-query';
import type { IntakeDto, PatientDto } from '@ketapath/server/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { patientKeys, useIntake } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { ROUTE_OPTIONS } from '../../lib/routes';
import { CardioSection, DiagnosisSection, HistorySection, MedicationsSection, OtherSection, TrialsSection, type Intake } from './intake-sections';

const EMPTY: Intake = {
  diagnosis: {},
  antidepressantTrials: [],
  psychiatric: {},
  substanceUse: {},
  cardiovascular: {},
  pregnancy: {},
  hepatic: {},
  neurological: {},
  other: {},
  currentMedications: [],
};

/** Drop empty rows so a half-typed trial or medicine never blocks saving a draft. */
function clean(v: Intake): Intake {
  return { ...v, antidepressantTrials: v.antidepressantTrials.filter((t) => t.drug.trim() !== ''), currentMedications: v.currentMedications.filter((m) => m.name.trim() !== '') };
}

export function IntakeTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const intake = useIntake(patient.id);
  const [route, setRoute] = useState<string>('');
  const [data, setData] = useState<Intake>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [status, setStatus] = useState<'draft' | 'submitted' | null>(null);
  const canEdit = can(session, 'intake.edit');

  useEffect(() => {
    const i = intake.data?.intake;
    if (i !== undefined && i !== null) {
      setRoute(i.plannedRoute ?? '');
      setData(i.data);
      setSavedAt(i.updatedAt);
      setStatus(i.status);
    }
  }, [intake.data]);

  async function save(submit: boolean) {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<IntakeDto>(`/api/patients/${patient.id}/intake`, { plannedRoute: route === '' ? null : route, data: clean(data) });
      setSavedAt(saved.updatedAt);
      setStatus(saved.status);
      if (submit) {
        const s = await api.post<IntakeDto>(`/api/patients/${patient.id}/intake/submit`);
        setStatus(s.status);
      }
      await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (intake.isPending) {
    return <p>Loading the intake…</p>;
  }
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <ErrorAlert error={intake.error ?? error} />
      {status === 'submitted' && (
        <div className="alert ok" role="status">
          <strong>Submitted for the prescriber’s review.</strong> Changing anything opens a new draft; the submitted version is kept. <Link to={`/patients/${patient.id}/eligibility`}>Go to the eligibility review</Link>
        </div>
      )}
      <section className="panel">
        <h2>Planned treatment</h2>
        <SelectField label="Route" value={route} onChange={(e) => setRoute(e.target.value)} options={[{ value: '', label: 'Choose…' }, ...ROUTE_OPTIONS]} hint="Screening rules differ by route (e.g. esketamine contraindications, REMS)." />
      </section>
      <fieldset disabled={!canEdit || busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <DiagnosisSection v={data} set={setData} />
        <TrialsSection v={data} set={setData} />
        <HistorySection v={data} set={setData} />
        <CardioSection v={data} set={setData} />
        <OtherSection v={data} set={setData} />
        <MedicationsSection v={data} set={setData} />
        <section className="panel">
          <div className="field">
            <label htmlFor="intake-notes">Notes for the prescriber</label>
            <textarea id="intake-notes" value={data.notes ?? ''} onChange={(e) => setData({ ...data, notes: e.target.value === '' ? undefined : e.target.value })} />
          </div>
        </section>
      </fieldset>
      {canEdit && (
        <div className="sticky-actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => void save(false)}>
            Save draft
          </button>
          <button type="button" disabled={busy} onClick={() => void save(true)}>
            Save and submit for review
          </button>
          <span className="small muted">{savedAt === null ? 'Not saved yet' : `Saved ${formatDateTime(savedAt, session.clinic.timeZone)}`}</span>
        </div>
      )}
    </form>
  );
}
