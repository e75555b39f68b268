"use client";
import { ROLES, type TApiToken, type TApiTokenWithSecret } from "@kt/contract";
import { Plus, Ticket } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useCreateApiToken, useRevokeApiToken } from "@/hooks/use-change-api-tokens";
import { useListApiTokens } from "@/hooks/use-list-api-tokens";
import { fieldErrors } from "@/lib/api-error";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { FormActions } from "../admin/form-actions";
import { QueryState } from "../admin/query-state";
import { SecretOnce } from "../admin/secret-once";
import { SelectField } from "../admin/select-field";
import { StatusBadge } from "../admin/status-badge";
import { endOfDayIso } from "../admin/team-options";
import { RequirePermission } from "../shell/require-permission";
import { ROLE_LABEL } from "../shell/role-label";
import { useCan, useSession } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Field } from "../ui/field";
import { Page } from "../ui/page";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

function CreateTokenForm({ onCreated }: { onCreated: (t: TApiTokenWithSecret) => void }) {
  const me = useSession();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>(me.role);
  const [expiry, setExpiry] = useState("");
  const errors = fieldErrors(create.error);
  // A token may have its creator's role or a narrower one: never more.
  const allowed = ROLES.slice(ROLES.indexOf(me.role));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, role: role as TApiToken["role"], expiresAt: endOfDayIso(expiry) },
      { onSuccess: onCreated },
    );
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={errors.name}
        hint="e.g. ci-policy-push"
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        error={errors.role}
        options={allowed.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        hint="What the token may do; never more than your own role."
      />
      <Field
        label="Expires on (optional)"
        type="date"
        value={expiry}
        onChange={(e) => setExpiry(e.target.value)}
        error={errors.expiresAt}
      />
      <FormActions mutation={create} label="Create token" pendingLabel="Creating…" />
    </form>
  );
}

export function ApiTokensView() {
  const canWrite = useCan("api_tokens:write");
  const [status, setStatus] = useState<"active" | "all">("active");
  const tokens = useListApiTokens(status);
  const revoke = useRevokeApiToken();
  const [panel, setPanel] = useState<"create" | TApiTokenWithSecret | null>(null);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };
  const create = canWrite ? (
    <Button variant="primary" onClick={() => setPanel("create")}>
      <Plus aria-hidden="true" size={16} /> Create a token
    </Button>
  ) : null;
  const columns: TColumn<TApiToken>[] = [
    { key: "name", header: "Name", cell: (t) => <strong>{t.name}</strong> },
    { key: "prefix", header: "Token", cell: (t) => <code>{t.prefix}…</code> },
    { key: "role", header: "Role", cell: (t) => ROLE_LABEL[t.role] },
    { key: "status", header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
    { key: "by", header: "Created by", cell: (t) => t.createdBy?.email ?? "a former member" },
    {
      key: "used",
      header: "Last used",
      cell: (t) =>
        t.lastUsedAt ? <Time value={t.lastUsedAt} compact /> : <span className="muted">never</span>,
    },
    {
      key: "expires",
      header: "Expires",
      cell: (t) =>
        t.expiresAt ? <Time value={t.expiresAt} compact /> : <span className="muted">never</span>,
    },
  ];
  if (canWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (t) =>
        t.status === "active" ? (
          <Button size="sm" variant="danger" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
            Revoke
          </Button>
        ) : null,
    });
  }
  return (
    <Page
      title="API tokens"
      description="Tokens for scripts, CI and the kt CLI to call the kt API."
      actions={create}
    >
      <RequirePermission permission="api_tokens:read">
        <Card>
          <div className="form-stack">
            <div className="filters">
              <SelectField
                label="Show"
                value={status}
                onChange={(e) => setStatus(e.target.value as "active" | "all")}
                options={[
                  { value: "active", label: "Active tokens" },
                  { value: "all", label: "All, including revoked and expired" },
                ]}
              />
            </div>
            <QueryState query={tokens} loadingLabel="Loading API tokens">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState icon={<Ticket size={32} />} title="No API tokens" action={create}>
                    A token lets CI push policy configs (<code>kt policy push</code>) or a script read events,
                    with a role no wider than yours.
                  </EmptyState>
                ) : (
                  <Table caption="API tokens" columns={columns} rows={items} rowKey={(t) => t.id} />
                )
              }
            </QueryState>
          </div>
        </Card>
      </RequirePermission>
      <Drawer
        open={panel !== null}
        title={panel === "create" ? "Create an API token" : "Token created"}
        onClose={() => setPanel(null)}
      >
        {panel === "create" ? <CreateTokenForm onCreated={setPanel} /> : null}
        {panel && panel !== "create" ? (
          <div className="form-stack">
            <SecretOnce
              label="API token"
              value={panel.secret}
              hint="Use it as KT_API_TOKEN or an Authorization: Bearer header."
            />
            <Button onClick={() => setPanel(null)}>I have copied it</Button>
          </div>
        ) : null}
      </Drawer>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? "token"}?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: closeRevoke })}
      >
        The next call with <code>{revoking?.prefix}…</code> is refused. This cannot be undone.
      </ConfirmDialog>
    </Page>
  );
}
