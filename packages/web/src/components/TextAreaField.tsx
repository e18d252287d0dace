import { useId, type TextareaHTMLAttributes } from 'react';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A labelled multi-line input with its hint and error announced to screen readers. */
export function TextAreaField({ label, hint, error, id, ...textarea }: TextAreaFieldProps) {
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
      <textarea id={fieldId} aria-invalid={error !== undefined} aria-describedby={describedBy || undefined} {...textarea} />
      {error !== undefined && (
        <span className="error" id={`${fieldId}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
