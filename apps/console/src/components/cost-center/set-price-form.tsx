"use client";
import { useState, type FormEvent } from "react";
import { useSetPrice } from "@/hooks/use-set-price";
import { fieldErrors } from "@/lib/api-error";
import { formatNumber } from "@/lib/format";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

type TProps = { provider: string; model: string; onDone: () => void; onSaved: (message: string) => void };

/** An admin sets the org's price for a model (USD per million tokens); the API recomputes its stored events' cost. */
export function SetPriceForm({ provider, model, onDone, onSaved }: TProps) {
  const setPrice = useSetPrice();
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const errors = fieldErrors(setPrice.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // mutateAsync: the confirmation must survive this form unmounting when the model leaves the unpriced list.
    setPrice
      .mutateAsync({ provider, model, inputPerMTok: Number(input), outputPerMTok: Number(output), cachedInputPerMTok: null })
      .then((r) => {
        onSaved(`Price of ${model} saved; ${formatNumber(r.eventsRecomputed)} events recomputed.`);
        onDone();
      })
      .catch(() => undefined);
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
      {setPrice.error && Object.keys(errors).length === 0 ? (
        <p role="alert" className="field-error" style={{ flexBasis: "100%" }}>
          {setPrice.error.message}
        </p>
      ) : null}
    </form>
  );
}
