"use client";
import type { TAuditEntry } from "@kt/contract";
import { ListChecks } from "lucide-react";
import { useState } from "react";
import type { TAuditFilters } from "@/api/audit-log";
import { useListAuditLog } from "@/hooks/use-list-audit-log";
import { ErrorState } from "../ui/error-state";
import { RequirePermission } from "../shell/require-permission";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { Skeleton } from "../ui/skeleton";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";
import { AuditFilters } from "./audit-filters";
import { JsonDiff } from "./json-diff";
import { VerifyStatus } from "./verify-status";

function EntryDetail({ entry }: { entry: TAuditEntry }) {
  return (
    <div className="form-stack">
      <dl className="kv">
        <dt>When</dt>
        <dd>
          <Time value={entry.createdAt} />
        </dd>
        <dt>Actor</dt>
        <dd>{entry.actorLabel}</dd>
        <dt>Action</dt>
        <dd>
          <code>{entry.action}</code>
        </dd>
        <dt>Resource</dt>
        <dd>
          {entry.resourceType} {entry.resourceId ? <code>{entry.resourceId}</code> : null}
        </dd>
        <dt>From IP</dt>
        <dd>{entry.ip ?? "—"}</dd>
        <dt>Chain</dt>
        <dd>
          #{entry.seq}, hash <code>{entry.hash.slice(0, 16)}…</code>
        </dd>
      </dl>
      <h3>Before → after</h3>
      <JsonDiff before={entry.before} after={entry.after} caption={`Changes made by ${entry.action}`} />
    </div>
  );
}

export function AuditLogView() {
  const [filters, setFilters] = useState<TAuditFilters>({});
  const log = useListAuditLog(filters);
  const [open, setOpen] = useState<TAuditEntry | null>(null);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TColumn<TAuditEntry>[] = [
    { key: "seq", header: "#", numeric: true, cell: (e) => e.seq },
    { key: "at", header: "When", cell: (e) => <Time value={e.createdAt} compact /> },
    { key: "actor", header: "Actor", cell: (e) => e.actorLabel },
    { key: "action", header: "Action", cell: (e) => <code>{e.action}</code> },
    { key: "resource", header: "Resource", cell: (e) => e.resourceType },
    {
      key: "diff",
      header: "Change",
      cell: (e) => (
        <Button size="sm" onClick={() => setOpen(e)} aria-label={`Before/after of entry ${e.seq}`}>
          Before/after
        </Button>
      ),
    },
  ];
  return (
    <Page
      title="Audit Log"
      description="Every change made in your organisation, who made it, and proof that the record was not altered."
    >
      <RequirePermission permission="audit:read">
        <VerifyStatus />
        <Card>
          <div className="form-stack">
            <AuditFilters onApply={setFilters} />
            {log.isPending ? <Skeleton label="Loading the audit log" /> : null}
            {log.isError ? <ErrorState error={log.error} onRetry={() => void log.refetch()} /> : null}
            {log.isSuccess && rows.length === 0 ? (
              <EmptyState icon={<ListChecks size={32} />} title="No entries match">
                Changes to gateways, keys, configurations, members and settings are recorded here. Widen the
                filters to see more.
              </EmptyState>
            ) : null}
            {rows.length > 0 ? (
              <Table
                caption="Audit entries, newest first"
                columns={columns}
                rows={rows}
                rowKey={(e) => e.id}
              />
            ) : null}
            {log.hasNextPage ? (
              <div>
                <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                  {log.isFetchingNextPage ? "Loading…" : "Load older entries"}
                </Button>
              </div>
            ) : null}
          </div>
        </Card>
      </RequirePermission>
      <Drawer
        open={open !== null}
        title={open ? `#${open.seq} ${open.action}` : "Entry"}
        onClose={() => setOpen(null)}
      >
        {open ? <EntryDetail entry={open} /> : null}
      </Drawer>
    </Page>
  );
}
