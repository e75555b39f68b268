"use client";
import type { TGatewayKey, TGatewayKeyWithSecret } from "@kt/contract";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { useRevokeGatewayKey } from "@/hooks/use-change-gateway-keys";
import { useListGatewayKeys } from "@/hooks/use-list-gateway-keys";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { QueryState } from "../admin/query-state";
import { SecretOnce } from "../admin/secret-once";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { GatewayKeysTable } from "./gateway-keys-table";
import { IssueGatewayKeyForm } from "./issue-gateway-key-form";
import { RotateGatewayKeyForm } from "./rotate-gateway-key-form";

type TPanel =
  { kind: "issue" } | { kind: "rotate"; key: TGatewayKey } | { kind: "secret"; key: TGatewayKeyWithSecret };

export function GatewayKeysView() {
  const canWrite = useCan("gateway_keys:write");
  const keys = useListGatewayKeys();
  const revoke = useRevokeGatewayKey();
  const [panel, setPanel] = useState<TPanel | null>(null);
  const [revoking, setRevoking] = useState<TGatewayKey | null>(null);
  const issue = canWrite ? (
    <Button variant="primary" onClick={() => setPanel({ kind: "issue" })}>
      <Plus aria-hidden="true" size={16} /> Issue a key
    </Button>
  ) : null;
  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };
  return (
    <Page
      title="Gateway keys"
      description="Keys your applications send to a gateway; each belongs to a team."
      actions={issue}
    >
      <RequirePermission permission="gateway_keys:read">
        <Card>
          <QueryState query={keys} loadingLabel="Loading gateway keys">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState
                  icon={<KeyRound size={32} />}
                  title="No gateway keys yet"
                  action={issue ?? <ButtonLink href="/gateways">See gateways</ButtonLink>}
                >
                  Applications call a gateway with a key issued here. Each key belongs to a team, so its
                  requests count against that team&apos;s budget and policies.
                </EmptyState>
              ) : (
                <GatewayKeysTable
                  keys={items}
                  canWrite={canWrite}
                  onRotate={(key) => setPanel({ kind: "rotate", key })}
                  onRevoke={setRevoking}
                />
              )
            }
          </QueryState>
        </Card>
      </RequirePermission>
      <Drawer
        open={panel !== null}
        onClose={() => setPanel(null)}
        title={
          panel?.kind === "issue"
            ? "Issue a gateway key"
            : panel?.kind === "rotate"
              ? "Rotate key"
              : "Key issued"
        }
      >
        {panel?.kind === "issue" ? (
          <IssueGatewayKeyForm onIssued={(key) => setPanel({ kind: "secret", key })} />
        ) : null}
        {panel?.kind === "rotate" ? (
          <RotateGatewayKeyForm
            gatewayKey={panel.key}
            onRotated={(key) => setPanel({ kind: "secret", key })}
          />
        ) : null}
        {panel?.kind === "secret" ? (
          <div className="form-stack">
            <p>
              <strong>{panel.key.name}</strong> for {panel.key.teamName ?? "its team"} on{" "}
              {panel.key.gatewayName ?? "its gateway"}.
            </p>
            <SecretOnce
              label="Gateway key"
              value={panel.key.secret}
              hint="Send it as the API key of your OpenAI client (Authorization: Bearer …) to the gateway."
            />
            <Button onClick={() => setPanel(null)}>I have copied it</Button>
          </div>
        ) : null}
      </Drawer>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? "key"}?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: closeRevoke })}
      >
        The gateway refuses the next call made with <code>{revoking?.prefix}…</code>. This cannot be undone:
        issue a new key if the application still needs access.
      </ConfirmDialog>
    </Page>
  );
}
