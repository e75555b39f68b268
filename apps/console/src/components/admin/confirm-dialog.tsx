"use client";
import type { ReactNode } from "react";
import { Button } from "../ui/button";
import { Drawer } from "../ui/drawer";
import { MutationError } from "./mutation-error";

type TConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in plain words (e.g. "The next call with this key fails."). */
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before an action that cannot be undone, and shows the API's answer if it fails. */
export function ConfirmDialog(props: TConfirmDialogProps) {
  return (
    <Drawer open={props.open} title={props.title} onClose={props.onClose}>
      <div className="form-stack">
        <div>{props.children}</div>
        <MutationError error={props.error} />
        <div className="row-actions">
          <Button variant="danger" onClick={props.onConfirm} disabled={props.pending}>
            {props.pending ? "Working…" : props.confirmLabel}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </div>
    </Drawer>
  );
}
