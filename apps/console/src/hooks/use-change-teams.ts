import type { TCreateTeam, TUpdateTeam } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTeamMember, createTeam, removeTeamMember, updateTeam } from "@/api/teams";
import { useOrgKey } from "./use-org-key";

function useInvalidateTeams() {
  const client = useQueryClient();
  const teams = useOrgKey("teams");
  const members = useOrgKey("members");
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: teams }),
      client.invalidateQueries({ queryKey: members }),
    ]);
}

export function useCreateTeam() {
  const onSuccess = useInvalidateTeams();
  return useMutation({ mutationFn: (body: TCreateTeam) => createTeam(body), onSuccess });
}

export function useUpdateTeam() {
  const onSuccess = useInvalidateTeams();
  return useMutation({
    mutationFn: (v: { id: string; body: TUpdateTeam }) => updateTeam(v.id, v.body),
    onSuccess,
  });
}

export function useAddTeamMember() {
  const onSuccess = useInvalidateTeams();
  return useMutation({
    mutationFn: (v: { teamId: string; userId: string }) => addTeamMember(v.teamId, v.userId),
    onSuccess,
  });
}

export function useRemoveTeamMember() {
  const onSuccess = useInvalidateTeams();
  return useMutation({
    mutationFn: (v: { teamId: string; userId: string }) => removeTeamMember(v.teamId, v.userId),
    onSuccess,
  });
}
