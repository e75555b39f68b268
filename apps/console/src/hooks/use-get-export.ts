import { isExportFinished } from "@kt/contract";
import { useQuery } from "@tanstack/react-query";
import { getExport } from "@/api/exports";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

/** One export, polled every second until it finishes. */
export function useGetExport(id: string | null) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "export", id),
    queryFn: ({ signal }) => getExport(id ?? "", signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isExportFinished(query.state.data.status) ? false : 1_000),
  });
}
