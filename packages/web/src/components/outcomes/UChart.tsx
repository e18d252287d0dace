import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UChartProps {
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height?: number;
  /** Describes the chart for screen readers (the same figures are in a table beside it). */
  readonly label: string;
}

/** A uPlot chart that fills its container's width and redraws when resized or printed. */
export function UChart({ options, data, height = 280, label }: UChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) {
      return;
    }
    const width = (): number => Math.max(320, Math.floor(el.clientWidth));
    const plot = new uPlot({ ...options, width: width(), height }, data, el);
    const resize = (): void => {
      plot.setSize({ width: width(), height });
    };
    const ro = new ResizeObserver(resize);
    ro.observe(el);
    window.addEventListener('beforeprint', resize);
    return () => {
      ro.disconnect();
      window.removeEventListener('beforeprint', resize);
      plot.destroy();
    };
  }, [options, data, height]);
  return <div ref={box} className="uchart" role="img" aria-label={label} />;
}

/** Marks each time (seconds): `line` = a faint full-height line (sessions), `tick` = a short bar at the foot (doses). */
export function markerPlugin(times: readonly number[], colour: string, mode: 'line' | 'tick'): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx, bbox } = u;
          ctx.save();
          ctx.strokeStyle = colour;
          ctx.lineWidth = (mode === 'tick' ? 3 : 1) * uPlot.pxRatio;
          if (mode === 'line') {
            ctx.setLineDash([3 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
          }
          const bottom = bbox.top + bbox.height;
          const top = mode === 'tick' ? bottom - 12 * uPlot.pxRatio : bbox.top;
          for (const t of times) {
            const x = u.valToPos(t, 'x', true);
            if (x >= bbox.left && x <= bbox.left + bbox.width) {
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, bottom);
              ctx.stroke();
            }
          }
          ctx.restore();
        },
      ],
    },
  };
}
