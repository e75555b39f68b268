"use client";
import type { TGatewayWithCredential } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useCreateGateway } from "@/hooks/use-change-gateways";
import { useListPolicyConfigs } from "@/hooks/use-list-policy-configs";
import { useListTeams } from "@/hooks/use-list-teams";
import { fieldErrors } from "@/lib/api-error";
import { FormActions } from "../admin/form-actions";
import { SelectField } from "../admin/select-field";
import { actionableTeams } from "../admin/team-options";
import { useSession } from "../shell/session-context";
import { Field } from "../ui/field";

const ORG_WIDE = "";

export function RegisterGatewayForm({ onRegistered }: { onRegistered: (g: TGatewayWithCredential) => void }) {
  const me = useSession();
  const teams = actionableTeams(me, useListTeams().data?.items ?? []);
  const configs = useListPolicyConfigs().data?.items ?? [];
  const create = useCreateGateway();
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState("production");
  const [teamId, setTeamId] = useState(me.role === "admin" ? ORG_WIDE : "");
  const [configId, setConfigId] = useState("");
  const errors = fieldErrors(create.error);
  const team = me.role === "admin" ? teamId : teamId || teams[0]?.id || "";
  const teamOptions = [
    ...(me.role === "admin" ? [{ value: ORG_WIDE, label: "Whole organisation" }] : []),
    ...teams.map((t) => ({ value: t.id, label: t.name })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, environment, teamId: team || null, policyConfigId: configId || null },
      { onSuccess: onRegistered },
    );
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={errors.name}
        hint="e.g. support-prod-eu"
      />
      <Field
        label="Environment"
        value={environment}
        onChange={(e) => setEnvironment(e.target.value)}
        error={errors.environment}
        hint="Lower-case, e.g. production or staging."
      />
      <SelectField
        label="Serves"
        value={team}
        onChange={(e) => setTeamId(e.target.value)}
        options={teamOptions}
        error={errors.teamId}
      />
      <SelectField
        label="Policy config"
        value={configId}
        onChange={(e) => setConfigId(e.target.value)}
        options={[
          { value: "", label: "None yet (assign one later)" },
          ...configs.map((c) => ({ value: c.id, label: c.name })),
        ]}
        error={errors.policyConfigId}
      />
      <FormActions mutation={create} label="Register gateway" pendingLabel="Registering…" />
    </form>
  );
}
