import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getDashboardSummary, type TDashboardParams } from "@/api/dashboard";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useGetDashboardSummary(params: TDashboardParams) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "dashboard-summary", params),
    queryFn: ({ signal }) => getDashboardSummary(params, signal),
    placeholderData: keepPreviousData,
  });
}
