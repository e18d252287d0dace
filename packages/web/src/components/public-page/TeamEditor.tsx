import { Field } from '../Field';
import { TextAreaField } from '../TextAreaField';
import { DAYS, emptyToNull, type Content, type Day } from './form';

type FieldError = (path: string) => string | undefined;

interface Props {
  readonly content: Content;
  readonly onChange: (c: Content) => void;
  readonly fe: FieldError;
}

const BLANK_MEMBER: Content['team'][number] = { name: '', role: '', licence: null, credentials: null, affiliations: null };

export function TeamEditor({ content, onChange, fe }: Props) {
  const team = content.team;
  const set = (i: number, patch: Partial<Content['team'][number]>) => onChange({ ...content, team: team.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  return (
    <>
      <h3>Medical team</h3>
      <p className="small muted">List the people who treat patients, with their role (for example Psychiatrist, Monitoring nurse), licence, and qualifications (for example MD, ACLS certified).</p>
      {team.length === 0 && <p className="muted">No one listed yet.</p>}
      {team.map((m, i) => (
        <fieldset key={i} className="panel" style={{ boxShadow: 'none' }}>
          <legend className="label">Team member {i + 1}</legend>
          <div className="form-row">
            <Field label="Name" value={m.name} onChange={(e) => set(i, { name: e.target.value })} error={fe(`content.team.${i}.name`)} />
            <Field label="Role" value={m.role} onChange={(e) => set(i, { role: e.target.value })} error={fe(`content.team.${i}.role`)} />
          </div>
          <div className="form-row">
            <Field label="Licence (number and issuing board)" value={m.licence ?? ''} onChange={(e) => set(i, { licence: emptyToNull(e.target.value) })} error={fe(`content.team.${i}.licence`)} />
            <Field label="Qualifications and training" value={m.credentials ?? ''} onChange={(e) => set(i, { credentials: emptyToNull(e.target.value) })} error={fe(`content.team.${i}.credentials`)} />
          </div>
          <Field label="Affiliations" value={m.affiliations ?? ''} onChange={(e) => set(i, { affiliations: emptyToNull(e.target.value) })} error={fe(`content.team.${i}.affiliations`)} />
          <button type="button" className="secondary small" onClick={() => onChange({ ...content, team: team.filter((_, j) => j !== i) })}>
            Remove {m.name === '' ? `team member ${i + 1}` : m.name}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange({ ...content, team: [...team, BLANK_MEMBER] })}>
        Add a team member
      </button>
    </>
  );
}

export function ContactEditor({ content, onChange, fe }: Props) {
  const a = content.address;
  const setAddress = (patch: Partial<Content['address']>) => onChange({ ...content, address: { ...a, ...patch } });
  const setHours = (i: number, patch: Partial<Content['hours'][number]>) => onChange({ ...content, hours: content.hours.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const toggleDay = (i: number, day: Day, on: boolean) => {
    const days = content.hours[i]?.days ?? [];
    setHours(i, { days: on ? DAYS.map((d) => d.value).filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day) });
  };
  return (
    <>
      <h3>Address</h3>
      <Field label="Street" value={a.street ?? ''} onChange={(e) => setAddress({ street: emptyToNull(e.target.value) })} error={fe('content.address.street')} />
      <div className="form-row">
        <Field label="Town or city" value={a.locality ?? ''} onChange={(e) => setAddress({ locality: emptyToNull(e.target.value) })} />
        <Field label="State or region" value={a.region ?? ''} onChange={(e) => setAddress({ region: emptyToNull(e.target.value) })} />
        <Field label="Postal code" value={a.postalCode ?? ''} onChange={(e) => setAddress({ postalCode: emptyToNull(e.target.value) })} />
        <Field label="Country" value={a.country ?? ''} onChange={(e) => setAddress({ country: emptyToNull(e.target.value) })} />
      </div>
      <h3>Opening hours</h3>
      {content.hours.map((h, i) => (
        <fieldset key={i} className="panel" style={{ boxShadow: 'none' }}>
          <legend className="label">Opening hours {i + 1}</legend>
          <div className="checks" role="group" aria-label={`Days for opening hours ${i + 1}`}>
            {DAYS.map((d) => (
              <label key={d.value} className="check">
                <input type="checkbox" checked={h.days.includes(d.value)} onChange={(e) => toggleDay(i, d.value, e.target.checked)} />
                {d.label}
              </label>
            ))}
          </div>
          {fe(`content.hours.${i}.days`) !== undefined && <span className="error">{fe(`content.hours.${i}.days`)}</span>}
          <div className="form-row">
            <Field label="Opens" type="time" value={h.opens} onChange={(e) => setHours(i, { opens: e.target.value })} error={fe(`content.hours.${i}.opens`)} />
            <Field label="Closes" type="time" value={h.closes} onChange={(e) => setHours(i, { closes: e.target.value })} error={fe(`content.hours.${i}.closes`)} />
          </div>
          <button type="button" className="secondary small" onClick={() => onChange({ ...content, hours: content.hours.filter((_, j) => j !== i) })}>
            Remove opening hours {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onChange({ ...content, hours: [...content.hours, { days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '09:00', closes: '17:00' }] })}>
          Add opening hours
        </button>
      </div>
      <Field label="Note on opening hours (optional)" hint="For example: closed on public holidays" value={content.hoursNote ?? ''} onChange={(e) => onChange({ ...content, hoursNote: emptyToNull(e.target.value) })} />
      <h3>Contact</h3>
      <div className="form-row">
        <Field label="Phone" type="tel" value={content.phone ?? ''} onChange={(e) => onChange({ ...content, phone: emptyToNull(e.target.value) })} error={fe('content.phone')} />
        <Field label="Email" type="email" value={content.email ?? ''} onChange={(e) => onChange({ ...content, email: emptyToNull(e.target.value) })} error={fe('content.email')} />
        <Field label="Website" type="url" value={content.website ?? ''} onChange={(e) => onChange({ ...content, website: emptyToNull(e.target.value) })} error={fe('content.website')} />
      </div>
      <TextAreaField
        label="How to reach you in an emergency"
        hint="For example, an after-hours line. Crisis lines are added automatically where Ketapath knows them."
        value={content.emergencyContact ?? ''}
        onChange={(e) => onChange({ ...content, emergencyContact: emptyToNull(e.target.value) })}
        error={fe('content.emergencyContact')}
      />
    </>
  );
}
