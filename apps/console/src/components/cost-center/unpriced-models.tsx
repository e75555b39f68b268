"use client";
import { CircleDollarSign } from "lucide-react";
import { useState } from "react";
import { useCan } from "../shell/session-context";
import { useListPrices } from "@/hooks/use-list-prices";
import { formatNumber } from "@/lib/format";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { Time } from "../ui/time";
import { SetPriceForm } from "./set-price-form";

/** Models called with no known price: their requests are left out of spend until an admin sets a price. */
export function UnpricedModels() {
  const prices = useListPrices();
  const canSet = useCan("prices:write");
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  // Once priced, a model leaves this list, so the confirmation lives outside it.
  const status = (
    <p role="status" data-testid="price-saved" className={saved ? "stat-tile-note" : "visually-hidden"}>
      {saved}
    </p>
  );
  if (prices.isPending) return <Skeleton lines={2} label="Loading prices" />;
  if (prices.error) return <Card title="Price unknown"><ErrorState error={prices.error} onRetry={() => void prices.refetch()} /></Card>;
  const unpriced = prices.data.unpriced;
  if (unpriced.length === 0) return saved ? <Card title="Price unknown">{status}</Card> : null;
  return (
    <Card title={`Price unknown: ${unpriced.length} model${unpriced.length === 1 ? "" : "s"}`}>
      <div className="alert" role="note" style={{ background: "var(--warning-soft)", borderColor: "#f59e0b", color: "var(--warning)", marginBottom: "1rem" }}>
        <CircleDollarSign aria-hidden="true" size={18} />
        <p>
          {`These models were called but have no price in the ${prices.data.table.source} table (as of ${prices.data.table.asOf}), so their requests are not counted in spend or budgets. `}
          {canSet ? "Set the price your organisation pays and their cost is recomputed." : "Ask an admin to set their price."}
        </p>
      </div>
      {status}
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "0.75rem" }} data-testid="unpriced-models">
        {unpriced.map((u) => {
          const key = `${u.provider ?? ""}/${u.model}`;
          return (
            <li key={key} style={{ borderBottom: "1px solid var(--border)", paddingBottom: "0.75rem" }}>
              <div style={{ display: "flex", gap: "1rem", alignItems: "center", flexWrap: "wrap" }}>
                <strong className="mono">{u.provider ? `${u.provider} / ` : ""}{u.model}</strong>
                <span>{formatNumber(u.requests)} requests, last <Time value={u.lastSeen} compact /></span>
                {canSet && u.provider && editing !== key ? (
                  <Button size="sm" onClick={() => setEditing(key)}>
                    Set price<span className="visually-hidden"> of {u.model}</span>
                  </Button>
                ) : null}
              </div>
              {editing === key && u.provider ? <SetPriceForm provider={u.provider} model={u.model} onDone={() => setEditing(null)} onSaved={setSaved} /> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
