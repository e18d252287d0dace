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
    const d: uPlot.AlignedData = [
      grid,
      grid.map((x) => at.get(x) ?? null),
      flat(s.baseline?.total ?? null),
      flat(s.responseLine),
      flat(s.remissionLine === null ? null : s.remissionLine.comparison === 'below' ? s.remissionLine.score - 0.5 : s.remissionLine.score),
    ];
    const o: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: true, range: () => [ends[0] ?? lo, ends[1] ?? hi] }, y: { range: [0, s.scoreMax] } },
      axes: [{}, { label: `${s.name} score`, labelSize: 20 }],
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: 'Date' },
        { label: s.name, stroke: '#1d4ed8', width: 2, spanGaps: true, points: { show: true, size: 7, fill: '#1d4ed8' } },
        { label: 'Baseline', stroke: '#6b7280', width: 1, dash: [6, 4], points: { show: false } },
        { label: `Response line (${responsePercent}% fall)`, stroke: '#d97706', width: 1.5, dash: [8, 4], points: { show: false } },
        { label: s.remissionLine?.comparison === 'below' ? `Remission (below ${s.remissionLine.score})` : `Remission (${s.remissionLine?.score ?? ''} or less)`, stroke: '#15803d', width: 1.5, dash: [2, 3], points: { show: false } },
      ],
      plugins: [markerPlugin(sessions.map(sec), 'rgba(100,116,139,0.45)', 'line'), markerPlugin(doses.map(sec), '#7c3aed', 'tick')],
    };
    if (s.responseLine === null) {
      o.series = o.series.filter((x) => x.label !== undefined && !String(x.label).startsWith('Response'));
      d.splice(3, 1);
    }
    if (s.remissionLine === null) {
      o.series = o.series.filter((x) => !String(x.label).startsWith('Remission'));
      d.splice(d.length - 1, 1);
    }
    return { data: d, options: o };
  }, [s, sessions, doses, responsePercent]);
  const label = `${s.title}: ${s.points.length} scores${s.baseline === null ? '' : `, baseline ${s.baseline.total}`}${s.status === null ? '' : `, latest ${s.status.current}`}.`;
  return <UChart options={options} data={data} label={label} />;
}
