import { useQuery } from "@tanstack/react-query";
import { getEscalation, listEscalations, type TEscalationFilters } from "@/api/escalations";
import { useOrgKey } from "./use-org-key";

/** Refreshed every 30 s so new escalations and SLA breaches show without a reload. */
export function useListEscalations(filters: TEscalationFilters) {
  const queryKey = useOrgKey("escalations", filters);
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => listEscalations(filters, signal),
    refetchInterval: 30_000,
  });
}

export function useGetEscalation(id: string | null) {
  const queryKey = useOrgKey("escalations", "detail", id);
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => getEscalation(id ?? "", signal),
    enabled: id !== null,
  });
}
