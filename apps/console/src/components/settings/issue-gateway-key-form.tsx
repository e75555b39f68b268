"use client";
import type { TGatewayKeyWithSecret } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { fieldErrors } from "@/lib/api-error";
import { useCreateGatewayKey } from "@/hooks/use-change-gateway-keys";
import { useListGateways } from "@/hooks/use-list-gateways";
import { useListTeams } from "@/hooks/use-list-teams";
import { actionableTeams, endOfDayIso } from "../admin/team-options";
import { FormActions } from "../admin/form-actions";
import { SelectField } from "../admin/select-field";
import { useSession } from "../shell/session-context";
import { Field } from "../ui/field";

/** Issue a key for a team on a gateway; hands the answer (with its one-time secret) to `onIssued`. */
export function IssueGatewayKeyForm({ onIssued }: { onIssued: (key: TGatewayKeyWithSecret) => void }) {
  const me = useSession();
  const teams = actionableTeams(me, useListTeams().data?.items ?? []);
  const gateways = (useListGateways().data?.items ?? []).filter((g) => !g.archived);
  const create = useCreateGatewayKey();
  const [name, setName] = useState("");
  const [teamId, setTeamId] = useState("");
  const [gatewayId, setGatewayId] = useState("");
  const [expiry, setExpiry] = useState("");
  const errors = fieldErrors(create.error);
  const team = teamId || teams[0]?.id || "";
  const usable = gateways.filter((g) => g.teamId === null || g.teamId === team);
  const gateway = usable.some((g) => g.id === gatewayId) ? gatewayId : (usable[0]?.id ?? "");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, teamId: team, gatewayId: gateway, expiresAt: endOfDayIso(expiry) },
      { onSuccess: onIssued },
    );
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        hint="Say what uses it, e.g. support-bot production."
        error={errors.name}
      />
      <SelectField
        label="Team"
        value={team}
        onChange={(e) => setTeamId(e.target.value)}
        error={errors.teamId}
        options={teams.map((t) => ({ value: t.id, label: t.name }))}
        hint="Requests sent with the key are counted against this team's budget."
      />
      <SelectField
        label="Gateway"
        value={gateway}
        onChange={(e) => setGatewayId(e.target.value)}
        error={errors.gatewayId}
        options={usable.map((g) => ({ value: g.id, label: `${g.name} (${g.environment})` }))}
        hint={
          usable.length
            ? "The gateway that accepts this key."
            : "No gateway serves this team yet: register one first."
        }
      />
      <Field
        label="Expires on (optional)"
        type="date"
        value={expiry}
        onChange={(e) => setExpiry(e.target.value)}
        hint="The key stops working at the end of this day. Leave empty for no expiry."
        error={errors.expiresAt}
      />
      <FormActions mutation={create} label="Issue key" pendingLabel="Issuing…" disabled={!team || !gateway} />
    </form>
  );
}
