import { ApiError } from '../api/client';

/** Shows a failed request in plain words: the title, the detail, and any field problems not shown inline. */
export function ErrorAlert({ error, inlineFields = [] }: { error: unknown; inlineFields?: readonly string[] }) {
  if (error === null || error === undefined) {
    return null;
  }
  if (!(error instanceof ApiError)) {
    return (
      <div className="alert error" role="alert">
        <strong>Something went wrong</strong>
        {error instanceof Error ? error.message : 'Please try again.'}
      </div>
    );
  }
  const shown = new Set(inlineFields.map((f) => `body.${f}`));
  const others = error.fields.filter((f) => !shown.has(f.path));
  return (
    <div className="alert error" role="alert">
      <strong>{error.title}</strong>
      {error.detail !== undefined && error.detail !== error.title && <span>{error.detail}</span>}
      {error.fields.length > 0 && others.length === 0 && <span>See the marked fields below.</span>}
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
