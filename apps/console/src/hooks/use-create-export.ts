import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createExport } from "@/api/exports";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useCreateExport() {
  const orgId = useSession().org.id;
  const client = useQueryClient();
  return useMutation({
    mutationFn: createExport,
    onSuccess: () => client.invalidateQueries({ queryKey: orgKey(orgId, "exports") }),
  });
}
