import type { PatientDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { Field, SelectField } from '../Field';

export interface PatientFormValues {
  legalFirstName: string;
  legalLastName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAtBirth: string;
  genderIdentity: string;
  phone: string;
  email: string;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelationship: string;
  escortName: string;
  escortPhone: string;
  referringClinician: string;
  insurance: string;
  allergies: string;
  medications: { name: string; dose: string; frequency: string }[];
  remsPatientId: string;
  remsEnrolledAt: string;
  weightKg: string;
  heightCm: string;
}

export const EMPTY_PATIENT: PatientFormValues = {
  legalFirstName: '', legalLastName: '', preferredName: '', pronouns: '', dateOfBirth: '', sexAtBirth: 'unknown', genderIdentity: '', phone: '', email: '', address: '',
  emergencyContactName: '', emergencyContactPhone: '', emergencyContactRelationship: '', escortName: '', escortPhone: '', referringClinician: '', insurance: '',
  allergies: '', medications: [], remsPatientId: '', remsEnrolledAt: '', weightKg: '', heightCm: '',
};

export function valuesFromPatient(p: PatientDto): PatientFormValues {
  const s = (v: string | null) => v ?? '';
  return {
    legalFirstName: p.legalFirstName, legalLastName: p.legalLastName, preferredName: s(p.preferredName), pronouns: s(p.pronouns), dateOfBirth: p.dateOfBirth, sexAtBirth: p.sexAtBirth,
    genderIdentity: s(p.genderIdentity), phone: s(p.phone), email: s(p.email), address: s(p.address), emergencyContactName: s(p.emergencyContactName), emergencyContactPhone: s(p.emergencyContactPhone),
    emergencyContactRelationship: s(p.emergencyContactRelationship), escortName: s(p.escortName), escortPhone: s(p.escortPhone), referringClinician: s(p.referringClinician), insurance: s(p.insurance),
    allergies: p.allergies.join('\n'), medications: p.medications.map((m) => ({ name: m.name, dose: m.dose ?? '', frequency: m.frequency ?? '' })), remsPatientId: s(p.remsPatientId), remsEnrolledAt: s(p.remsEnrolledAt), weightKg: '', heightCm: '',
  };
}

/** The API body: blank strings become null, lists are cleaned, numbers parsed. */
export function toBody(v: PatientFormValues, withMeasurements: boolean): Record<string, unknown> {
  const n = (s: string) => (s.trim() === '' ? null : s.trim());
  const body: Record<string, unknown> = {
    legalFirstName: v.legalFirstName, legalLastName: v.legalLastName, preferredName: n(v.preferredName), pronouns: n(v.pronouns), dateOfBirth: v.dateOfBirth, sexAtBirth: v.sexAtBirth,
    genderIdentity: n(v.genderIdentity), phone: n(v.phone), email: n(v.email), address: n(v.address), emergencyContactName: n(v.emergencyContactName), emergencyContactPhone: n(v.emergencyContactPhone),
    emergencyContactRelationship: n(v.emergencyContactRelationship), escortName: n(v.escortName), escortPhone: n(v.escortPhone), referringClinician: n(v.referringClinician), insurance: n(v.insurance),
    allergies: v.allergies.split(/[\n,;]/).map((a) => a.trim()).filter(Boolean),
    medications: v.medications.filter((m) => m.name.trim() !== '').map((m) => ({ name: m.name.trim(), ...(m.dose.trim() === '' ? {} : { dose: m.dose.trim() }), ...(m.frequency.trim() === '' ? {} : { frequency: m.frequency.trim() }) })),
    remsPatientId: n(v.remsPatientId), remsEnrolledAt: n(v.remsEnrolledAt),
  };
  if (withMeasurements) {
    if (v.weightKg.trim() !== '') {
      body.weightKg = Number(v.weightKg);
    }
    if (v.heightCm.trim() !== '') {
      body.heightCm = Number(v.heightCm);
    }
  }
  return body;
}

const SEX = [
  { value: 'unknown', label: 'Not recorded' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'intersex', label: 'Intersex' },
];

export function PatientForm({ initial, withMeasurements, submitLabel, busy, error, onSubmit }: { initial: PatientFormValues; withMeasurements: boolean; submitLabel: string; busy: boolean; error: unknown; onSubmit: (v: PatientFormValues) => void }) {
  const [v, setV] = useState(initial);
  const set = (k: keyof PatientFormValues) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const fe = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error instanceof ApiError && error.problem.reason === 'LIKELY_DUPLICATE' ? null : error} inlineFields={Object.keys(v)} />
      <section className="panel" aria-labelledby="pf-identity">
        <h2 id="pf-identity">Identity</h2>
        <div className="form-row">
          <Field label="Legal first name" value={v.legalFirstName} onChange={set('legalFirstName')} error={fe('legalFirstName')} autoComplete="off" required />
          <Field label="Legal last name" value={v.legalLastName} onChange={set('legalLastName')} error={fe('legalLastName')} autoComplete="off" required />
          <Field label="Preferred name" hint="What the patient likes to be called" value={v.preferredName} onChange={set('preferredName')} error={fe('preferredName')} />
          <Field label="Pronouns" value={v.pronouns} onChange={set('pronouns')} />
        </div>
        <div className="form-row">
          <Field label="Date of birth" type="date" value={v.dateOfBirth} onChange={set('dateOfBirth')} error={fe('dateOfBirth')} required />
          <SelectField label="Sex assigned at birth" hint="Used for dosing formulas only" value={v.sexAtBirth} onChange={set('sexAtBirth')} options={SEX} />
          <Field label="Gender identity" value={v.genderIdentity} onChange={set('genderIdentity')} />
        </div>
      </section>
      <section className="panel" aria-labelledby="pf-contact">
        <h2 id="pf-contact">Contact</h2>
        <div className="form-row">
          <Field label="Phone" type="tel" value={v.phone} onChange={set('phone')} error={fe('phone')} />
          <Field label="Email" type="email" value={v.email} onChange={set('email')} error={fe('email')} />
        </div>
        <Field label="Address" value={v.address} onChange={set('address')} />
        <h3>Emergency contact</h3>
        <div className="form-row">
          <Field label="Name" value={v.emergencyContactName} onChange={set('emergencyContactName')} />
          <Field label="Phone" type="tel" value={v.emergencyContactPhone} onChange={set('emergencyContactPhone')} />
          <Field label="Relationship" value={v.emergencyContactRelationship} onChange={set('emergencyContactRelationship')} />
        </div>
        <h3>Escort home after sessions</h3>
        <p className="muted small">Patients may not drive until the next day; an adult must take them home.</p>
        <div className="form-row">
          <Field label="Escort name" value={v.escortName} onChange={set('escortName')} />
          <Field label="Escort phone" type="tel" value={v.escortPhone} onChange={set('escortPhone')} />
        </div>
      </section>
      <section className="panel" aria-labelledby="pf-clinical">
        <h2 id="pf-clinical">Health basics</h2>
        {withMeasurements && (
          <div className="form-row">
            <Field label="Weight (kg)" type="number" inputMode="decimal" step="0.1" value={v.weightKg} onChange={set('weightKg')} error={fe('weightKg')} hint="Doses are calculated per kilogram" />
            <Field label="Height (cm)" type="number" inputMode="decimal" step="0.5" value={v.heightCm} onChange={set('heightCm')} error={fe('heightCm')} />
          </div>
        )}
        <div className="field">
          <label htmlFor="pf-allergies">Allergies</label>
          <span className="hint">One per line. Write “none known” if the patient has none.</span>
          <textarea id="pf-allergies" value={v.allergies} onChange={set('allergies')} rows={3} />
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <legend className="label">Current medications</legend>
          {v.medications.map((m, i) => (
            <div className="form-row" key={i}>
              <Field label={`Medicine ${i + 1}`} value={m.name} onChange={(e) => setV({ ...v, medications: v.medications.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
              <Field label="Dose" value={m.dose} onChange={(e) => setV({ ...v, medications: v.medications.map((x, j) => (j === i ? { ...x, dose: e.target.value } : x)) })} />
              <Field label="How often" value={m.frequency} onChange={(e) => setV({ ...v, medications: v.medications.map((x, j) => (j === i ? { ...x, frequency: e.target.value } : x)) })} />
            </div>
          ))}
          <div>
            <button type="button" className="secondary small" onClick={() => setV({ ...v, medications: [...v.medications, { name: '', dose: '', frequency: '' }] })}>
              Add a medicine
            </button>
          </div>
        </fieldset>
      </section>
      <section className="panel" aria-labelledby="pf-admin">
        <h2 id="pf-admin">Referral, insurance and REMS</h2>
        <Field label="Referring clinician" value={v.referringClinician} onChange={set('referringClinician')} />
        <div className="field">
          <label htmlFor="pf-insurance">Insurance details</label>
          <textarea id="pf-insurance" value={v.insurance} onChange={set('insurance')} rows={2} />
        </div>
        <div className="form-row">
          <Field label="SPRAVATO REMS patient ID" hint="Esketamine only" value={v.remsPatientId} onChange={set('remsPatientId')} />
          <Field label="REMS enrolment date" type="date" value={v.remsEnrolledAt} onChange={set('remsEnrolledAt')} />
        </div>
      </section>
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
