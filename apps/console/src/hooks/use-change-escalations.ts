import type { TResolveEscalation } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { assignEscalation, commentOnEscalation, resolveEscalation } from "@/api/escalations";
import { useOrgKey } from "./use-org-key";

function useInvalidateEscalations() {
  const client = useQueryClient();
  const queryKey = useOrgKey("escalations");
  return () => client.invalidateQueries({ queryKey });
}

export function useAssignEscalation() {
  const onSuccess = useInvalidateEscalations();
  return useMutation({
    mutationFn: (v: { id: string; assigneeId: string | null }) => assignEscalation(v.id, v.assigneeId),
    onSuccess,
  });
}

export function useResolveEscalation() {
  const onSuccess = useInvalidateEscalations();
  return useMutation({
    mutationFn: (v: { id: string; body: TResolveEscalation }) => resolveEscalation(v.id, v.body),
    onSuccess,
  });
}

export function useCommentOnEscalation() {
  const onSuccess = useInvalidateEscalations();
  return useMutation({
    mutationFn: (v: { id: string; body: string }) => commentOnEscalation(v.id, v.body),
    onSuccess,
  });
}
