"use client";
import { parsePolicyConfig, type TTemplate } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useUpdateTemplate } from "@/hooks/use-change-templates";
import { fieldErrors } from "@/lib/api-error";
import { FormActions } from "../admin/form-actions";
import { ConfigEditor } from "../configurations/config-editor";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

/** Edits an org template; its YAML is linted as you type and must be free of errors to save. */
export function EditTemplateForm({ template, onDone }: { template: TTemplate; onDone: () => void }) {
  const update = useUpdateTemplate();
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description);
  const [whenToUse, setWhenToUse] = useState(template.whenToUse);
  const [yaml, setYaml] = useState(template.yaml);
  const errors = fieldErrors(update.error);
  const lintErrors = parsePolicyConfig(yaml).issues.filter((i) => i.severity === "error").length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: template.id, body: { name, description, whenToUse, yaml } }, { onSuccess: onDone });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
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
        required
        error={errors.description}
      />
      <Field
        label="When to use"
        value={whenToUse}
        onChange={(e) => setWhenToUse(e.target.value)}
        error={errors.whenToUse}
      />
      <ConfigEditor value={yaml} onChange={setYaml} />
      {errors.yaml ? <p className="field-error">{errors.yaml}</p> : null}
      <FormActions mutation={update} label="Save template" pendingLabel="Saving…" disabled={lintErrors > 0}>
        <Button onClick={onDone}>Cancel</Button>
      </FormActions>
      {lintErrors > 0 ? (
        <p className="muted">
          Fix the {lintErrors === 1 ? "error" : `${lintErrors} errors`} in the YAML to save.
        </p>
      ) : null}
    </form>
  );
}
