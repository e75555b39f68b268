"use client";
import { useState, type FormEvent } from "react";
import { useSetPrice } from "@/hooks/use-set-price";
import { fieldErrors } from "@/lib/api-error";
import { formatNumber } from "@/lib/format";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

type TProps = { provider: string; model: string; onDone: () => void };

/** An admin sets the org's price for a model (USD per million tokens); the API recomputes its stored events' cost. */
export function SetPriceForm({ provider, model, onDone }: TProps) {
  const setPrice = useSetPrice();
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const errors = fieldErrors(setPrice.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPrice.mutate(
      { provider, model, inputPerMTok: Number(input), outputPerMTok: Number(output), cachedInputPerMTok: null },
      { onSuccess: () => setTimeout(onDone, 2500) },
    );
  };
  return (
    <form onSubmit={submit} className="filter-bar" aria-label={`Set the price of ${model}`}>
      <Field label="Input, USD per 1M tokens" type="number" min={0} step="any" required value={input} onChange={(e) => setInput(e.target.value)} error={errors.inputPerMTok} />
      <Field label="Output, USD per 1M tokens" type="number" min={0} step="any" required value={output} onChange={(e) => setOutput(e.target.value)} error={errors.outputPerMTok} />
      <Button type="submit" variant="primary" disabled={setPrice.isPending}>
        {setPrice.isPending ? "Saving…" : "Save price"}
      </Button>
      <Button variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      <div role="status" style={{ flexBasis: "100%" }}>
        {setPrice.isSuccess ? `Price saved; ${formatNumber(setPrice.data.eventsRecomputed)} events recomputed.` : null}
        {setPrice.error && Object.keys(errors).length === 0 ? <span className="field-error">{setPrice.error.message}</span> : null}
      </div>
    </form>
  );
}
