"use client";
import { useId, useState } from "react";
import { RANGE_LABEL, RANGE_PRESETS, type TTimeRange } from "@/lib/time-range";
import { Button } from "../ui/button";

type TRangePickerProps = { value: TTimeRange; onChange: (range: TTimeRange) => void };

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** 24 h, 7 d, 30 d, 90 d or custom calendar days; custom applies on "Apply" so half-typed dates do not query. */
export function RangePicker({ value, onChange }: TRangePickerProps) {
  const id = useId();
  const [custom, setCustom] = useState(value.kind === "custom");
  const [from, setFrom] = useState(value.kind === "custom" ? value.from : today());
  const [to, setTo] = useState(value.kind === "custom" ? value.to : today());
  const selected = custom ? "custom" : value.kind === "preset" ? value.preset : "custom";
  const invalid = from > to;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-range`}>Time range</label>
        <select
          id={`${id}-range`}
          value={selected}
          onChange={(e) => {
            const next = e.target.value;
            if (next === "custom") return setCustom(true);
            setCustom(false);
            onChange({ kind: "preset", preset: next as (typeof RANGE_PRESETS)[number] });
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {RANGE_LABEL[p]}
            </option>
          ))}
          <option value="custom">{RANGE_LABEL.custom}…</option>
        </select>
      </div>
      {custom ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </div>
          <Button
            variant="secondary"
            disabled={invalid || !from || !to}
            onClick={() => onChange({ kind: "custom", from, to })}
          >
            Apply range
          </Button>
        </>
      ) : null}
    </>
  );
}
