"use client";
import type { TPolicyConfig } from "@kt/contract";
import { FileCode2, LayoutTemplate, Plus } from "lucide-react";
import Link from "next/link";
import { useListPolicyConfigs } from "@/hooks/use-list-policy-configs";
import { useListTeams } from "@/hooks/use-list-teams";
import { formatNumber } from "@/lib/format";
import { QueryState } from "../admin/query-state";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";

export function ConfigurationsView() {
  const canWrite = useCan("configs:write");
  const configs = useListPolicyConfigs();
  const teams = new Map((useListTeams("all").data?.items ?? []).map((t) => [t.id, t.name]));
  const actions = canWrite ? (
    <>
      <ButtonLink href="/templates">
        <LayoutTemplate aria-hidden="true" size={16} /> Start from a template
      </ButtonLink>
      <ButtonLink href="/configurations/new" variant="primary">
        <Plus aria-hidden="true" size={16} /> New configuration
      </ButtonLink>
    </>
  ) : null;
  const columns: TColumn<TPolicyConfig>[] = [
    {
      key: "name",
      header: "Configuration",
      cell: (c) => (
        <>
          <Link href={`/configurations/${c.id}`}>{c.name}</Link>
          {c.description ? <div className="muted">{c.description}</div> : null}
        </>
      ),
    },
    {
      key: "team",
      header: "Team",
      cell: (c) => (c.teamId ? (teams.get(c.teamId) ?? "—") : "Whole organisation"),
    },
    {
      key: "version",
      header: "Version in force",
      cell: (c) => (c.currentVersion ? `v${c.currentVersion.number}: ${c.currentVersion.message}` : "—"),
    },
    { key: "author", header: "By", cell: (c) => c.currentVersion?.authorLabel ?? "—" },
    { key: "gateways", header: "Gateways", numeric: true, cell: (c) => formatNumber(c.gatewayCount) },
    { key: "updated", header: "Updated", cell: (c) => <Time value={c.updatedAt} compact /> },
  ];
  return (
    <Page
      title="Configurations"
      description="Policy configs: the rules gateways enforce, versioned so you can compare and roll back."
      actions={actions}
    >
      <RequirePermission permission="configs:read">
        <Card>
          <QueryState query={configs} loadingLabel="Loading configurations">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState
                  icon={<FileCode2 size={32} />}
                  title="No policy configurations yet"
                  action={
                    canWrite ? (
                      <ButtonLink href="/templates" variant="primary">
                        Start from a template
                      </ButtonLink>
                    ) : null
                  }
                >
                  A configuration lists the policies a gateway enforces (PII redaction, prompt-injection,
                  budgets…). The quickest start is a template from the catalog.
                </EmptyState>
              ) : (
                <Table caption="Policy configurations" columns={columns} rows={items} rowKey={(c) => c.id} />
              )
            }
          </QueryState>
        </Card>
      </RequirePermission>
    </Page>
  );
}
