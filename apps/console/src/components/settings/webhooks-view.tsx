"use client";
import { NOTIFICATION_KINDS, type TWebhook } from "@kt/contract";
import { Plus, Webhook } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { TWebhookCreated } from "@/api/webhooks";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useSetWebhookDisabled,
  useTestWebhook,
} from "@/hooks/use-change-webhooks";
import { useListWebhooks } from "@/hooks/use-list-webhooks";
import { fieldErrors } from "@/lib/api-error";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { FormActions } from "../admin/form-actions";
import { MutationError } from "../admin/mutation-error";
import { QueryState } from "../admin/query-state";
import { SecretOnce } from "../admin/secret-once";
import { StatusBadge } from "../admin/status-badge";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Field } from "../ui/field";
import { Page } from "../ui/page";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

const KIND_LABEL: Record<(typeof NOTIFICATION_KINDS)[number], string> = {
  "budget.threshold": "A team crosses a budget threshold",
  "escalation.raised": "A request is escalated",
};

function CreateWebhookForm({ onCreated }: { onCreated: (w: TWebhookCreated) => void }) {
  const create = useCreateWebhook();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([...NOTIFICATION_KINDS]);
  const errors = fieldErrors(create.error);
  const toggle = (k: string) =>
    setEvents(events.includes(k) ? events.filter((e) => e !== k) : [...events, k]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, events: events as (typeof NOTIFICATION_KINDS)[number][] }, { onSuccess: onCreated });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="URL"
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        required
        error={errors.url}
        hint="kt POSTs a signed JSON body here (X-Kt-Signature: HMAC-SHA256)."
      />
      <fieldset className="form-stack">
        <legend>Send when</legend>
        {NOTIFICATION_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={events.includes(k)} onChange={() => toggle(k)} /> {KIND_LABEL[k]}{" "}
            (<code>{k}</code>)
          </label>
        ))}
        {errors.events ? <p className="field-error">{errors.events}</p> : null}
      </fieldset>
      <FormActions mutation={create} label="Add webhook" pendingLabel="Adding…" />
    </form>
  );
}

function Actions({ w, onDelete }: { w: TWebhook; onDelete: () => void }) {
  const toggle = useSetWebhookDisabled();
  const test = useTestWebhook();
  return (
    <div className="form-stack">
      <div className="row-actions">
        <Button size="sm" onClick={() => test.mutate(w.id)} disabled={test.isPending}>
          {test.isPending ? "Sending…" : "Send test"}
        </Button>
        <Button size="sm" onClick={() => toggle.mutate({ id: w.id, disabled: !w.disabled })}>
          {w.disabled ? "Enable" : "Disable"}
        </Button>
        <Button size="sm" variant="danger" onClick={onDelete} aria-label={`Delete the webhook to ${w.url}`}>
          Delete
        </Button>
      </div>
      {test.isSuccess ? <span role="status">Test sent.</span> : null}
      <MutationError error={test.error ?? toggle.error} />
    </div>
  );
}

export function WebhooksView() {
  const canWrite = useCan("webhooks:write");
  const hooks = useListWebhooks();
  const remove = useDeleteWebhook();
  const [panel, setPanel] = useState<"create" | TWebhookCreated | null>(null);
  const [deleting, setDeleting] = useState<TWebhook | null>(null);
  const close = () => {
    setDeleting(null);
    remove.reset();
  };
  const add = canWrite ? (
    <Button variant="primary" onClick={() => setPanel("create")}>
      <Plus aria-hidden="true" size={16} /> Add a webhook
    </Button>
  ) : null;
  const columns: TColumn<TWebhook>[] = [
    { key: "url", header: "URL", cell: (w) => <code>{w.url}</code> },
    { key: "events", header: "Events", cell: (w) => w.events.join(", ") },
    { key: "secret", header: "Secret", cell: (w) => <code>{w.secretPrefix}…</code> },
    {
      key: "status",
      header: "Status",
      cell: (w) => <StatusBadge status={w.disabled ? "disabled" : "active"} />,
    },
    { key: "created", header: "Added", cell: (w) => <Time value={w.createdAt} compact /> },
  ];
  if (canWrite)
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (w) => <Actions w={w} onDelete={() => setDeleting(w)} />,
    });
  return (
    <Page
      title="Webhooks"
      description="Alerts sent to your chat or incident tools when a budget threshold is crossed or a request is escalated."
      actions={add}
    >
      <RequirePermission permission="webhooks:read">
        <Card>
          <QueryState query={hooks} loadingLabel="Loading webhooks">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState icon={<Webhook size={32} />} title="No alert webhooks" action={add}>
                  Add a webhook to hear about budget thresholds and escalations where your team already works.
                </EmptyState>
              ) : (
                <Table caption="Alert webhooks" columns={columns} rows={items} rowKey={(w) => w.id} />
              )
            }
          </QueryState>
        </Card>
      </RequirePermission>
      <Drawer
        open={panel !== null}
        title={panel === "create" ? "Add a webhook" : "Webhook added"}
        onClose={() => setPanel(null)}
      >
        {panel === "create" ? <CreateWebhookForm onCreated={setPanel} /> : null}
        {panel && panel !== "create" ? (
          <div className="form-stack">
            <SecretOnce
              label="Signing secret"
              value={panel.secret}
              hint="Verify X-Kt-Signature with it on your receiver."
            />
            <Button onClick={() => setPanel(null)}>I have copied it</Button>
          </div>
        ) : null}
      </Drawer>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: close })}
      >
        Alerts stop going to <code>{deleting?.url}</code>.
      </ConfirmDialog>
    </Page>
  );
}
