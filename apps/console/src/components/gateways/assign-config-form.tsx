"use client";
import type { TGateway } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useAssignGatewayConfig } from "@/hooks/use-change-gateways";
import { useListPolicyConfigs } from "@/hooks/use-list-policy-configs";
import { FormActions } from "../admin/form-actions";
import { SelectField } from "../admin/select-field";

/** Picks the policy config a gateway runs; the gateway picks it up on its next sync. */
export function AssignConfigForm({ gateway, onDone }: { gateway: TGateway; onDone: () => void }) {
  const configs = useListPolicyConfigs().data?.items ?? [];
  const assign = useAssignGatewayConfig();
  const [configId, setConfigId] = useState(gateway.policyConfigId ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate({ gatewayId: gateway.id, policyConfigId: configId || null }, { onSuccess: onDone });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <SelectField
        label={`Policy config for ${gateway.name}`}
        value={configId}
        onChange={(e) => setConfigId(e.target.value)}
        options={[
          { value: "", label: "None (the gateway allows everything)" },
          ...configs.map((c) => ({ value: c.id, label: `${c.name} (v${c.currentVersion?.number ?? "–"})` })),
        ]}
        hint="The gateway applies it on its next sync, within seconds."
      />
      <FormActions mutation={assign} label="Assign" pendingLabel="Assigning…" />
    </form>
  );
}
