"use client";
import { findBuiltinTemplate } from "@kt/contract";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useCreatePolicyConfig } from "@/hooks/use-change-policy-configs";
import { useListTeams } from "@/hooks/use-list-teams";
import { fieldErrors } from "@/lib/api-error";
import { FormActions } from "../admin/form-actions";
import { SelectField } from "../admin/select-field";
import { actionableTeams } from "../admin/team-options";
import { RequirePermission } from "../shell/require-permission";
import { useSession } from "../shell/session-context";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { Page } from "../ui/page";
import { ConfigEditor, hasErrors } from "./config-editor";

const STARTER = findBuiltinTemplate("team-pii-protection")?.yaml ?? "policies: []\n";

export function NewConfigView() {
  const me = useSession();
  const router = useRouter();
  const teams = actionableTeams(me, useListTeams().data?.items ?? []);
  const create = useCreatePolicyConfig();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [teamId, setTeamId] = useState("");
  const [yaml, setYaml] = useState(STARTER);
  const errors = fieldErrors(create.error);
  const team = me.role === "admin" ? teamId : teamId || teams[0]?.id || "";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, description, teamId: team || null, yaml },
      { onSuccess: (r) => router.push(`/configurations/${r.config.id}`) },
    );
  };
  return (
    <Page
      title="New configuration"
      description="Write the policies in YAML; problems are marked on their line as you type."
    >
      <RequirePermission permission="configs:write">
        <Card>
          <form className="form-stack" onSubmit={submit}>
            <div className="form-row">
              <Field
                label="Name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                error={errors.name}
              />
              <Field
                label="Description"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                error={errors.description}
              />
              <SelectField
                label="Team"
                value={team}
                onChange={(e) => setTeamId(e.target.value)}
                options={[
                  ...(me.role === "admin" ? [{ value: "", label: "Whole organisation" }] : []),
                  ...teams.map((t) => ({ value: t.id, label: t.name })),
                ]}
              />
            </div>
            <ConfigEditor value={yaml} onChange={setYaml} />
            <FormActions
              mutation={create}
              label="Create configuration"
              pendingLabel="Creating…"
              disabled={hasErrors(yaml)}
            >
              <ButtonLink href="/configurations">Cancel</ButtonLink>
            </FormActions>
          </form>
        </Card>
      </RequirePermission>
    </Page>
  );
}
