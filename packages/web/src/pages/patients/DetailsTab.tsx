import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PatientDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { patientKeys } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { PatientForm, toBody, valuesFromPatient, type PatientFormValues } from '../../components/patient/PatientForm';
import { formatDateTime } from '../../lib/format';

interface Measurement {
  id: string;
  kind: 'weight_kg' | 'height_cm';
  value: number;
  measuredAt: string;
}

function Measurements({ patient, timeZone, canEdit }: { patient: PatientDto; timeZone: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<'weight_kg' | 'height_cm'>('weight_kg');
  const [value, setValue] = useState('');
  const list = useQuery({ queryKey: ['patient', patient.id, 'measurements'], queryFn: () => api.get<{ measurements: Measurement[] }>(`/api/patients/${patient.id}/measurements`) });
  const add = useMutation({
    mutationFn: () => api.post(`/api/patients/${patient.id}/measurements`, { kind, value: Number(value) }),
    onSuccess: async () => {
      setValue('');
      await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
    },
  });
  return (
    <div className="panel">
      <h2>Weight and height</h2>
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <ErrorAlert error={add.error} inlineFields={['value']} />
          <div className="form-row">
            <SelectField label="Measurement" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} options={[{ value: 'weight_kg', label: 'Weight (kg)' }, { value: 'height_cm', label: 'Height (cm)' }]} />
            <Field label="Value" type="number" inputMode="decimal" step="0.1" value={value} onChange={(e) => setValue(e.target.value)} error={add.error instanceof ApiError ? add.error.fieldError('value') : undefined} />
          </div>
          <button type="submit" disabled={value === '' || add.isPending}>
            Record
          </button>
        </form>
      )}
      <table aria-label="Measurement history" style={{ marginTop: '1rem' }}>
        <thead>
          <tr>
            <th>When</th>
            <th>Measurement</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.measurements.map((m) => (
            <tr key={m.id}>
              <td>{formatDateTime(m.measuredAt, timeZone)}</td>
              <td>{m.kind === 'weight_kg' ? `${m.value} kg` : `${m.value} cm`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DetailsTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (v: PatientFormValues) => api.patch<PatientDto>(`/api/patients/${patient.id}`, toBody(v, false)),
    onSuccess: async () => {
      setSaved(true);
      await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
    },
  });
  return (
    <div className="grid-2" style={{ alignItems: 'start', gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)' }}>
      <div>
        {saved && !save.isPending && save.error === null && (
          <div className="alert ok" role="status">
            Record saved.
          </div>
        )}
        {can(session, 'patient.update') ? (
          <PatientForm key={patient.updatedAt} initial={valuesFromPatient(patient)} withMeasurements={false} submitLabel="Save changes" busy={save.isPending} error={save.error} onSubmit={(v) => save.mutate(v)} />
        ) : (
          <p>Your role can view but not change this record.</p>
        )}
      </div>
      <Measurements patient={patient} timeZone={session.clinic.timeZone} canEdit={can(session, 'patient.update')} />
    </div>
  );
}
