"use client";
import { ROLES, type TMember, type TRole } from "@kt/contract";
import { UserPlus, Users } from "lucide-react";
import { useState } from "react";
import { useCancelInvite, useRemoveMember, useUpdateMemberRole } from "@/hooks/use-change-members";
import { useListInvites, useListMembers } from "@/hooks/use-list-members";
import { useListTeams } from "@/hooks/use-list-teams";
import { ConfirmDialog } from "../admin/confirm-dialog";
import { MutationError } from "../admin/mutation-error";
import { QueryState } from "../admin/query-state";
import { StatusBadge } from "../admin/status-badge";
import { RequirePermission } from "../shell/require-permission";
import { ROLE_LABEL } from "../shell/role-label";
import { useCan, useSession } from "../shell/session-context";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";
import { InviteMemberForm } from "./invite-member-form";

function RoleSelect({ member }: { member: TMember }) {
  const update = useUpdateMemberRole();
  return (
    <>
      <select
        aria-label={`Role of ${member.email}`}
        value={member.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ userId: member.userId, role: e.target.value as TRole })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <MutationError error={update.error} />
    </>
  );
}

function PendingInvites() {
  const invites = useListInvites(true);
  const cancel = useCancelInvite();
  const pending = (invites.data?.items ?? []).filter((i) => i.status === "pending");
  if (pending.length === 0) return null;
  return (
    <Card title="Pending invites">
      <ul>
        {pending.map((i) => (
          <li key={i.id}>
            {i.name} &lt;{i.email}&gt; as {ROLE_LABEL[i.role]}, expires <Time value={i.expiresAt} compact />{" "}
            <Button
              size="sm"
              onClick={() => cancel.mutate(i.id)}
              aria-label={`Cancel the invite of ${i.email}`}
            >
              Cancel
            </Button>
          </li>
        ))}
      </ul>
      <MutationError error={cancel.error} />
    </Card>
  );
}

export function MembersView() {
  const me = useSession();
  const canWrite = useCan("members:write");
  const members = useListMembers();
  const teams = new Map((useListTeams("all").data?.items ?? []).map((t) => [t.id, t.name]));
  const remove = useRemoveMember();
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<TMember | null>(null);
  const close = () => {
    setRemoving(null);
    remove.reset();
  };
  const invite = canWrite ? (
    <Button variant="primary" onClick={() => setInviting(true)}>
      <UserPlus aria-hidden="true" size={16} /> Invite a member
    </Button>
  ) : null;
  const columns: TColumn<TMember>[] = [
    {
      key: "name",
      header: "Member",
      cell: (m) => (
        <>
          <strong>{m.name || m.email}</strong>
          <div className="muted">{m.email}</div>
        </>
      ),
    },
    {
      key: "role",
      header: "Role",
      cell: (m) => (canWrite && m.userId !== me.user.id ? <RoleSelect member={m} /> : ROLE_LABEL[m.role]),
    },
    {
      key: "teams",
      header: "Teams",
      cell: (m) =>
        m.teamIds.map((id) => teams.get(id) ?? "—").join(", ") || <span className="muted">none</span>,
    },
    { key: "joined", header: "Joined", cell: (m) => <Time value={m.joinedAt} compact /> },
  ];
  if (canWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (m) =>
        m.userId === me.user.id ? (
          <StatusBadge status="you" />
        ) : (
          <Button size="sm" variant="danger" onClick={() => setRemoving(m)} aria-label={`Remove ${m.email}`}>
            Remove
          </Button>
        ),
    });
  }
  return (
    <Page
      title="Members"
      description="Who belongs to your organisation and what their role lets them do."
      actions={invite}
    >
      <RequirePermission permission="members:read">
        <Card>
          <QueryState query={members} loadingLabel="Loading members">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState icon={<Users size={32} />} title="No members" action={invite}>
                  Invite colleagues to give them access.
                </EmptyState>
              ) : (
                <Table
                  caption="Members of the organisation"
                  columns={columns}
                  rows={items}
                  rowKey={(m) => m.userId}
                />
              )
            }
          </QueryState>
        </Card>
        {canWrite ? <PendingInvites /> : null}
      </RequirePermission>
      <Drawer open={inviting} title="Invite a member" onClose={() => setInviting(false)}>
        {inviting ? <InviteMemberForm /> : null}
      </Drawer>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? "member"}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: close })}
      >
        They lose access to this organisation at once; their API tokens stop working. Their past actions stay
        in the audit log.
      </ConfirmDialog>
    </Page>
  );
}
