"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A native modal <dialog>: the browser traps focus and closes it on Escape. On open it focuses the
 * element marked data-autofocus (else the first field); on close focus returns to where it was.
 */
export function Modal({
  open,
  onClose,
  labelledBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first =
        dialog.querySelector<HTMLElement>("[data-autofocus]") ??
        dialog.querySelector<HTMLElement>("input, select, textarea");
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className={`modal ${className ?? ""}`}
      aria-labelledby={labelledBy}
      onClose={() => {
        onClose();
        const target = returnTo.current;
        returnTo.current = null;
        if (target?.isConnected) target.focus();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}

/** A dialog's heading (its accessible name: `titleId` is the Modal's labelledBy) and its close button. */
export function ModalHead({
  titleId,
  onClose,
  children,
}: {
  titleId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="modal-head">
      <h2 id={titleId}>{children}</h2>
      <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** A form dialog's foot: its submit button (waiting, with `pendingLabel`, while it is sent), then Cancel. */
export function ModalSaveFoot({
  label,
  pending,
  pendingLabel = "Saving…",
  onCancel,
}: {
  label: string;
  pending: boolean;
  pendingLabel?: string;
  onCancel: () => void;
}) {
  return (
    <div className="modal-foot">
      <div className="modal-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
        <button className="button secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
