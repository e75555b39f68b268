import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setPrice } from "@/api/prices";
import { useSession } from "@/components/shell/session-context";

/** After a price change the API recomputes stored costs, so every cached cost and aggregate is stale. */
export function useSetPrice() {
  const orgId = useSession().org.id;
  const client = useQueryClient();
  return useMutation({
    mutationFn: setPrice,
    onSuccess: () => client.invalidateQueries({ queryKey: ["org", orgId] }),
  });
}
