import { useId } from 'react';

/** Yes / No / Not assessed: an unanswered safety question is never silently "no". */
export function TriState({ label, value, onChange, hint }: { label: string; value: boolean | undefined; onChange: (v: boolean | undefined) => void; hint?: string }) {
  const name = useId();
  const options: { v: boolean | undefined; text: string }[] = [
    { v: true, text: 'Yes' },
    { v: false, text: 'No' },
    { v: undefined, text: 'Not assessed' },
  ];
  return (
    <fieldset className="tri">
      <legend>{label}</legend>
      {hint !== undefined && <span className="hint">{hint}</span>}
      <div className="tri-options">
        {options.map((o) => (
          <label key={o.text} className={`tri-option ${value === o.v ? 'on' : ''}`}>
            <input type="radio" name={name} checked={value === o.v} onChange={() => onChange(o.v)} />
            {o.text}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Choice<T extends string>({ label, value, options, onChange, hint }: { label: string; value: T | undefined; options: readonly { value: T; label: string }[]; onChange: (v: T | undefined) => void; hint?: string }) {
  const name = useId();
  return (
    <fieldset className="tri">
      <legend>{label}</legend>
      {hint !== undefined && <span className="hint">{hint}</span>}
      <div className="tri-options">
        {options.map((o) => (
          <label key={o.value} className={`tri-option ${value === o.value ? 'on' : ''}`}>
            <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
        <label className={`tri-option ${value === undefined ? 'on' : ''}`}>
          <input type="radio" name={name} checked={value === undefined} onChange={() => onChange(undefined)} />
          Not assessed
        </label>
      </div>
    </fieldset>
  );
}
