"use client";
import type { TTemplate, TTemplateOverrides } from "@kt/contract";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useListTeams } from "@/hooks/use-list-teams";
import { useCreateConfigFromTemplate, useRenderTemplate } from "@/hooks/use-list-templates";
import { fieldErrors } from "@/lib/api-error";
import { FormActions } from "../admin/form-actions";
import { MutationError } from "../admin/mutation-error";
import { SelectField } from "../admin/select-field";
import { actionableTeams } from "../admin/team-options";
import { useSession } from "../shell/session-context";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { LintIssues } from "../configurations/lint-issues";

/** Numeric overrides a person is likely to change; the API ignores (and reports) those the template has no use for. */
const NUMBER_OVERRIDES = [
  { key: "monthly_limit", label: "Monthly limit (USD)", hint: "For cost_limit policies." },
  { key: "min_score", label: "Minimum quality score (0-1)", hint: "For quality-scorer policies." },
  { key: "threshold", label: "Detection threshold (0-1)", hint: "For detectors with a threshold." },
] as const;

function overridesFrom(values: Record<string, string>): TTemplateOverrides {
  const out: Record<string, number> = {};
  for (const { key } of NUMBER_OVERRIDES) if (values[key]?.trim()) out[key] = Number(values[key]);
  return out;
}

export function CreateFromTemplateForm({ template }: { template: TTemplate }) {
  const me = useSession();
  const router = useRouter();
  const teams = actionableTeams(me, useListTeams().data?.items ?? []);
  const create = useCreateConfigFromTemplate();
  const preview = useRenderTemplate();
  const [name, setName] = useState(template.name);
  const [teamId, setTeamId] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const errors = fieldErrors(create.error);
  const team = me.role === "admin" ? teamId : teamId || teams[0]?.id || "";
  const overrides = overridesFrom(values);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { id: template.id, body: { name, teamId: team || null, overrides } },
      { onSuccess: (r) => router.push(`/configurations/${r.config.id}`) },
    );
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Configuration name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={errors.name}
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
      <fieldset className="form-stack">
        <legend>Overrides (optional)</legend>
        {NUMBER_OVERRIDES.map((o) => (
          <Field
            key={o.key}
            label={o.label}
            hint={o.hint}
            type="number"
            step="any"
            value={values[o.key] ?? ""}
            onChange={(e) => setValues({ ...values, [o.key]: e.target.value })}
          />
        ))}
      </fieldset>
      <div className="row-actions">
        <Button onClick={() => preview.mutate({ id: template.id, overrides })} disabled={preview.isPending}>
          {preview.isPending ? "Rendering…" : "Preview YAML"}
        </Button>
      </div>
      <MutationError error={preview.error} />
      {preview.data ? (
        <div className="form-stack">
          {preview.data.unusedOverrides.length ? (
            <p className="field-hint">Not used by this template: {preview.data.unusedOverrides.join(", ")}</p>
          ) : null}
          <pre className="yaml-preview" aria-label="Rendered YAML" tabIndex={0}>
            {preview.data.yaml}
          </pre>
          <LintIssues issues={preview.data.issues} />
        </div>
      ) : null}
      <FormActions mutation={create} label="Create configuration" pendingLabel="Creating…" />
    </form>
  );
}
