"use client";
import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

type TDrawerProps = { open: boolean; title: ReactNode; onClose: () => void; children: ReactNode };

/**
 * A side panel on the native modal <dialog>: the browser traps focus, closes on Escape and restores focus
 * to the element that opened it, which hand-rolled overlays tend to get wrong.
 */
export function Drawer({ open, title, onClose, children }: TDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onClose={onClose}>
      <div className="drawer-header">
        <h2 id={titleId}>{title}</h2>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close">
          <X aria-hidden="true" size={18} />
        </Button>
      </div>
      <div className="drawer-body">{open ? children : null}</div>
    </dialog>
  );
}
