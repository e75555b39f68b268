import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { listAuditLog, verifyAuditLog, type TAuditFilters } from "@/api/audit-log";
import { useOrgKey } from "./use-org-key";

export function useListAuditLog(filters: TAuditFilters) {
  const queryKey = useOrgKey("audit-log", filters);
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ signal, pageParam }) => listAuditLog(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useVerifyAuditLog() {
  const queryKey = useOrgKey("audit-log", "verify");
  return useQuery({ queryKey, queryFn: ({ signal }) => verifyAuditLog(signal) });
}
