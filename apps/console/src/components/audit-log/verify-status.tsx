"use client";
import { ShieldCheck, ShieldX } from "lucide-react";
import { useVerifyAuditLog } from "@/hooks/use-list-audit-log";
import { formatNumber } from "@/lib/format";
import { QueryState } from "../admin/query-state";
import { Button } from "../ui/button";
import { Card } from "../ui/card";

/** The hash chain recomputed by the API: intact, or where it first breaks. */
export function VerifyStatus() {
  const verify = useVerifyAuditLog();
  return (
    <Card
      title="Chain verification"
      actions={
        <Button size="sm" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
          {verify.isFetching ? "Verifying…" : "Verify again"}
        </Button>
      }
    >
      <QueryState query={verify} loadingLabel="Verifying the audit chain">
        {(v) =>
          v.ok ? (
            <p
              data-testid="audit-verify"
              data-ok="true"
              style={{ margin: 0, display: "flex", gap: 8, alignItems: "center" }}
            >
              <ShieldCheck aria-hidden="true" color="#166534" />
              <span>
                <strong>Intact.</strong> {formatNumber(v.checked)} entries checked; head hash{" "}
                <code title="Publish it elsewhere to detect a rewrite of the whole chain">
                  {v.headHash?.slice(0, 16) ?? "—"}…
                </code>
              </span>
            </p>
          ) : (
            <div className="alert" role="alert" data-testid="audit-verify" data-ok="false">
              <ShieldX aria-hidden="true" />
              <p>
                <strong>Broken at entry #{v.firstBroken?.seq}</strong> ({v.firstBroken?.reason}):{" "}
                {v.firstBroken?.message}
              </p>
            </div>
          )
        }
      </QueryState>
    </Card>
  );
}
