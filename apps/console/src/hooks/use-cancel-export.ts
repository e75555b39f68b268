import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelExport } from "@/api/exports";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useCancelExport() {
  const orgId = useSession().org.id;
  const client = useQueryClient();
  return useMutation({
    mutationFn: cancelExport,
    onSettled: () => client.invalidateQueries({ queryKey: orgKey(orgId, "exports") }),
  });
}
