import { useQuery } from "@tanstack/react-query";
import { listBudgets } from "@/api/budgets";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useListBudgets() {
  const orgId = useSession().org.id;
  return useQuery({ queryKey: orgKey(orgId, "budgets"), queryFn: ({ signal }) => listBudgets(signal) });
}
