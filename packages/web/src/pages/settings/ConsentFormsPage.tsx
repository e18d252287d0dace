import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentTemplateVersionDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../lib/format';

type Content = ConsentTemplateVersionDto['content'];
interface Templates {
  templates: { kind: string; label: string; current: ConsentTemplateVersionDto }[];
}

function Editor({ kind, current, onDone }: { kind: string; current: ConsentTemplateVersionDto; onDone: () => void }) {
  const qc = useQueryClient();
  const [content, setContent] = useState<Content>(current.content);
  const [material, setMaterial] = useState(true);
  const [summary, setSummary] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<{ consentsNeedingRenewal: number }>(`/api/consent-templates/${kind}/versions`, { content, material, changeSummary: summary }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['consent-templates'] });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Title" value={content.title} onChange={(e) => setContent({ ...content, title: e.target.value })} />
      <div className="field">
        <label htmlFor="ct-intro">Introduction</label>
        <textarea id="ct-intro" value={content.intro} onChange={(e) => setContent({ ...content, intro: e.target.value })} />
      </div>
      {content.sections.map((s, i) => (
        <fieldset key={i} className="trial">
          <legend className="label">Section {i + 1}</legend>
          <Field label="Heading" value={s.heading} onChange={(e) => setContent({ ...content, sections: content.sections.map((x, j) => (j === i ? { ...x, heading: e.target.value } : x)) })} />
          <div className="field">
            <label htmlFor={`ct-s${i}`}>Text (a blank line between paragraphs)</label>
            <textarea id={`ct-s${i}`} rows={5} value={s.paragraphs.join('\n\n')} onChange={(e) => setContent({ ...content, sections: content.sections.map((x, j) => (j === i ? { ...x, paragraphs: e.target.value.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) } : x)) })} />
          </div>
          <button type="button" className="secondary small" onClick={() => setContent({ ...content, sections: content.sections.filter((_, j) => j !== i) })}>
            Remove section
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => setContent({ ...content, sections: [...content.sections, { heading: 'New section', paragraphs: ['Text'] }] })}>
        Add a section
      </button>
      <div className="field" style={{ marginTop: '1rem' }}>
        <label htmlFor="ct-sources">Sources (one per line)</label>
        <textarea id="ct-sources" value={content.sources.join('\n')} onChange={(e) => setContent({ ...content, sources: e.target.value.split('\n').map((x) => x.trim()).filter(Boolean) })} />
      </div>
      <fieldset className="tri">
        <legend>Is this a material change?</legend>
        <span className="hint">Material: new risks, a changed procedure or costs. Every patient who signed an earlier version must sign again before the next session.</span>
        <div className="tri-options">
          <label className={`tri-option ${material ? 'on' : ''}`}>
            <input type="radio" name="material" checked={material} onChange={() => setMaterial(true)} /> Material change
          </label>
          <label className={`tri-option ${!material ? 'on' : ''}`}>
            <input type="radio" name="material" checked={!material} onChange={() => setMaterial(false)} /> Minor (wording, typo)
          </label>
        </div>
      </fieldset>
      <Field label="What changed? (shown in the version history)" value={summary} onChange={(e) => setSummary(e.target.value)} />
      <ErrorAlert error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.isPending || summary.trim().length < 3}>
          Publish new version
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ConsentFormsPage({ session }: { session: ActiveSession }) {
  const templates = useQuery({ queryKey: ['consent-templates'], queryFn: () => api.get<Templates>('/api/consent-templates') });
  const [editing, setEditing] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const versions = useQuery({ queryKey: ['consent-templates', history, 'versions'], queryFn: () => api.get<{ versions: ConsentTemplateVersionDto[] }>(`/api/consent-templates/${history ?? ''}/versions`), enabled: history !== null });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Consent forms</h1>
          <p className="muted">The forms patients read and sign. Each published version is kept for ever; signed consents keep the exact text that was signed.</p>
        </div>
      </div>
      <ErrorAlert error={templates.error} />
      {templates.data?.templates.map((t) => (
        <section key={t.kind} className="panel">
          <h2>{t.label}</h2>
          <p className="small muted">
            Version {t.current.version}, published {formatDateTime(t.current.createdAt, session.clinic.timeZone)}
            {t.current.changeSummary !== null && ` · ${t.current.changeSummary}`}
          </p>
          {editing === t.kind ? (
            <Editor kind={t.kind} current={t.current} onDone={() => setEditing(null)} />
          ) : (
            <div className="actions">
              {can(session, 'consent.template_edit') && (
                <button type="button" className="secondary" onClick={() => setEditing(t.kind)}>
                  Edit (new version)
                </button>
              )}
              <button type="button" className="link" onClick={() => setHistory(history === t.kind ? null : t.kind)}>
                {history === t.kind ? 'Hide history' : 'Version history'}
              </button>
            </div>
          )}
          {history === t.kind && (
            <ul>
              {versions.data?.versions.map((v) => (
                <li key={v.id}>
                  Version {v.version} ({v.material ? 'material' : 'minor'}) · {formatDateTime(v.createdAt, session.clinic.timeZone)} · {v.createdByName ?? 'Ketapath default'}: {v.changeSummary}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
