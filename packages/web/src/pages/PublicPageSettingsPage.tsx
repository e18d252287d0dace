import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicProfileDto } from '@ketapath/server/contracts';
import { useEffect, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { CostsEditor } from '../components/public-page/CostsEditor';
import { fromProfile, priceProblems, SECTION_KEYS, toBody, type FormState, type RouteValue, type SectionKey } from '../components/public-page/form';
import { SectionPanel } from '../components/public-page/SectionPanel';
import { ContactEditor, TeamEditor } from '../components/public-page/TeamEditor';
import { TextAreaField } from '../components/TextAreaField';
import { formatDateTime } from '../lib/format';

const INTROS: Record<SectionKey, string> = {
  team: 'Who works here, where you are and how to reach you, including in an emergency.',
  treatments: 'The treatments you offer. Who you may treat, the consent forms and the course of treatment are generated from your protocol settings.',
  safety: 'Monitoring, action limits and discharge checks are generated from your protocol. Add your emergency equipment, procedures and controlled-drug handling.',
  costs: 'Prices by treatment, what they include, and insurance.',
};

export function PublicPageSettingsPage({ timeZone }: { timeZone: string }) {
  const qc = useQueryClient();
  const profile = useQuery({ queryKey: ['public-profile'], queryFn: () => api.get<PublicProfileDto>('/api/public-profile') });
  const [form, setForm] = useState<FormState | null>(null);
  const [problems, setProblems] = useState<Partial<Record<RouteValue, string>>>({});
  useEffect(() => {
    if (profile.data !== undefined) {
      setForm(fromProfile(profile.data));
    }
  }, [profile.data]);
  const save = useMutation({
    mutationFn: (f: FormState) => api.put<PublicProfileDto>('/api/public-profile', toBody(f)),
    onSuccess: (p) => {
      qc.setQueryData(['public-profile'], p);
    },
  });
  const p = profile.data;
  if (form === null || p === undefined) {
    return <ErrorAlert error={profile.error} />;
  }
  const f = form;
  const fe = (path: string) => (save.error instanceof ApiError ? save.error.fieldError(path) : undefined);
  const routeLabel = (r: RouteValue) => p.routeOptions.find((o) => o.value === r)?.label ?? r;
  const sectionProps = (k: SectionKey) => ({
    id: k,
    title: p.sections[k].label,
    intro: INTROS[k],
    publish: f.publish[k],
    onPublish: (on: boolean) => setForm({ ...f, publish: { ...f.publish, [k]: on } }),
    verifiedOn: p.sections[k].verifiedOn,
    verify: f.verify.includes(k),
    onVerify: (on: boolean) => setForm({ ...f, verify: on ? [...f.verify, k] : f.verify.filter((x) => x !== k) }),
  });
  const setContent = (content: FormState['content']) => setForm({ ...f, content });
  function submit(e: SubmitEvent) {
    e.preventDefault();
    const found = priceProblems(f);
    setProblems(found);
    if (Object.keys(found).length === 0) {
      save.mutate(f);
    }
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Public page</h1>
          <p className="muted">What your clinic publishes for people choosing a clinic. Every change is recorded in the audit trail.</p>
        </div>
        <div className="actions" style={{ marginTop: 0 }}>
          <a className="button secondary" href={p.previewPath} target="_blank" rel="noopener">
            Preview
          </a>
          {p.published && (
            <a className="button secondary" href={p.publicPath} target="_blank" rel="noopener">
              Open public page
            </a>
          )}
        </div>
      </div>
      <form onSubmit={submit} noValidate aria-label="Public page">
        {save.isSuccess && (
          <div className="alert ok" role="status">
            Saved. {p.published ? `Your page is public at ${p.publicUrl}.` : 'Your page is not public yet.'}
          </div>
        )}
        <ErrorAlert error={save.error} inlineFields={[]} />
        {!p.protocolReadable && (
          <div className="alert warn">
            <strong>Your protocol settings cannot be read.</strong>The generated rules are left off the public page until the protocol is fixed.
          </div>
        )}
        {p.protocolReadable && p.unconfirmedSettings > 0 && (
          <div className="alert info">
            <strong>{p.unconfirmedSettings} protocol settings are still Ketapath’s suggested values.</strong>
            Where they appear on the public page they are labelled “Suggested default, not yet confirmed by the clinic” until your medical director sets them in the protocol settings.
          </div>
        )}
        <section className="panel" aria-labelledby="sec-publish">
          <h2 id="sec-publish">Publishing</h2>
          <div className="checks" style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
            <label className="check">
              <input type="checkbox" checked={f.published} onChange={(e) => setForm({ ...f, published: e.target.checked })} />
              Publish the page at {p.publicUrl}
            </label>
            <label className="check">
              <input type="checkbox" checked={f.acceptsConsultationRequests} onChange={(e) => setForm({ ...f, acceptsConsultationRequests: e.target.checked })} />
              Let visitors send a consultation request from the self-check
            </label>
            <label className="check">
              <input type="checkbox" checked={f.publishOutcomes} onChange={(e) => setForm({ ...f, publishOutcomes: e.target.checked })} />
              Publish outcome figures when they are available
            </label>
          </div>
          <p className="small muted">
            Outcome figures (response and remission rates) will be computed from your records once questionnaire results are kept in Ketapath. Groups smaller than 11 patients are never shown. Until then nothing
            about outcomes appears on the page.
          </p>
          {p.updatedAt !== null && <p className="small muted">Last saved {formatDateTime(p.updatedAt, timeZone)}.</p>}
        </section>
        <SectionPanel {...sectionProps('team')}>
          <TeamEditor content={f.content} onChange={setContent} fe={fe} />
          <ContactEditor content={f.content} onChange={setContent} fe={fe} />
        </SectionPanel>
        <SectionPanel {...sectionProps('treatments')}>
          <fieldset className="field" style={{ border: 0, padding: 0 }}>
            <legend className="label">Treatments you offer</legend>
            <div className="checks">
              {p.routeOptions.map((o) => (
                <label key={o.value} className="check">
                  <input
                    type="checkbox"
                    checked={f.content.routesOffered.includes(o.value)}
                    onChange={(e) => setContent({ ...f.content, routesOffered: e.target.checked ? p.routeOptions.map((x) => x.value).filter((v) => v === o.value || f.content.routesOffered.includes(v)) : f.content.routesOffered.filter((v) => v !== o.value) })}
                  />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        </SectionPanel>
        <SectionPanel {...sectionProps('safety')}>
          <TextAreaField label="Emergency equipment (one item per line)" value={f.equipmentText} onChange={(e) => setForm({ ...f, equipmentText: e.target.value })} error={fe('content.emergencyEquipment')} />
          <TextAreaField label="Emergency procedures" value={f.content.emergencyProcedures ?? ''} onChange={(e) => setContent({ ...f.content, emergencyProcedures: e.target.value === '' ? null : e.target.value })} error={fe('content.emergencyProcedures')} />
          <TextAreaField
            label="How you handle controlled drugs"
            hint="The page adds that Ketapath keeps your controlled-drug register as a hash-chained record."
            value={f.content.controlledDrugHandling ?? ''}
            onChange={(e) => setContent({ ...f.content, controlledDrugHandling: e.target.value === '' ? null : e.target.value })}
            error={fe('content.controlledDrugHandling')}
          />
        </SectionPanel>
        <SectionPanel {...sectionProps('costs')}>
          <CostsEditor form={f} setForm={setForm} routeLabel={routeLabel} problems={problems} fe={fe} />
        </SectionPanel>
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Save public page
          </button>
          <span className="small muted">{SECTION_KEYS.filter((k) => f.verify.includes(k)).length} section(s) will be marked as checked today.</span>
        </div>
      </form>
    </>
  );
}
