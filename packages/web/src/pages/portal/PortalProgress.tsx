import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Series {
  readonly instrumentId: string;
  readonly title: string;
  readonly maxScore: number | null;
  readonly points: readonly { at: string; total: number; band: string | null }[];
}

function Chart({ s }: { s: Series }) {
  const w = 320;
  const h = 140;
  const max = s.maxScore ?? Math.max(1, ...s.points.map((p) => p.total));
  const n = s.points.length;
  const x = (i: number) => (n === 1 ? w / 2 : 20 + (i * (w - 40)) / (n - 1));
  const y = (v: number) => h - 20 - (v / max) * (h - 40);
  const path = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${s.title} scores over time`} className="pchart">
      <line x1="20" x2={w - 20} y1={h - 20} y2={h - 20} stroke="currentColor" opacity="0.3" />
      <path d={path} fill="none" stroke="var(--brand)" strokeWidth="3" />
      {s.points.map((p, i) => (
        <circle key={p.at} cx={x(i)} cy={y(p.total)} r="5" fill="var(--brand)" />
      ))}
    </svg>
  );
}

export function PortalProgress() {
  const q = useQuery({ queryKey: ['portal-progress'], queryFn: () => api.get<{ series: Series[] }>('/api/portal/progress') });
  if (q.isError) {
    return <ErrorAlert error={q.error} />;
  }
  if (q.data === undefined) {
    return <p>Loading your progress…</p>;
  }
  return (
    <>
      <h1>My progress</h1>
      <p className="muted">Lower scores mean fewer symptoms. Talk about your scores with your care team: one number never tells the whole story.</p>
      {q.data.series.length === 0 && <p className="pcard">Your scores will appear here after your first questionnaire.</p>}
      {q.data.series.map((s) => (
        <section key={s.instrumentId} className="pcard" aria-labelledby={`p-${s.instrumentId}`}>
          <h2 id={`p-${s.instrumentId}`}>{s.title}</h2>
          <Chart s={s} />
          <table className="ptable">
            <caption className="sr-only">{s.title} scores</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Score</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr key={p.at}>
                  <td>{new Date(p.at).toLocaleDateString('en-US', { dateStyle: 'medium' })}</td>
                  <td>
                    {p.total}
                    {s.maxScore !== null && <span className="muted"> of {s.maxScore}</span>}
                  </td>
                  <td>{p.band ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
