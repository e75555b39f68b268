"use client";
import { Download } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { exportDownloadUrl } from "@/api/exports";
import { useCreateExport } from "@/hooks/use-create-export";
import { useGetExport } from "@/hooks/use-get-export";
import { Button } from "../ui/button";

type TProps = { query: { since: string; until?: string; team?: string }; description: string };

/** Creates a cost export (CSV) of the range and team shown, follows its progress and downloads it when done. */
export function CostExportButton({ query, description }: TProps) {
  const create = useCreateExport();
  const [exportId, setExportId] = useState<string | null>(null);
  const job = useGetExport(exportId);
  const downloaded = useRef<string | null>(null);
  const status = job.data?.status;
  useEffect(() => {
    if (status !== "succeeded" || !exportId || downloaded.current === exportId) return;
    downloaded.current = exportId;
    const a = document.createElement("a");
    a.href = exportDownloadUrl(exportId);
    a.download = "";
    document.body.append(a);
    a.click();
    a.remove();
  }, [status, exportId]);
  const running = create.isPending || (exportId !== null && status !== undefined && status !== "succeeded" && status !== "failed" && status !== "cancelled");
  const start = () =>
    create.mutate(
      { type: "cost", format: "csv", since: query.since, until: query.until, description, filters: query.team ? { team: query.team } : {} },
      { onSuccess: (e) => setExportId(e.id) },
    );
  return (
    <div style={{ display: "flex", alignItems: "center", gap: "0.6rem", flexWrap: "wrap" }}>
      <Button variant="primary" onClick={start} disabled={running}>
        <Download aria-hidden="true" size={16} />
        {running ? "Exporting…" : "Export costs (CSV)"}
      </Button>
      <span role="status" data-testid="cost-export-status">
        {create.error ? <span className="field-error">{create.error.message}</span> : null}
        {job.data && running ? `${job.data.status}${job.data.progress.percent !== null ? `, ${job.data.progress.percent}%` : ""}` : null}
        {status === "succeeded" && exportId ? <a href={exportDownloadUrl(exportId)} download>Download again ({job.data?.fileName})</a> : null}
        {status === "failed" ? <span className="field-error">Export failed: {job.data?.error}</span> : null}
      </span>
    </div>
  );
}
