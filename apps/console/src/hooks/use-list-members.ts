import { useQuery } from "@tanstack/react-query";
import { listInvites, listMembers } from "@/api/members";
import { useOrgKey } from "./use-org-key";

export function useListMembers() {
  const queryKey = useOrgKey("members");
  return useQuery({ queryKey, queryFn: ({ signal }) => listMembers(signal) });
}

export function useListInvites(enabled: boolean) {
  const queryKey = useOrgKey("members", "invites");
  return useQuery({ queryKey, queryFn: ({ signal }) => listInvites(signal), enabled });
}
