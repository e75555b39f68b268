"use client";
import { useState } from "react";
import { useDiffPolicyConfig, useListPolicyConfigVersions } from "@/hooks/use-list-policy-configs";
import { QueryState } from "../admin/query-state";
import { SelectField } from "../admin/select-field";
import { UnifiedDiff } from "../admin/unified-diff";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";

type TProps = { configId: string; from: number; to: number; onChange: (from: number, to: number) => void };

/** Any two versions side by side as a unified diff of the YAML, or of what the gateway runs (normalised). */
export function DiffCard({ configId, from, to, onChange }: TProps) {
  const versions = useListPolicyConfigVersions(configId).data?.items ?? [];
  const diff = useDiffPolicyConfig(configId, from, to);
  const [view, setView] = useState<"source" | "normalized">("source");
  const options = versions.map((v) => ({ value: String(v.number), label: `v${v.number}: ${v.message}` }));
  return (
    <Card title="Compare versions">
      <div className="form-stack">
        <div className="filters">
          <SelectField
            label="From"
            value={String(from)}
            onChange={(e) => onChange(Number(e.target.value), to)}
            options={options}
          />
          <SelectField
            label="To"
            value={String(to)}
            onChange={(e) => onChange(from, Number(e.target.value))}
            options={options}
          />
          <SelectField
            label="Show"
            value={view}
            onChange={(e) => setView(e.target.value as "source" | "normalized")}
            options={[
              { value: "source", label: "YAML as written" },
              { value: "normalized", label: "What the gateway runs" },
            ]}
          />
        </div>
        {from === to ? (
          <p className="muted">Pick two different versions to compare.</p>
        ) : (
          <QueryState query={diff} loadingLabel="Loading the diff">
            {(d) => (
              <>
                {d.sameContent ? (
                  <p>
                    <Badge tone="info">same meaning</Badge> Both versions mean the same to the gateway.
                  </p>
                ) : null}
                <UnifiedDiff
                  diff={view === "source" ? d.sourceDiff : d.normalizedDiff}
                  caption={`Changes from v${d.from.number} to v${d.to.number}`}
                />
              </>
            )}
          </QueryState>
        )}
      </div>
    </Card>
  );
}
