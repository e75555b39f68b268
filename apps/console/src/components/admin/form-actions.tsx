import type { ReactNode } from "react";
import { Button } from "../ui/button";
import { MutationError } from "./mutation-error";

type TFormActionsProps = {
  /** The form's mutation: its error is shown above the buttons and its pending state disables the submit button. */
  mutation: { isPending: boolean; error: unknown };
  label: string;
  pendingLabel: string;
  /** Further reasons the form cannot be submitted yet (e.g. lint errors in its YAML). */
  disabled?: boolean;
  /** Secondary actions beside the submit button (Cancel, Discard…). */
  children?: ReactNode;
};

/** The end of every form: the API's error, then the submit button and any secondary actions. */
export function FormActions({
  mutation,
  label,
  pendingLabel,
  disabled = false,
  children,
}: TFormActionsProps) {
  return (
    <>
      <MutationError error={mutation.error} />
      <div className="row-actions">
        <Button type="submit" variant="primary" disabled={mutation.isPending || disabled}>
          {mutation.isPending ? pendingLabel : label}
        </Button>
        {children}
      </div>
    </>
  );
}
