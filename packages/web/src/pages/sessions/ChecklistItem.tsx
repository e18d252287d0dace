import type { Session } from '../../lib/session-format';
import { FindingCard } from '../../components/SeverityBadge';

type Item = Session['predose']['items'][number];
type FindingT = Item['findings'][number];

export const findingKeyOf = (f: Pick<FindingT, 'code' | 'field'>): string => `${f.code}|${f.field ?? ''}`;

const STATUS = { ok: { icon: '✓', text: 'Done' }, missing: { icon: '?', text: 'Not answered' }, failed: { icon: '✕', text: 'Not met' } } as const;

/** One checklist item: its status in words, its findings with code, value, limit and source, and what it takes to go on. */
export function ChecklistItem({ item: i, explanation, onExplain, reasons, onReason }: { item: Item; explanation: string; onExplain: (t: string) => void; reasons: Record<string, string>; onReason: (key: string, t: string) => void }) {
  const st = STATUS[i.status];
  return (
    <li className={`check-item check-${i.status} needs-${i.needs}`}>
      <div className="check-line">
        <span className="check-icon" aria-hidden="true">
          {st.icon}
        </span>
        <strong>{i.label}</strong>
        <span className="small">
          — {st.text}
          {i.needs === 'stop' && ': stops treatment'}
          {i.needs === 'override' && ': needs a prescriber’s reason'}
          {i.needs === 'explanation' && ': explain'}
        </span>
      </div>
      {i.findings.map((f) => (
        <FindingCard key={findingKeyOf(f)} f={f}>
          {f.severity === 'override' && (
            <div className="field">
              <label htmlFor={`ov-${i.id}-${f.code}`}>Prescriber’s reason to go ahead</label>
              <textarea id={`ov-${i.id}-${f.code}`} value={reasons[findingKeyOf(f)] ?? ''} onChange={(e) => onReason(findingKeyOf(f), e.target.value)} rows={2} />
            </div>
          )}
        </FindingCard>
      ))}
      {i.needs === 'explanation' && (
        <div className="field">
          <label htmlFor={`ex-${i.id}`}>Explanation for “{i.label}”</label>
          <input id={`ex-${i.id}`} value={explanation} onChange={(e) => onExplain(e.target.value)} />
        </div>
      )}
    </li>
  );
}
