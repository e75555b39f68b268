"use client";
import { EXPORT_FORMATS, EXPORT_TYPES, type TExportFormat, type TExportType } from "@kt/contract";
import { useId, useState, type FormEvent } from "react";
import { useCreateExport } from "@/hooks/use-create-export";
import { fieldErrors } from "@/lib/api-error";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

const SINCE = ["24h", "7d", "30d", "90d"] as const;

/** The same choices as `kt export create --type … --format … --since … --description …`. */
export function NewExportForm({ canExportAudit }: { canExportAudit: boolean }) {
  const id = useId();
  const create = useCreateExport();
  const [type, setType] = useState<TExportType>("events");
  const [format, setFormat] = useState<TExportFormat>("csv");
  const [since, setSince] = useState<(typeof SINCE)[number]>("30d");
  const [description, setDescription] = useState("");
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ type, format, since, description }, { onSuccess: () => setDescription("") });
  };
  return (
    <form className="filter-bar" onSubmit={submit} aria-label="New export">
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as TExportType)}>
          {EXPORT_TYPES.filter((t) => t !== "audit" || canExportAudit).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as TExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-since`}>Since</label>
        <select id={`${id}-since`} value={since} onChange={(e) => setSince(e.target.value as (typeof SINCE)[number])}>
          {SINCE.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Description"
        value={description}
        maxLength={500}
        placeholder="Quarterly vendor performance review"
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create export"}
      </Button>
      {create.error && Object.keys(errors).length === 0 ? (
        <p className="field-error" role="alert" style={{ flexBasis: "100%" }}>
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
