"use client";
import type { TGateway, TGatewayWithCredential } from "@kt/contract";
import { Plus, Server } from "lucide-react";
import { useState } from "react";
import { useRotateGatewayCredential } from "@/hooks/use-change-gateways";
import { useListGateways } from "@/hooks/use-list-gateways";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { QueryState } from "../admin/query-state";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { AssignConfigForm } from "./assign-config-form";
import { GatewayCredential } from "./gateway-command";
import { GatewaysTable } from "./gateways-table";
import { RegisterGatewayForm } from "./register-gateway-form";

type TPanel =
  | { kind: "register" }
  | { kind: "assign"; gateway: TGateway }
  | { kind: "credential"; gateway: TGatewayWithCredential };

export function GatewaysView({ controlPlaneUrl }: { controlPlaneUrl: string }) {
  const canWrite = useCan("gateways:write");
  const gateways = useListGateways();
  const rotate = useRotateGatewayCredential();
  const [panel, setPanel] = useState<TPanel | null>(null);
  const [rotating, setRotating] = useState<TGateway | null>(null);
  const register = canWrite ? (
    <Button variant="primary" onClick={() => setPanel({ kind: "register" })}>
      <Plus aria-hidden="true" size={16} /> Register a gateway
    </Button>
  ) : null;
  const closeRotate = () => {
    setRotating(null);
    rotate.reset();
  };
  const title =
    panel?.kind === "register"
      ? "Register a gateway"
      : panel?.kind === "assign"
        ? "Assign a policy config"
        : "Start the gateway";
  return (
    <Page
      title="Gateways"
      description="The gateways enforcing your policies: health from their heartbeats, and the config each runs."
      actions={register}
    >
      <RequirePermission permission="gateways:read">
        <Card>
          <QueryState query={gateways} loadingLabel="Loading gateways">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState icon={<Server size={32} />} title="No gateways registered" action={register}>
                  A gateway sits between your applications and the LLM providers and enforces your policy
                  config. Register one to get the command that starts it.
                </EmptyState>
              ) : (
                <GatewaysTable
                  gateways={items}
                  canWrite={canWrite}
                  onAssign={(gateway) => setPanel({ kind: "assign", gateway })}
                  onRotate={setRotating}
                />
              )
            }
          </QueryState>
        </Card>
      </RequirePermission>
      <Drawer open={panel !== null} title={title} onClose={() => setPanel(null)}>
        {panel?.kind === "register" ? (
          <RegisterGatewayForm onRegistered={(gateway) => setPanel({ kind: "credential", gateway })} />
        ) : null}
        {panel?.kind === "assign" ? (
          <AssignConfigForm gateway={panel.gateway} onDone={() => setPanel(null)} />
        ) : null}
        {panel?.kind === "credential" ? (
          <GatewayCredential gateway={panel.gateway} controlPlaneUrl={controlPlaneUrl} />
        ) : null}
      </Drawer>
      <ConfirmDialog
        open={rotating !== null}
        title={`New credential for ${rotating?.name ?? "gateway"}?`}
        confirmLabel="Issue new credential"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={closeRotate}
        onConfirm={() =>
          rotating &&
          rotate.mutate(rotating.id, {
            onSuccess: (gateway) => {
              closeRotate();
              setPanel({ kind: "credential", gateway });
            },
          })
        }
      >
        The current credential stops working at once: the running gateway loses its connection to the control
        plane until it is restarted with the new one.
      </ConfirmDialog>
    </Page>
  );
}
