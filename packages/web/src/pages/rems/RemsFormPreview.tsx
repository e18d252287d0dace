import { useQuery } from '@tanstack/react-query';
import type { TreatmentSessionDto } from '@ketapath/server/contracts';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FindingCard } from '../../components/SeverityBadge';

/** The Patient Monitoring Form's content, filled from the session record, grouped by section. */
export function RemsFormPreview({ sessionId }: { sessionId: string }) {
  const view = useQuery({ queryKey: ['session', sessionId], queryFn: () => api.get<TreatmentSessionDto>(`/api/sessions/${sessionId}`) });
  if (view.isPending) {
    return <p>Loading the form…</p>;
  }
  if (view.isError) {
    return <ErrorAlert error={view.error} />;
  }
  const rems = view.data.rems;
  if (rems === null) {
    return <p>This session has no REMS Patient Monitoring Form.</p>;
  }
  const sections = [...new Set(rems.fields.map((f) => f.section))];
  const missing = rems.fields.filter((f) => f.required && f.value === null).length;
  return (
    <div className="rems-preview">
      {rems.complete ? (
        <div className="alert ok" role="status">
          <strong>Every required field is filled from the session record.</strong>
          Check the answers, then submit them at SPRAVATOrems.com or by fax.
        </div>
      ) : (
        <div className="alert warn" role="status">
          <strong>
            {missing} required {missing === 1 ? 'field is' : 'fields are'} empty
          </strong>
          Complete {missing === 1 ? 'it' : 'them'} on the form when you submit (marked “Not recorded” below).
        </div>
      )}
      {rems.findings.map((f) => (
        <FindingCard key={`${f.code}-${f.field ?? ''}`} f={f} />
      ))}
      {sections.map((section) => (
        <section key={section} aria-label={section}>
          <h3>{section}</h3>
          <dl className="kv rems-fields">
            {rems.fields
              .filter((f) => f.section === section)
              .map((f) => (
                <div key={f.id} className={f.required && f.value === null ? 'rems-missing' : undefined}>
                  <dt>
                    {f.label}
                    {f.required && <span aria-label="required"> *</span>}
                  </dt>
                  <dd>
                    {f.value ?? (f.required ? <strong>Not recorded</strong> : <span className="muted">Not recorded</span>)}
                    {f.note !== null && <div className="small muted">{f.note}</div>}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <p className="small muted">* required on the form.</p>
    </div>
  );
}
