import type { FindingDto } from '@ketapath/server/contracts';

const LABEL: Record<FindingDto['severity'], string> = { block: 'Stops treatment', override: 'Needs prescriber reason', warn: 'Warning', info: 'Note' };
const CLASS: Record<FindingDto['severity'], string> = { block: 'danger', override: 'warn', warn: 'warn', info: 'info' };

export function SeverityBadge({ severity }: { severity: FindingDto['severity'] }) {
  return <span className={`badge ${CLASS[severity]}`}>{LABEL[severity]}</span>;
}

/** One clinical finding: what triggered it, the limit, what to do, and the source to check. */
export function FindingCard({ f, children }: { f: FindingDto; children?: React.ReactNode }) {
  return (
    <div className={`finding finding-${f.severity}`}>
      <div className="finding-head">
        <SeverityBadge severity={f.severity} /> <strong>{f.message}</strong>
      </div>
      <div className="small muted">
        {f.rule}
        {f.value !== null && <> · found: {String(f.value)}</>}
        {f.limit !== null && <> · limit: {String(f.limit)}</>}
        <> · rule {f.code}</>
      </div>
      {f.action !== null && <div className="small">What to do: {f.action}</div>}
      <details className="small">
        <summary>Source</summary>
        {f.source.citation}
        {f.source.url !== null && (
          <>
            {' '}
            <span className="mono">{f.source.url}</span>
          </>
        )}
      </details>
      {children}
    </div>
  );
}
