import type { TCreateInvite, TRole } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelInvite, createInvite, removeMember, updateMemberRole } from "@/api/members";
import { useOrgKey } from "./use-org-key";

function useInvalidateMembers() {
  const client = useQueryClient();
  const queryKey = useOrgKey("members");
  return () => client.invalidateQueries({ queryKey });
}

export function useUpdateMemberRole() {
  const onSuccess = useInvalidateMembers();
  return useMutation({
    mutationFn: (v: { userId: string; role: TRole }) => updateMemberRole(v.userId, v.role),
    onSuccess,
  });
}

export function useRemoveMember() {
  const onSuccess = useInvalidateMembers();
  return useMutation({ mutationFn: (userId: string) => removeMember(userId), onSuccess });
}

export function useCreateInvite() {
  const onSuccess = useInvalidateMembers();
  return useMutation({ mutationFn: (body: TCreateInvite) => createInvite(body), onSuccess });
}

export function useCancelInvite() {
  const onSuccess = useInvalidateMembers();
  return useMutation({ mutationFn: (id: string) => cancelInvite(id), onSuccess });
}
