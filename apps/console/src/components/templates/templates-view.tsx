"use client";
import type { TTemplate } from "@kt/contract";
import { LayoutTemplate } from "lucide-react";
import { useState } from "react";
import { useDeleteTemplate } from "@/hooks/use-change-templates";
import { useListTemplates } from "@/hooks/use-list-templates";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { QueryState } from "../admin/query-state";
import { SelectField } from "../admin/select-field";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { CreateFromTemplateForm } from "./create-from-template-form";
import { EditTemplateForm } from "./edit-template-form";

type TTemplateCardProps = {
  t: TTemplate;
  canCreate: boolean;
  onUse: () => void;
  onEdit: () => void;
  onDelete: () => void;
};

function TemplateCard({ t, canCreate, onUse, onEdit, onDelete }: TTemplateCardProps) {
  return (
    <Card title={t.name} actions={<Badge tone="info">{t.category}</Badge>}>
      <div className="form-stack">
        <p style={{ margin: 0 }}>{t.description}</p>
        <p style={{ margin: 0 }}>
          <strong>When to use: </strong>
          {t.whenToUse}
        </p>
        <details>
          <summary>YAML preview</summary>
          <pre className="yaml-preview" tabIndex={0} aria-label={`YAML of ${t.name}`}>
            {t.yaml}
          </pre>
        </details>
        {canCreate ? (
          <div className="row-actions">
            <Button
              variant="primary"
              size="sm"
              onClick={onUse}
              aria-label={`Create configuration from ${t.name}`}
            >
              Create configuration
            </Button>
            {t.origin === "org" ? (
              <>
                <Button size="sm" onClick={onEdit} aria-label={`Edit template ${t.name}`}>
                  Edit
                </Button>
                <Button
                  variant="danger"
                  size="sm"
                  onClick={onDelete}
                  aria-label={`Delete template ${t.name}`}
                >
                  Delete
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

export function TemplatesView() {
  const canCreate = useCan("configs:write");
  const templates = useListTemplates();
  const [category, setCategory] = useState("");
  const [using, setUsing] = useState<TTemplate | null>(null);
  const [editing, setEditing] = useState<TTemplate | null>(null);
  const [deleting, setDeleting] = useState<TTemplate | null>(null);
  const remove = useDeleteTemplate();
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  const categories = [...new Set((templates.data?.items ?? []).map((t) => t.category))];
  return (
    <Page
      title="Templates"
      description="Ready-made policy configs from the guides: read what each does and when to use it, then start from one."
    >
      <RequirePermission permission="templates:read">
        <QueryState query={templates} loadingLabel="Loading templates">
          {({ items }) =>
            items.length === 0 ? (
              <Card>
                <EmptyState icon={<LayoutTemplate size={32} />} title="No templates">
                  The catalog is empty. Built-in templates ship with kt; check that the API is up to date.
                </EmptyState>
              </Card>
            ) : (
              <>
                <div className="filters">
                  <SelectField
                    label="Category"
                    value={category}
                    onChange={(e) => setCategory(e.target.value)}
                    options={[
                      { value: "", label: "All categories" },
                      ...categories.map((c) => ({ value: c, label: c })),
                    ]}
                  />
                </div>
                <div className="card-grid">
                  {items
                    .filter((t) => !category || t.category === category)
                    .map((t) => (
                      <TemplateCard
                        key={t.id}
                        t={t}
                        canCreate={canCreate}
                        onUse={() => setUsing(t)}
                        onEdit={() => setEditing(t)}
                        onDelete={() => setDeleting(t)}
                      />
                    ))}
                </div>
              </>
            )
          }
        </QueryState>
      </RequirePermission>
      <Drawer
        open={using !== null}
        title={`New configuration from ${using?.name ?? "template"}`}
        onClose={() => setUsing(null)}
      >
        {using ? <CreateFromTemplateForm template={using} /> : null}
      </Drawer>
      <Drawer
        open={editing !== null}
        title={`Edit template ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <EditTemplateForm key={editing.id} template={editing} onDone={() => setEditing(null)} />
        ) : null}
      </Drawer>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete template ${deleting?.name ?? ""}?`}
        confirmLabel="Delete template"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
        onClose={closeDelete}
      >
        The template leaves the catalog for everyone in your organisation. Configurations made from it are
        kept.
      </ConfirmDialog>
    </Page>
  );
}
