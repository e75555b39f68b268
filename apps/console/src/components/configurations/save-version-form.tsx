"use client";
import type { TPolicyConfigDetail, TPolicyConfigSaveResult } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useSavePolicyConfigVersion } from "@/hooks/use-change-policy-configs";
import { fieldErrors } from "@/lib/api-error";
import { MutationError } from "../admin/mutation-error";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { ConfigEditor, hasErrors } from "./config-editor";

function outcome(result: TPolicyConfigSaveResult | undefined): string | null {
  if (!result) return null;
  if (!result.created) return `No new version: the YAML is identical to v${result.config.current.number}.`;
  return `Saved as v${result.config.current.number}. Gateways using it pick it up on their next sync.`;
}

/** The version in force in the editor; saving makes a new version with a message saying what changed. */
export function SaveVersionForm({ config }: { config: TPolicyConfigDetail }) {
  const canWrite = useCan("configs:write");
  const save = useSavePolicyConfigVersion();
  const [yaml, setYaml] = useState(config.current.source);
  const [message, setMessage] = useState("");
  const errors = fieldErrors(save.error);
  const dirty = yaml !== config.current.source;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: config.id, body: { yaml, message } }, { onSuccess: () => setMessage("") });
  };
  return (
    <Card
      title={canWrite ? `Edit (based on v${config.current.number})` : `YAML of v${config.current.number}`}
    >
      <form className="form-stack" onSubmit={submit}>
        <ConfigEditor value={yaml} onChange={setYaml} readOnly={!canWrite} />
        {canWrite ? (
          <>
            <Field
              label="What changed"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              required
              error={errors.message}
              hint="Shown in the version history and the audit log."
            />
            <MutationError error={save.error} />
            {save.isSuccess ? <p role="status">{outcome(save.data)}</p> : null}
            <div className="row-actions">
              <Button type="submit" variant="primary" disabled={save.isPending || !dirty || hasErrors(yaml)}>
                {save.isPending ? "Saving…" : "Save new version"}
              </Button>
              <Button onClick={() => setYaml(config.current.source)} disabled={!dirty}>
                Discard changes
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </Card>
  );
}
