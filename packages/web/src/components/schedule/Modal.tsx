import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly labelledBy: string;
  readonly className?: string;
  /** Close when the dim area around the dialog is clicked (only where no typing can be lost). */
  readonly closeOnBackdrop?: boolean;
  readonly children: ReactNode;
}

/**
 * A native modal dialog: focus stays inside while it is open, Escape closes it, and focus returns
 * to where it was when it closes.
 */
export function Modal({ open, onClose, labelledBy, className, closeOnBackdrop = false, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d === null || !open) {
      return undefined;
    }
    const before = document.activeElement;
    if (!d.open) {
      d.showModal();
    }
    return () => {
      if (d.open) {
        d.close();
      }
      if (before instanceof HTMLElement && before.isConnected) {
        before.focus();
      }
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (closeOnBackdrop && e.target === e.currentTarget) {
          onClose();
        }
      }}
    >
      {open && children}
    </dialog>
  );
}
