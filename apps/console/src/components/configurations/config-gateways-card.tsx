"use client";
import { useState } from "react";
import { useAssignGatewayConfig } from "@/hooks/use-change-gateways";
import { useListGateways } from "@/hooks/use-list-gateways";
import { MutationError } from "../admin/mutation-error";
import { SelectField } from "../admin/select-field";
import { StatusBadge } from "../admin/status-badge";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";

/** Which gateways run this configuration, and assigning it to another one. */
export function ConfigGatewaysCard({
  configId,
  currentVersion,
}: {
  configId: string;
  currentVersion: number;
}) {
  const canWrite = useCan("gateways:write");
  const gateways = (useListGateways().data?.items ?? []).filter((g) => !g.archived);
  const assign = useAssignGatewayConfig();
  const using = gateways.filter((g) => g.policyConfigId === configId);
  const others = gateways.filter((g) => g.policyConfigId !== configId);
  const [pick, setPick] = useState("");
  const chosen = others.some((g) => g.id === pick) ? pick : (others[0]?.id ?? "");
  return (
    <Card title="Gateways">
      <div className="form-stack">
        {using.length === 0 ? (
          <p className="muted">No gateway runs this configuration yet.</p>
        ) : (
          <ul>
            {using.map((g) => (
              <li key={g.id}>
                <strong>{g.name}</strong> <StatusBadge status={g.status} />{" "}
                {g.configVersionInForce === currentVersion
                  ? `runs v${currentVersion}`
                  : `runs v${g.configVersionInForce ?? "–"}, v${currentVersion} pending sync`}
              </li>
            ))}
          </ul>
        )}
        {canWrite && others.length > 0 ? (
          <div className="form-row">
            <SelectField
              label="Assign to gateway"
              value={chosen}
              onChange={(e) => setPick(e.target.value)}
              options={others.map((g) => ({
                value: g.id,
                label: `${g.name}${g.policyConfigName ? ` (now ${g.policyConfigName})` : ""}`,
              }))}
            />
            <Button
              onClick={() => assign.mutate({ gatewayId: chosen, policyConfigId: configId })}
              disabled={assign.isPending || !chosen}
            >
              {assign.isPending ? "Assigning…" : "Assign"}
            </Button>
          </div>
        ) : null}
        <MutationError error={assign.error} />
      </div>
    </Card>
  );
}
