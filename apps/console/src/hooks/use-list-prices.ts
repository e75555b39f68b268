import { useQuery } from "@tanstack/react-query";
import { listPrices } from "@/api/prices";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useListPrices() {
  const orgId = useSession().org.id;
  return useQuery({ queryKey: orgKey(orgId, "prices"), queryFn: ({ signal }) => listPrices(signal) });
}
