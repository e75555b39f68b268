"use client";
import type { TGateway } from "@kt/contract";
import { formatDuration, formatNumber } from "@/lib/format";
import { StatusBadge } from "../admin/status-badge";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

type TProps = {
  gateways: readonly TGateway[];
  canWrite: boolean;
  onAssign: (g: TGateway) => void;
  onRotate: (g: TGateway) => void;
};

function ConfigInForce({ g }: { g: TGateway }) {
  if (!g.policyConfigName) return <span className="muted">none assigned</span>;
  const pending = g.assignedConfigVersion !== null && g.assignedConfigVersion !== g.configVersionInForce;
  return (
    <span>
      {g.policyConfigName} {g.configVersionInForce !== null ? `v${g.configVersionInForce}` : ""}
      {pending ? (
        <>
          {" "}
          <Badge tone="warning">sync pending: v{g.assignedConfigVersion}</Badge>
        </>
      ) : null}
    </span>
  );
}

export function GatewaysTable({ gateways, canWrite, onAssign, onRotate }: TProps) {
  const columns: TColumn<TGateway>[] = [
    {
      key: "name",
      header: "Gateway",
      cell: (g) => (
        <>
          <strong>{g.name}</strong>
          <br />
          <span className="muted">{g.environment}</span>
        </>
      ),
    },
    { key: "team", header: "Team", cell: (g) => g.teamName ?? "Whole organisation" },
    { key: "status", header: "Health", cell: (g) => <StatusBadge status={g.status} /> },
    {
      key: "heartbeat",
      header: "Last heartbeat",
      cell: (g) =>
        g.lastHeartbeatAt ? <Time value={g.lastHeartbeatAt} compact /> : <span className="muted">never</span>,
    },
    { key: "version", header: "Version", cell: (g) => g.version ?? "—" },
    {
      key: "uptime",
      header: "Uptime",
      numeric: true,
      cell: (g) => (g.uptimeSeconds === null ? "—" : formatDuration(g.uptimeSeconds * 1000)),
    },
    {
      key: "served",
      header: "Requests served",
      numeric: true,
      cell: (g) => (g.requestsServed === null ? "—" : formatNumber(g.requestsServed)),
    },
    {
      key: "spool",
      header: "Spool depth",
      numeric: true,
      cell: (g) => (g.spoolDepth === null ? "—" : formatNumber(g.spoolDepth)),
    },
    { key: "config", header: "Config in force", cell: (g) => <ConfigInForce g={g} /> },
  ];
  if (canWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (g) => (
        <div className="row-actions">
          <Button size="sm" onClick={() => onAssign(g)} aria-label={`Assign config to ${g.name}`}>
            Assign config
          </Button>
          <Button size="sm" onClick={() => onRotate(g)} aria-label={`New credential for ${g.name}`}>
            New credential
          </Button>
        </div>
      ),
    });
  }
  return (
    <Table
      caption="Gateways and their last reported health"
      columns={columns}
      rows={gateways}
      rowKey={(g) => g.id}
    />
  );
}
