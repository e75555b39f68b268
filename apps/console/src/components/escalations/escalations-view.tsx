"use client";
import { ShieldAlert } from "lucide-react";
import { useState } from "react";
import type { TEscalationFilters } from "@/api/escalations";
import { useListEscalations } from "@/hooks/use-list-escalations";
import { useListMembers } from "@/hooks/use-list-members";
import { QueryState } from "../admin/query-state";
import { SelectField } from "../admin/select-field";
import { RequirePermission } from "../shell/require-permission";
import { useSession } from "../shell/session-context";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { EscalationDetail } from "./escalation-detail";
import { EscalationsTable } from "./escalations-table";

export function EscalationsView() {
  const me = useSession();
  const [status, setStatus] = useState<TEscalationFilters["status"]>("open");
  const [assignee, setAssignee] = useState<"" | "me" | "none">("");
  const list = useListEscalations({ status, assignee: assignee || undefined });
  const names = new Map((useListMembers().data?.items ?? []).map((m) => [m.userId, m.name || m.email]));
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Page
      title="Escalations"
      description="Requests a policy held for a person to approve or reject, most urgent first."
    >
      <RequirePermission permission="escalations:read">
        <Card>
          <div className="form-stack">
            <div className="filters">
              <SelectField
                label="Status"
                value={status}
                onChange={(e) => setStatus(e.target.value as TEscalationFilters["status"])}
                options={[
                  { value: "open", label: "Open" },
                  { value: "approved", label: "Approved" },
                  { value: "rejected", label: "Rejected" },
                  { value: "all", label: "All" },
                ]}
              />
              <SelectField
                label="Assignee"
                value={assignee}
                onChange={(e) => setAssignee(e.target.value as "" | "me" | "none")}
                options={[
                  { value: "", label: "Anyone" },
                  { value: "me", label: "Assigned to me" },
                  { value: "none", label: "Unassigned" },
                ]}
              />
            </div>
            <QueryState query={list} loadingLabel="Loading escalations">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState
                    icon={<ShieldAlert size={32} />}
                    title={status === "open" ? "Nothing waits for a decision" : "No escalations match"}
                    action={<ButtonLink href="/configurations">Review policy configurations</ButtonLink>}
                  >
                    A request lands here when a policy&apos;s action is escalate (e.g. a quality score under
                    the bar). P1 escalations are due within 30 minutes.
                  </EmptyState>
                ) : (
                  <EscalationsTable
                    items={items}
                    names={names}
                    meId={me.user.id}
                    onOpen={(e) => setOpenId(e.id)}
                  />
                )
              }
            </QueryState>
          </div>
        </Card>
      </RequirePermission>
      <Drawer open={openId !== null} title="Escalation" onClose={() => setOpenId(null)}>
        {openId ? <EscalationDetail id={openId} names={names} /> : null}
      </Drawer>
    </Page>
  );
}
