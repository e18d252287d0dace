import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useRefreshSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, SelectField } from '../components/Field';
import { Logo } from '../components/Logo';
import { JURISDICTIONS, timeZones } from '../lib/format';

const INLINE = ['clinicName', 'timeZone', 'jurisdiction', 'adminName', 'adminEmail', 'adminPassword'];

/** First run: create the clinic and its first administrator. There are no default accounts. */
export function SetupPage() {
  const refresh = useRefreshSession();
  const browserTz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [form, setForm] = useState({ clinicName: '', timeZone: browserTz, jurisdiction: 'US', adminName: '', adminEmail: '', adminPassword: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/setup', form);
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-page">
      <div className="card wide">
        <Logo />
        <h1>Set up your clinic</h1>
        <p className="muted">This creates your clinic and its first administrator account. You will then turn on two-step sign-in for that account.</p>
        <ErrorAlert error={error} inlineFields={INLINE} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2>Clinic</h2>
          <Field label="Clinic name" value={form.clinicName} onChange={set('clinicName')} error={fe('clinicName')} autoComplete="organization" required />
          <div className="form-row">
            <SelectField label="Time zone" hint="Appointments and records use this clock." value={form.timeZone} onChange={set('timeZone')} error={fe('timeZone')} options={timeZones(form.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))} />
            <SelectField label="Country (rules and legal status)" hint="Sets controlled-drug and REMS rules." value={form.jurisdiction} onChange={set('jurisdiction')} error={fe('jurisdiction')} options={JURISDICTIONS} />
          </div>
          <h2>First administrator</h2>
          <Field label="Full name" value={form.adminName} onChange={set('adminName')} error={fe('adminName')} autoComplete="name" required />
          <Field label="Email" type="email" value={form.adminEmail} onChange={set('adminEmail')} error={fe('adminEmail')} autoComplete="email" required />
          <Field
            label="Password"
            type="password"
            hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
            value={form.adminPassword}
            onChange={set('adminPassword')}
            error={fe('adminPassword')}
            autoComplete="new-password"
            required
          />
          <button type="submit" className="block" disabled={busy}>
            {busy ? 'Creating…' : 'Create clinic and administrator'}
          </button>
        </form>
      </div>
    </main>
  );
}
