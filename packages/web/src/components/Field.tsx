import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}

/** A labelled input with its hint and error announced to screen readers. */
export function Field({ label, hint, error, id, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint !== undefined ? `${fieldId}-hint` : '', error !== undefined ? `${fieldId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint !== undefined && (
        <span className="hint" id={`${fieldId}-hint`}>
          {hint}
        </span>
      )}
      <input id={fieldId} aria-invalid={error !== undefined} aria-describedby={describedBy || undefined} {...input} />
      {error !== undefined && (
        <span className="error" id={`${fieldId}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly options: readonly { value: string; label: string }[];
}

export function SelectField({ label, hint, error, id, options, ...select }: SelectFieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint !== undefined && (
        <span className="hint" id={`${fieldId}-hint`}>
          {hint}
        </span>
      )}
      <select id={fieldId} aria-invalid={error !== undefined} aria-describedby={hint !== undefined ? `${fieldId}-hint` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error !== undefined && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
