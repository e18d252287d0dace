import { Field, SelectField } from '../Field';
import { TextAreaField } from '../TextAreaField';
import { CURRENCIES, emptyToNull, type FormState, type RouteValue } from './form';

interface Props {
  readonly form: FormState;
  readonly setForm: (f: FormState) => void;
  readonly routeLabel: (r: RouteValue) => string;
  readonly problems: Partial<Record<RouteValue, string>>;
  readonly fe: (path: string) => string | undefined;
}

export function CostsEditor({ form, setForm, routeLabel, problems, fe }: Props) {
  const c = form.content;
  const text = (r: RouteValue) => form.priceText[r] ?? { perSession: '', perCourse: '' };
  const setText = (r: RouteValue, patch: Partial<{ perSession: string; perCourse: string }>) => setForm({ ...form, priceText: { ...form.priceText, [r]: { ...text(r), ...patch } } });
  const setIncluded = (r: RouteValue, included: string) => {
    const others = c.prices.filter((p) => p.route !== r);
    const current = c.prices.find((p) => p.route === r) ?? { route: r, perSessionMinor: null, perCourseMinor: null, included: null };
    setForm({ ...form, content: { ...c, prices: [...others, { ...current, included: emptyToNull(included) }] } });
  };
  return (
    <>
      <SelectField label="Currency" value={c.currency} onChange={(e) => setForm({ ...form, content: { ...c, currency: e.target.value as FormState['content']['currency'] } })} options={CURRENCIES.map((x) => ({ value: x, label: x }))} />
      {c.routesOffered.length === 0 ? <p className="muted">Choose the treatments you offer first; prices are set per treatment.</p> : <p className="small muted">Leave a price empty to show “Ask the clinic”.</p>}
      {c.routesOffered.map((r) => (
        <fieldset key={r} className="panel" style={{ boxShadow: 'none' }}>
          <legend className="label">{routeLabel(r)}</legend>
          <div className="form-row">
            <Field label={`Price per session (${c.currency})`} inputMode="decimal" value={text(r).perSession} onChange={(e) => setText(r, { perSession: e.target.value })} error={problems[r]} />
            <Field label={`Price per course (${c.currency}, optional)`} inputMode="decimal" value={text(r).perCourse} onChange={(e) => setText(r, { perCourse: e.target.value })} />
          </div>
          <Field label="What the price includes" value={c.prices.find((p) => p.route === r)?.included ?? ''} onChange={(e) => setIncluded(r, e.target.value)} />
        </fieldset>
      ))}
      <p className="small muted">The page works out a typical first course as price per session × the sessions in your protocol’s first course, and shows the sum.</p>
      <TextAreaField label="Insurance plans you accept (one per line)" value={form.insuranceText} onChange={(e) => setForm({ ...form, insuranceText: e.target.value })} error={fe('content.insuranceAccepted')} />
      <TextAreaField label="Notes on insurance and payment" value={c.insuranceNotes ?? ''} onChange={(e) => setForm({ ...form, content: { ...c, insuranceNotes: emptyToNull(e.target.value) } })} />
      <TextAreaField label="Esketamine coverage notes" hint="Shown only if you offer esketamine nasal spray." value={c.esketamineCoverageNotes ?? ''} onChange={(e) => setForm({ ...form, content: { ...c, esketamineCoverageNotes: emptyToNull(e.target.value) } })} />
    </>
  );
}
