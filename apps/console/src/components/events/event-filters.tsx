"use client";
import { EVENT_ACTIONS, EVENT_STATUSES } from "@kt/contract";
import { useId, useState, type FormEvent } from "react";
import type { TEventFilterParams } from "@/api/events";
import { useListGatewayOptions } from "@/hooks/use-list-filter-options";
import type { TTimeRange } from "@/lib/time-range";
import { RangePicker } from "../filters/range-picker";
import { TeamFilter } from "../filters/team-filter";
import { Button } from "../ui/button";
import { TEXT_FILTERS } from "./event-labels";

type TProps = {
  range: TTimeRange;
  filters: TEventFilterParams;
  onRange: (range: TTimeRange) => void;
  /** Applies changed filters (undefined clears one). */
  onChange: (changes: Partial<Record<keyof TEventFilterParams, string | undefined>>) => void;
  onClear: () => void;
};

/** Every filter of `GET /v1/events`: choices apply at once, typed values on Enter or "Apply". */
export function EventFilters({ range, filters, onRange, onChange, onClear }: TProps) {
  const id = useId();
  const gateways = useListGatewayOptions();
  const [text, setText] = useState(() => Object.fromEntries(TEXT_FILTERS.map((f) => [f.key, filters[f.key] ?? ""])));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(Object.fromEntries(TEXT_FILTERS.map((f) => [f.key, text[f.key]?.trim() || undefined])));
  };
  return (
    <form className="filter-bar" aria-label="Event filters" onSubmit={submit}>
      <RangePicker value={range} onChange={onRange} />
      <TeamFilter value={filters.team} onChange={(team) => onChange({ team })} />
      <div className="field">
        <label htmlFor={`${id}-gateway`}>Gateway</label>
        <select id={`${id}-gateway`} value={filters.gateway ?? ""} onChange={(e) => onChange({ gateway: e.target.value || undefined })}>
          <option value="">All gateways</option>
          {filters.gateway && !gateways.data?.items.some((g) => g.id === filters.gateway) ? (
            <option value={filters.gateway}>{filters.gateway}</option>
          ) : null}
          {(gateways.data?.items ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <select id={`${id}-action`} value={filters.action ?? ""} onChange={(e) => onChange({ action: e.target.value || undefined })}>
          <option value="">Any action</option>
          {EVENT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status ?? ""} onChange={(e) => onChange({ status: e.target.value || undefined })}>
          <option value="">Any status</option>
          {EVENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {TEXT_FILTERS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            value={text[f.key] ?? ""}
            placeholder={f.placeholder}
            onChange={(e) => setText((t) => ({ ...t, [f.key]: e.target.value }))}
          />
        </div>
      ))}
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <Button
        variant="ghost"
        onClick={() => {
          setText(Object.fromEntries(TEXT_FILTERS.map((f) => [f.key, ""])));
          onClear();
        }}
      >
        Clear filters
      </Button>
    </form>
  );
}
