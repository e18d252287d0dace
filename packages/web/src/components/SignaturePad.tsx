import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';

export interface SignaturePadHandle {
  /** PNG data URL of the drawing, or null when nothing was drawn. */
  toPng(): string | null;
  clear(): void;
}

/** A finger/stylus/mouse signature box. */
export function SignaturePad({ ref, label, onChange }: { ref?: Ref<SignaturePadHandle>; label: string; onChange?: (hasInk: boolean) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [ink, setInk] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (c === null) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext('2d');
    if (ctx !== null) {
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
    }
  }, []);

  useImperativeHandle(ref, () => ({
    toPng: () => (ink && canvas.current !== null ? canvas.current.toDataURL('image/png') : null),
    clear: () => {
      const c = canvas.current;
      c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
      setInk(false);
      onChange?.(false);
    },
  }));

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div className="field">
      <span className="label" id="sigpad-label">
        {label}
      </span>
      <canvas
        ref={canvas}
        className="signature-pad"
        aria-labelledby="sigpad-label"
        role="img"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.beginPath();
          ctx?.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) {
            return;
          }
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
          if (!ink) {
            setInk(true);
            onChange?.(true);
          }
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
    </div>
  );
}
