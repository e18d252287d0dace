import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog (native <dialog>): focus is trapped, Escape closes it, the title names it for screen readers. */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d !== null && !d.open) {
      d.showModal();
    }
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={id} onCancel={onClose} className={wide ? 'wide' : undefined}>
      <div className="dialog-body">
        <div className="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="secondary small" onClick={onClose} aria-label="Close">
            Close
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
