"use client";
import type { TGatewayKey, TGatewayKeyWithSecret } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useRotateGatewayKey } from "@/hooks/use-change-gateway-keys";
import { FormActions } from "../admin/form-actions";
import { SelectField } from "../admin/select-field";

const GRACE_OPTIONS = [
  { value: "0", label: "None: the old secret stops at once" },
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "604800", label: "7 days" },
  { value: "2592000", label: "30 days" },
];

export function RotateGatewayKeyForm(props: {
  gatewayKey: TGatewayKey;
  onRotated: (k: TGatewayKeyWithSecret) => void;
}) {
  const rotate = useRotateGatewayKey();
  const [grace, setGrace] = useState("86400");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rotate.mutate(
      { id: props.gatewayKey.id, body: { gracePeriodSeconds: Number(grace) } },
      { onSuccess: props.onRotated },
    );
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <p>
        A new secret replaces <code>{props.gatewayKey.prefix}…</code>. During the grace period both work, so
        applications can switch without failed calls.
      </p>
      <SelectField
        label="Grace period for the old secret"
        value={grace}
        onChange={(e) => setGrace(e.target.value)}
        options={GRACE_OPTIONS}
      />
      <FormActions mutation={rotate} label="Rotate key" pendingLabel="Rotating…" />
    </form>
  );
}
