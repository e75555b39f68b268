"use client";
import type { TGatewayKey } from "@kt/contract";
import { StatusBadge } from "../admin/status-badge";
import { Button } from "../ui/button";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

type TProps = {
  keys: readonly TGatewayKey[];
  canWrite: boolean;
  onRotate: (k: TGatewayKey) => void;
  onRevoke: (k: TGatewayKey) => void;
};

export function GatewayKeysTable({ keys, canWrite, onRotate, onRevoke }: TProps) {
  const columns: TColumn<TGatewayKey>[] = [
    { key: "name", header: "Name", cell: (k) => <strong>{k.name}</strong> },
    { key: "prefix", header: "Key", cell: (k) => <code>{k.prefix}…</code> },
    { key: "team", header: "Team", cell: (k) => k.teamName ?? "—" },
    { key: "gateway", header: "Gateway", cell: (k) => k.gatewayName ?? "—" },
    { key: "status", header: "Status", cell: (k) => <StatusBadge status={k.status} /> },
    {
      key: "expires",
      header: "Expires",
      cell: (k) =>
        k.expiresAt ? <Time value={k.expiresAt} compact /> : <span className="muted">never</span>,
    },
    {
      key: "used",
      header: "Last used",
      cell: (k) =>
        k.lastUsedAt ? <Time value={k.lastUsedAt} compact /> : <span className="muted">not yet</span>,
    },
    {
      key: "grace",
      header: "Old secret until",
      cell: (k) => (k.previousSecretExpiresAt ? <Time value={k.previousSecretExpiresAt} compact /> : "—"),
    },
  ];
  if (canWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (k) =>
        k.status === "revoked" ? null : (
          <div className="row-actions">
            <Button size="sm" onClick={() => onRotate(k)} aria-label={`Rotate ${k.name}`}>
              Rotate
            </Button>
            <Button size="sm" variant="danger" onClick={() => onRevoke(k)} aria-label={`Revoke ${k.name}`}>
              Revoke
            </Button>
          </div>
        ),
    });
  }
  return <Table caption="Gateway keys, newest first" columns={columns} rows={keys} rowKey={(k) => k.id} />;
}
