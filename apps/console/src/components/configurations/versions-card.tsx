"use client";
import type { TPolicyConfigDetail, TPolicyConfigVersionSummary } from "@kt/contract";
import { useState } from "react";
import { useRollbackPolicyConfig } from "@/hooks/use-change-policy-configs";
import { useListPolicyConfigVersions } from "@/hooks/use-list-policy-configs";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { QueryState } from "../admin/query-state";
import { useCan } from "../shell/session-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

type TProps = { config: TPolicyConfigDetail; onCompare: (from: number, to: number) => void };

export function VersionsCard({ config, onCompare }: TProps) {
  const canWrite = useCan("configs:write");
  const versions = useListPolicyConfigVersions(config.id);
  const rollback = useRollbackPolicyConfig();
  const [target, setTarget] = useState<TPolicyConfigVersionSummary | null>(null);
  const current = config.current.number;
  const close = () => {
    setTarget(null);
    rollback.reset();
  };
  const columns: TColumn<TPolicyConfigVersionSummary>[] = [
    {
      key: "n",
      header: "Version",
      cell: (v) => (
        <>
          v{v.number} {v.number === current ? <Badge tone="success">in force</Badge> : null}
        </>
      ),
    },
    { key: "message", header: "Message", cell: (v) => v.message },
    { key: "author", header: "By", cell: (v) => v.authorLabel },
    {
      key: "commit",
      header: "Commit",
      cell: (v) => (v.commitSha ? <code>{v.commitSha.slice(0, 10)}</code> : "—"),
    },
    { key: "at", header: "Saved", cell: (v) => <Time value={v.createdAt} compact /> },
    {
      key: "actions",
      header: "Actions",
      cell: (v) =>
        v.number === current ? null : (
          <div className="row-actions">
            <Button
              size="sm"
              onClick={() => onCompare(v.number, current)}
              aria-label={`Compare with v${current} from v${v.number}`}
            >
              Compare with v{current}
            </Button>
            {canWrite ? (
              <Button size="sm" onClick={() => setTarget(v)} aria-label={`Roll back to this: v${v.number}`}>
                Roll back to this
              </Button>
            ) : null}
          </div>
        ),
    },
  ];
  return (
    <Card title="Versions">
      <QueryState query={versions} loadingLabel="Loading versions">
        {({ items }) => (
          <Table caption="Versions, newest first" columns={columns} rows={items} rowKey={(v) => v.id} />
        )}
      </QueryState>
      <ConfirmDialog
        open={target !== null}
        title={`Roll back to v${target?.number ?? ""}?`}
        confirmLabel="Roll back"
        pending={rollback.isPending}
        error={rollback.error}
        onClose={close}
        onConfirm={() =>
          target &&
          rollback.mutate({ id: config.id, body: { toVersion: target.number } }, { onSuccess: close })
        }
      >
        The YAML of v{target?.number} becomes a new version (v{current + 1}) and the gateways using this
        configuration switch to it on their next sync. The history is kept.
      </ConfirmDialog>
    </Card>
  );
}
