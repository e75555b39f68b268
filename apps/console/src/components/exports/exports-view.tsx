"use client";
import { isExportFinished, type TExport, type TExportStatus } from "@kt/contract";
import { FileDown } from "lucide-react";
import { useState } from "react";
import { exportDownloadUrl } from "@/api/exports";
import { useCancelExport } from "@/hooks/use-cancel-export";
import { useListExports } from "@/hooks/use-list-exports";
import { formatNumber } from "@/lib/format";
import { useCan, useSession } from "../shell/session-context";
import { Badge, type TBadgeTone } from "../ui/badge";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { MutationError } from "../admin/mutation-error";
import { Skeleton } from "../ui/skeleton";
import { Table } from "../ui/table";
import { Time } from "../ui/time";
import { NewExportForm } from "./new-export-form";

const STATUS_TONE: Record<TExportStatus, TBadgeTone> = { queued: "neutral", running: "info", succeeded: "success", failed: "danger", cancelled: "neutral" };

function formatBytes(n: number): string {
  return new Intl.NumberFormat("en-US", { style: "unit", unit: n >= 1e6 ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(n >= 1e6 ? n / 1e6 : n / 1e3);
}

function Progress({ e }: { e: TExport }) {
  if (isExportFinished(e.status)) return e.rowCount === null ? "—" : `${formatNumber(e.rowCount)} rows`;
  const pct = e.progress.percent;
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: "0.5rem" }}>
      <progress max={100} value={pct ?? undefined} aria-label={`Export ${e.description || e.id} progress`} />
      {pct === null ? `${formatNumber(e.progress.rowsWritten)} rows` : `${pct}%`}
    </span>
  );
}

function Result({ e }: { e: TExport }) {
  if (e.status === "succeeded" && !e.expired) {
    return (
      <a href={exportDownloadUrl(e.id)} download className="btn btn-secondary btn-sm" data-testid="export-download">
        <FileDown aria-hidden="true" size={16} />
        Download<span className="visually-hidden"> {e.fileName}</span>
        {e.sizeBytes !== null ? ` (${formatBytes(e.sizeBytes)})` : ""}
      </a>
    );
  }
  if (e.expired) return "File removed after the retention period";
  if (e.error) return <span className="field-error">{e.error}</span>;
  return null;
}

/** Its creator or an admin may stop an export that has not finished. */
function CancelButton({ e, cancel }: { e: TExport; cancel: ReturnType<typeof useCancelExport> }) {
  const me = useSession();
  if (isExportFinished(e.status) || (me.role !== "admin" && e.createdById !== me.user.id)) return null;
  const pending = cancel.isPending && cancel.variables === e.id;
  return (
    <Button size="sm" disabled={pending} onClick={() => cancel.mutate(e.id)} data-testid="export-cancel">
      {pending ? "Cancelling…" : "Cancel"}
      <span className="visually-hidden"> export {e.description || e.id}</span>
    </Button>
  );
}

/** Export jobs with their progress (polled while any runs), a cancel while they run, and a download when done. */
export function ExportsView() {
  const [cursors, setCursors] = useState<string[]>([]);
  const exports = useListExports(cursors.at(-1));
  const canCreate = useCan("exports:create");
  const canAudit = useCan("audit:read");
  const cancel = useCancelExport();
  return (
    <>
      {canCreate ? (
        <Card title="New export">
          <NewExportForm canExportAudit={canAudit} />
        </Card>
      ) : null}
      <Card title="Export jobs">
        {exports.isPending ? <Skeleton lines={5} label="Loading exports" /> : null}
        {exports.error ? <ErrorState error={exports.error} onRetry={() => void exports.refetch()} /> : null}
        {exports.data && exports.data.items.length === 0 ? (
          <EmptyState icon={<FileDown size={32} />} title="No export yet" action={<ButtonLink href="/cost-center">Go to the Cost Center</ButtonLink>}>
            {canCreate
              ? 'Create one above, or export costs from the Cost Center. From a terminal: kt export create --type events --format csv --since 90d --description "…"'
              : "Exports created by your organisation appear here with a download when they are ready."}
          </EmptyState>
        ) : null}
        {exports.data && exports.data.items.length > 0 ? (
          <div data-testid="exports-ready">
            <Table<TExport>
              caption="Newest first; running jobs refresh every 2 seconds"
              rows={exports.data.items}
              rowKey={(e) => e.id}
              columns={[
                { key: "created", header: "Created", cell: (e) => <Time value={e.createdAt} compact /> },
                { key: "what", header: "Export", cell: (e) => <span>{e.type} · {e.format}{e.description ? <><br /><small>{e.description}</small></> : null}</span> },
                { key: "range", header: "Range", cell: (e) => <span><Time value={e.since} compact /> to <Time value={e.until} compact /></span> },
                { key: "status", header: "Status", cell: (e) => <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge> },
                { key: "progress", header: "Progress", cell: (e) => <Progress e={e} /> },
                { key: "result", header: "File", cell: (e) => <><Result e={e} /> <CancelButton e={e} cancel={cancel} /></> },
              ]}
            />
            <MutationError error={cancel.error} />
            <nav aria-label="Export pages" className="page-actions" style={{ marginTop: "0.75rem" }}>
              <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous page</Button>
              <Button disabled={!exports.data.nextCursor} onClick={() => exports.data.nextCursor && setCursors((c) => [...c, exports.data.nextCursor!])}>Next page</Button>
            </nav>
          </div>
        ) : null}
      </Card>
    </>
  );
}
