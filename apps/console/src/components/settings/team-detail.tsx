"use client";
import { useState } from "react";
import { useAddTeamMember, useRemoveTeamMember, useUpdateTeam } from "@/hooks/use-change-teams";
import { useListMembers } from "@/hooks/use-list-members";
import { useGetTeam } from "@/hooks/use-list-teams";
import { MutationError } from "../admin/mutation-error";
import { QueryState } from "../admin/query-state";
import { SelectField } from "../admin/select-field";
import { ROLE_LABEL } from "../shell/role-label";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";

export function TeamDetail({ id }: { id: string }) {
  const canWrite = useCan("teams:write");
  const team = useGetTeam(id);
  const members = useListMembers().data?.items ?? [];
  const add = useAddTeamMember();
  const removeMember = useRemoveTeamMember();
  const update = useUpdateTeam();
  const [pick, setPick] = useState("");
  return (
    <QueryState query={team} loadingLabel="Loading the team">
      {(t) => {
        const inTeam = new Set(t.members.map((m) => m.userId));
        const candidates = members.filter((m) => !inTeam.has(m.userId));
        const chosen = candidates.some((m) => m.userId === pick) ? pick : (candidates[0]?.userId ?? "");
        return (
          <div className="form-stack">
            {t.members.length === 0 ? (
              <p className="muted">No members yet.</p>
            ) : (
              <ul>
                {t.members.map((m) => (
                  <li key={m.userId}>
                    {m.name || m.email} ({ROLE_LABEL[m.role]}){" "}
                    {canWrite ? (
                      <Button
                        size="sm"
                        onClick={() => removeMember.mutate({ teamId: t.id, userId: m.userId })}
                        aria-label={`Remove ${m.email} from ${t.name}`}
                      >
                        Remove
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && candidates.length > 0 ? (
              <div className="form-row">
                <SelectField
                  label="Add a member"
                  value={chosen}
                  onChange={(e) => setPick(e.target.value)}
                  options={candidates.map((m) => ({
                    value: m.userId,
                    label: `${m.name || m.email} (${ROLE_LABEL[m.role]})`,
                  }))}
                />
                <Button
                  onClick={() => add.mutate({ teamId: t.id, userId: chosen })}
                  disabled={add.isPending || !chosen}
                >
                  Add
                </Button>
              </div>
            ) : null}
            <MutationError error={add.error ?? removeMember.error ?? update.error} />
            {canWrite ? (
              <div>
                <Button
                  variant={t.archived ? "secondary" : "danger"}
                  onClick={() => update.mutate({ id: t.id, body: { archived: !t.archived } })}
                >
                  {t.archived ? "Restore team" : "Archive team"}
                </Button>
              </div>
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}
