import type { OutcomeDashboardDto } from '@ketapath/server/contracts';
import { useMemo } from 'react';
import uPlot from 'uplot';
import { UChart } from './UChart';

type Curve = OutcomeDashboardDto['timeToResponse'];

const pctValue = (_u: uPlot, v: number | null): string => (v === null ? '—' : `${v.toFixed(0)}%`);

/**
 * A Kaplan–Meier step curve with its 95 % band. `invert` plots 1 − S (the share who have had the event,
 * e.g. responded) instead of S (the share still without it, e.g. without relapse).
 */
export function SurvivalChart({ curve, invert, yLabel, label }: { curve: Curve; invert: boolean; yLabel: string; label: string }) {
  const { data, options } = useMemo(() => {
    const xs = [0, ...curve.steps.map((s) => s.time)];
    const f = (v: number): number => (invert ? 1 - v : v) * 100;
    const pick = (k: 'survival' | 'lower' | 'upper') => [f(1), ...curve.steps.map((s) => f(s[k]))];
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const d: uPlot.AlignedData = [xs, pick('survival'), pick(invert ? 'upper' : 'lower'), pick(invert ? 'lower' : 'upper')];
    const o: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ label: 'Days', labelSize: 20 }, { label: yLabel, labelSize: 20, values: (_u, v) => v.map((x) => `${x}%`) }],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: 'Day' },
        { label: invert ? 'Responded' : 'Without relapse', stroke: '#1d4ed8', width: 2, ...(stepped === undefined ? {} : { paths: stepped }), points: { show: false }, value: pctValue },
        { label: '95% interval (low)', stroke: 'rgba(29,78,216,0.35)', dash: [4, 4], ...(stepped === undefined ? {} : { paths: stepped }), points: { show: false }, value: pctValue },
        { label: '95% interval (high)', stroke: 'rgba(29,78,216,0.35)', dash: [4, 4], ...(stepped === undefined ? {} : { paths: stepped }), points: { show: false }, value: pctValue },
      ],
    };
    return { data: d, options: o };
  }, [curve, invert, yLabel]);
  return <UChart options={options} data={data} label={label} height={260} />;
}
