import type { PatientOutcomesDto } from '@ketapath/server/contracts';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { markerPlugin, UChart } from './UChart';

type Series = PatientOutcomesDto['series'][number];

const sec = (iso: string): number => Date.parse(iso) / 1000;

/** One instrument's scores over time with baseline, response and remission lines; sessions and doses marked. */
export function ScoreChart({ s, sessions, doses, responsePercent }: { s: Series; sessions: readonly string[]; doses: readonly string[]; responsePercent: number }) {
  const { data, options } = useMemo(() => {
    const xs = s.points.map((p) => sec(p.at));
    const all = [...xs, ...sessions.map(sec), ...doses.map(sec)];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = Math.max((hi - lo) * 0.03, 86_400);
    const ends = [lo - pad, hi + pad];
    const grid = [...new Set([...ends, ...xs])].sort((a, b) => a - b);
    const at = new Map(s.points.map((p) => [sec(p.at), p.total]));
    const flat = (v: number | null) => grid.map(() => v);
    const d: uPlot.AlignedData = [grid, grid.map((x) => at.get(x) ?? null), flat(s.baseline?.total ?? null)];
    const series: uPlot.Series[] = [
      { label: 'Date' },
      { label: s.name, stroke: '#1d4ed8', width: 2, spanGaps: true, points: { show: true, size: 7, fill: '#1d4ed8' } },
      { label: 'Baseline', stroke: '#6b7280', width: 1, dash: [6, 4], points: { show: false } },
    ];
    if (s.responseLine !== null) {
      d.push(flat(s.responseLine));
      series.push({ label: `Response line (${responsePercent}% fall)`, stroke: '#d97706', width: 1.5, dash: [8, 4], points: { show: false } });
    }
    const rem = s.remissionLine;
    if (rem !== null) {
      d.push(flat(rem.comparison === 'below' ? rem.score - 0.5 : rem.score));
      series.push({ label: rem.comparison === 'below' ? `Remission (below ${rem.score})` : `Remission (${rem.score} or less)`, stroke: '#15803d', width: 1.5, dash: [2, 3], points: { show: false } });
    }
    const o: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: true, range: () => [ends[0] ?? lo, ends[1] ?? hi] }, y: { range: [0, s.scoreMax] } },
      axes: [{}, { label: `${s.name} score`, labelSize: 20 }],
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      series,
      plugins: [markerPlugin(sessions.map(sec), 'rgba(100,116,139,0.45)', 'line'), markerPlugin(doses.map(sec), '#7c3aed', 'tick')],
    };
    return { data: d, options: o };
  }, [s, sessions, doses, responsePercent]);
  const label = `${s.title}: ${s.points.length} scores${s.baseline === null ? '' : `, baseline ${s.baseline.total}`}${s.status === null ? '' : `, latest ${s.status.current}`}.`;
  return <UChart options={options} data={data} label={label} />;
}
