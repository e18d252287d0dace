import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClinicDto, StaffRole } from '@ketapath/server/contracts';
import { useEffect, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import { SESSION_KEY } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, SelectField } from '../components/Field';
import { JURISDICTIONS, ROLE_LABELS, timeZones } from '../lib/format';

const ROLES: StaffRole[] = ['admin', 'prescriber', 'nurse', 'front_desk'];

export function ClinicSettingsPage() {
  const qc = useQueryClient();
  const clinic = useQuery({ queryKey: ['clinic'], queryFn: () => api.get<ClinicDto>('/api/clinic') });
  const [form, setForm] = useState<ClinicDto | null>(null);
  useEffect(() => {
    if (clinic.data !== undefined) {
      setForm(clinic.data);
    }
  }, [clinic.data]);
  const save = useMutation({
    mutationFn: (f: ClinicDto) =>
      api.patch<ClinicDto>('/api/clinic', {
        name: f.name,
        timeZone: f.timeZone,
        jurisdiction: f.jurisdiction,
        mfaRequiredRoles: f.mfaRequiredRoles,
        staffIdleMinutes: f.staffIdleMinutes,
        remsCertifiedOn: f.remsCertifiedOn,
      }),
    onSuccess: async (c) => {
      qc.setQueryData(['clinic'], c);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
  if (form === null) {
    return <ErrorAlert error={clinic.error} />;
  }
  const fe = (n: string) => (save.error instanceof ApiError ? save.error.fieldError(n) : undefined);
  function submit(e: SubmitEvent) {
    e.preventDefault();
    if (form !== null) {
      save.mutate(form);
    }
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Clinic settings</h1>
          <p className="muted">Details and sign-in security for the whole clinic. Every change is recorded in the audit trail.</p>
        </div>
      </div>
      <form className="panel" onSubmit={submit} noValidate>
        {save.isSuccess && <div className="alert ok" role="status">Settings saved.</div>}
        <ErrorAlert error={save.error} inlineFields={['name', 'timeZone', 'jurisdiction', 'staffIdleMinutes']} />
        <h2>Clinic</h2>
        <Field label="Clinic name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fe('name')} />
        <div className="form-row">
          <SelectField label="Time zone" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} options={timeZones(form.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))} />
          <SelectField label="Country (rules and legal status)" value={form.jurisdiction} onChange={(e) => setForm({ ...form, jurisdiction: e.target.value as ClinicDto['jurisdiction'] })} options={JURISDICTIONS} />
        </div>
        <h2>Sign-in security</h2>
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <legend className="label">Roles that must use two-step sign-in</legend>
          <span className="hint">Recommended: administrators and prescribers at least.</span>
          <div className="checks">
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={form.mfaRequiredRoles.includes(r)}
                  onChange={(e) => setForm({ ...form, mfaRequiredRoles: e.target.checked ? [...form.mfaRequiredRoles, r] : form.mfaRequiredRoles.filter((x) => x !== r) })}
                />
                {ROLE_LABELS[r]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="Sign out after inactivity (minutes)"
          type="number"
          min={5}
          max={480}
          hint="Leave empty for the server default (15 minutes). Applies to new sign-ins."
          value={form.staffIdleMinutes ?? ''}
          onChange={(e) => setForm({ ...form, staffIdleMinutes: e.target.value === '' ? null : Number(e.target.value) })}
          error={fe('staffIdleMinutes')}
        />
        <h2>Esketamine (SPRAVATO REMS)</h2>
        <Field
          label="Date this setting was certified in the SPRAVATO REMS"
          type="date"
          hint="US clinics giving esketamine only. Leave empty if the setting is not certified; the pre-dose checklist flags esketamine sessions until it is."
          value={form.remsCertifiedOn ?? ''}
          onChange={(e) => setForm({ ...form, remsCertifiedOn: e.target.value === '' ? null : e.target.value })}
          error={fe('remsCertifiedOn')}
        />
        <button type="submit" disabled={save.isPending}>
          Save settings
        </button>
      </form>
    </>
  );
}
