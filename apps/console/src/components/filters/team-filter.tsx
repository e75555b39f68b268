"use client";
import { useId } from "react";
import { useListTeamOptions } from "@/hooks/use-list-filter-options";

type TTeamFilterProps = { value: string | undefined; onChange: (teamId: string | undefined) => void };

/** The teams the caller may see (a manager's own); "All teams" means every team they may see. */
export function TeamFilter({ value, onChange }: TTeamFilterProps) {
  const id = useId();
  const teams = useListTeamOptions();
  const items = teams.data?.items ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>Team</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-describedby={teams.error ? `${id}-error` : undefined}
      >
        <option value="">All teams</option>
        {/* Keep a team from the URL selectable even before (or without) the list loading. */}
        {value && !items.some((t) => t.id === value) ? <option value={value}>{value}</option> : null}
        {items.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {teams.error ? (
        <p id={`${id}-error`} className="field-error">
          Teams could not be listed: {teams.error.message}
        </p>
      ) : null}
    </div>
  );
}
