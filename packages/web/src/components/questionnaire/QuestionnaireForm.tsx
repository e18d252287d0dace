import { useState, type SyntheticEvent } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';

export interface InstrumentDto {
  readonly id: string;
  readonly title: string;
  readonly recallPeriod: string | null;
  readonly instructions: string | null;
  readonly items: readonly { id: string; name: string; text: string | null; options: readonly { label: string; score: number }[]; yesNo: boolean; scored: boolean; required: boolean; showIf: unknown }[];
}

type Answers = Record<string, number | boolean>;
type ShowIf = { itemId: string; equals: number | boolean } | { all: ShowIf[] } | { any: ShowIf[] };

function shown(cond: unknown, answers: Answers): boolean {
  if (cond === null || cond === undefined) {
    return true;
  }
  const c = cond as ShowIf;
  if ('all' in c) {
    return c.all.every((x) => shown(x, answers));
  }
  if ('any' in c) {
    return c.any.some((x) => shown(x, answers));
  }
  return answers[c.itemId] === c.equals;
}

/** One question at a time would be slower on a phone; all shown questions on one page, large touch targets. */
export function QuestionnaireForm({ instrument, onSubmit, submitLabel = 'Send my answers' }: { instrument: InstrumentDto; onSubmit: (answers: Answers) => Promise<void>; submitLabel?: string }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const visible = instrument.items.filter((i) => shown(i.showIf, answers));

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    const gaps = visible.filter((i) => i.required && answers[i.id] === undefined).map((i) => i.id);
    setMissing(gaps);
    if (gaps.length > 0) {
      document.getElementById(`q-${gaps[0] ?? ''}`)?.focus();
      return;
    }
    const clean: Answers = {};
    for (const i of visible) {
      const v = answers[i.id];
      if (v !== undefined) {
        clean[i.id] = v;
      }
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(clean);
    } catch (err) {
      setError(err instanceof ApiError ? err : new Error('Your answers could not be sent.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="qform" onSubmit={(e) => void submit(e)} noValidate>
      {instrument.recallPeriod !== null && <p className="qform-recall">Thinking about the <strong>{instrument.recallPeriod}</strong>:</p>}
      {instrument.instructions !== null && <p className="muted">{instrument.instructions}</p>}
      {visible.map((item, n) => {
        const options = item.yesNo ? [{ label: 'Yes', score: 1 }, { label: 'No', score: 0 }] : item.options;
        const value = answers[item.id];
        const isMissing = missing.includes(item.id);
        return (
          <fieldset key={item.id} className={`qitem${isMissing ? ' missing' : ''}`} id={`q-${item.id}`} tabIndex={-1} aria-describedby={isMissing ? `q-${item.id}-err` : undefined}>
            <legend>
              <span className="qnum">{n + 1}.</span> {item.text ?? item.name}
            </legend>
            {isMissing && (
              <p className="qerr" id={`q-${item.id}-err`}>
                Please choose an answer.
              </p>
            )}
            <div className="qopts">
              {options.map((o) => {
                const v: number | boolean = item.yesNo ? o.score === 1 : o.score;
                return (
                  <label key={o.label} className={`qopt${value === v ? ' on' : ''}`}>
                    <input type="radio" name={item.id} checked={value === v} onChange={() => setAnswers((a) => ({ ...a, [item.id]: v }))} />
                    <span>{o.label}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      {missing.length > 0 && <p className="qerr" role="alert">{missing.length === 1 ? 'One question still needs an answer.' : `${missing.length} questions still need an answer.`}</p>}
      <ErrorAlert error={error} />
      <button type="submit" className="big" disabled={busy}>
        {busy ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
