"use client";
import { useState, type FormEvent } from "react";
import type { TAuditFilters } from "@/api/audit-log";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

const SINCE = [
  { value: "", label: "Any time" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];

/** Applied on submit, so each keystroke does not query the API. */
export function AuditFilters({ onApply }: { onApply: (f: TAuditFilters) => void }) {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [resourceType, setResourceType] = useState("");
  const [since, setSince] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      actor: actor.trim() || undefined,
      action: action.trim() || undefined,
      resourceType: resourceType.trim() || undefined,
      since: since || undefined,
    });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Audit log filters">
      <Field
        label="Actor"
        value={actor}
        onChange={(e) => setActor(e.target.value)}
        placeholder="email or user id"
      />
      <Field
        label="Action"
        value={action}
        onChange={(e) => setAction(e.target.value)}
        placeholder="gateway.* or policy_config.version.create"
      />
      <Field
        label="Resource type"
        value={resourceType}
        onChange={(e) => setResourceType(e.target.value)}
        placeholder="gateway_key"
      />
      <div className="field">
        <label htmlFor="audit-since">Period</label>
        <select id="audit-since" value={since} onChange={(e) => setSince(e.target.value)}>
          {SINCE.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
    </form>
  );
}
