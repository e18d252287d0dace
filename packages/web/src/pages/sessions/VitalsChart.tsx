import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { threshold, timeOf, type Session } from '../../lib/session-format';

const COLOURS = { systolic: '#b42318', diastolic: '#d97706', heartRate: '#1d4f91', spo2: '#16693a' };

interface Band {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** Lines at the protocol's limits, and markers at each dose event, drawn under the series. */
function decorations(bands: readonly Band[], events: readonly { at: number; label: string }[]): uPlot.Plugin {
  return {
    hooks: {
      drawClear: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          for (const b of bands) {
            const y1 = u.valToPos(b.to, 'y', true);
            const y0 = u.valToPos(b.from, 'y', true);
            ctx.fillStyle = 'rgba(180, 35, 24, 0.08)';
            ctx.fillRect(u.bbox.left, Math.min(y0, y1), u.bbox.width, Math.abs(y1 - y0));
            ctx.strokeStyle = 'rgba(180, 35, 24, 0.6)';
            ctx.setLineDash([6, 4]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y0);
            ctx.lineTo(u.bbox.left + u.bbox.width, y0);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = '#7a1a12';
            ctx.font = `${12 * devicePixelRatio}px system-ui`;
            ctx.fillText(b.label, u.bbox.left + 6 * devicePixelRatio, y0 - 4 * devicePixelRatio);
          }
          for (const e of events) {
            const x = u.valToPos(e.at, 'x', true);
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) {
              continue;
            }
            ctx.strokeStyle = '#0f5c63';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.fillStyle = '#0a444a';
            ctx.font = `bold ${12 * devicePixelRatio}px system-ui`;
            ctx.fillText(e.label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** The session's readings over time: blood pressure, heart rate and SpO₂, the protocol's limits as bands, dose events as lines. */
export function VitalsChart({ s, tz }: { s: Session; tz: string }) {
  const box = useRef<HTMLDivElement>(null);
  const readings = useMemo(() => s.readings.filter((r) => r.voided === null), [s]);
  useEffect(() => {
    const el = box.current;
    if (el === null || readings.length === 0) {
      return;
    }
    const xs = readings.map((r) => Date.parse(r.takenAt) / 1000);
    const col = (k: 'systolic' | 'diastolic' | 'heartRate' | 'spo2') => readings.map((r) => r[k]);
    const pause = threshold(s, 'vitals.pauseSystolicAbove');
    const urgency = threshold(s, 'vitals.urgencySystolicAbove');
    const bands: Band[] = [];
    if (pause !== null) {
      const same = urgency === null || urgency <= pause;
      bands.push({ from: pause, to: same ? 240 : urgency, label: same ? `Systolic above ${pause} mmHg: pause and tell the prescriber` : `Systolic above ${pause} mmHg: pause` });
    }
    if (urgency !== null && (pause === null || urgency > pause)) {
      bands.push({ from: urgency, to: 240, label: `Systolic above ${urgency} mmHg: urgent` });
    }
    const events = s.administrations.flatMap((a) => [
      { at: Date.parse(a.startedAt) / 1000, label: a.deviceNumber === null ? 'Dose start' : `Device ${a.deviceNumber}` },
      ...(a.stoppedAt !== null && a.stoppedAt !== a.startedAt && a.deviceNumber === null ? [{ at: Date.parse(a.stoppedAt) / 1000, label: 'Dose end' }] : []),
    ]);
    const first = Math.min(...xs, ...events.map((e) => e.at));
    const last = Math.max(...xs, ...events.map((e) => e.at));
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 280,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
        scales: { x: { time: true, range: [first - 300, last + 300] }, y: { range: [30, 240] } },
        axes: [{ label: 'Clinic time', values: (_u, splits) => splits.map((v) => timeOf(new Date(v * 1000).toISOString(), tz)) }, { label: 'mmHg · beats/min · %', size: 60 }],
        series: [
          { label: 'Time' },
          { label: 'Systolic (mmHg)', stroke: COLOURS.systolic, width: 2, points: { size: 8 } },
          { label: 'Diastolic (mmHg)', stroke: COLOURS.diastolic, width: 2, dash: [8, 4], points: { size: 8 } },
          { label: 'Heart rate (beats/min)', stroke: COLOURS.heartRate, width: 2, points: { size: 7, fill: COLOURS.heartRate } },
          { label: 'SpO₂ (%)', stroke: COLOURS.spo2, width: 2, dash: [2, 3], points: { size: 7 } },
        ],
        legend: { live: false },
        plugins: [decorations(bands, events)],
      },
      [xs, col('systolic'), col('diastolic'), col('heartRate'), col('spo2')],
      el,
    );
    const resize = () => plot.setSize({ width: Math.max(320, el.clientWidth), height: 280 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [s, readings, tz]);
  if (readings.length === 0) {
    return <p className="muted">The chart appears with the first reading.</p>;
  }
  return (
    <figure className="vitals-chart">
      <div ref={box} role="img" aria-label={`Chart of ${readings.length} readings; the table below lists the same values.`} />
      <figcaption className="small muted">Shaded: above the protocol's blood-pressure limits. Vertical lines: dose events. The table below has the exact values.</figcaption>
    </figure>
  );
}
