"use client";
import type { TTeam } from "@kt/contract";
import { Plus, UsersRound } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useCreateTeam } from "@/hooks/use-change-teams";
import { useListTeams } from "@/hooks/use-list-teams";
import { fieldErrors } from "@/lib/api-error";
import { formatNumber } from "@/lib/format";
import { FormActions } from "../admin/form-actions";
import { QueryState } from "../admin/query-state";
import { RequirePermission } from "../shell/require-permission";
import { useCan } from "../shell/session-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Field } from "../ui/field";
import { Page } from "../ui/page";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";
import { TeamDetail } from "./team-detail";

function CreateTeamForm({ onCreated }: { onCreated: () => void }) {
  const create = useCreateTeam();
  const [name, setName] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name }, { onSuccess: onCreated });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Team name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={fieldErrors(create.error).name}
      />
      <FormActions mutation={create} label="Create team" pendingLabel="Creating…" />
    </form>
  );
}

export function TeamsView() {
  const canWrite = useCan("teams:write");
  const [archived, setArchived] = useState(false);
  const teams = useListTeams(archived ? "all" : "false");
  const [panel, setPanel] = useState<"create" | TTeam | null>(null);
  const create = canWrite ? (
    <Button variant="primary" onClick={() => setPanel("create")}>
      <Plus aria-hidden="true" size={16} /> Create a team
    </Button>
  ) : null;
  const columns: TColumn<TTeam>[] = [
    {
      key: "name",
      header: "Team",
      cell: (t) => (
        <>
          <strong>{t.name}</strong> {t.archived ? <Badge>archived</Badge> : null}
        </>
      ),
    },
    { key: "members", header: "Members", numeric: true, cell: (t) => formatNumber(t.memberCount) },
    { key: "created", header: "Created", cell: (t) => <Time value={t.createdAt} compact /> },
    {
      key: "open",
      header: "Details",
      cell: (t) => (
        <Button size="sm" onClick={() => setPanel(t)} aria-label={`Members of ${t.name}`}>
          Members
        </Button>
      ),
    },
  ];
  return (
    <Page
      title="Teams"
      description="Teams own gateway keys, budgets and configurations; managers see their teams' data."
      actions={create}
    >
      <RequirePermission permission="teams:read">
        <Card>
          <div className="form-stack">
            <label>
              <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />{" "}
              Show archived teams
            </label>
            <QueryState query={teams} loadingLabel="Loading teams">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState icon={<UsersRound size={32} />} title="No teams yet" action={create}>
                    Create a team per group that uses LLMs (e.g. Support, Data Science) to give it keys, a
                    budget and a manager.
                  </EmptyState>
                ) : (
                  <Table caption="Teams" columns={columns} rows={items} rowKey={(t) => t.id} />
                )
              }
            </QueryState>
          </div>
        </Card>
      </RequirePermission>
      <Drawer
        open={panel !== null}
        title={panel === "create" ? "Create a team" : `${panel?.name ?? ""}: members`}
        onClose={() => setPanel(null)}
      >
        {panel === "create" ? <CreateTeamForm onCreated={() => setPanel(null)} /> : null}
        {panel && panel !== "create" ? <TeamDetail id={panel.id} /> : null}
      </Drawer>
    </Page>
  );
}
