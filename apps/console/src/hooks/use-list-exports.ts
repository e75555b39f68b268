import { isExportFinished } from "@kt/contract";
import { useQuery } from "@tanstack/react-query";
import { listExports } from "@/api/exports";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

/** Polls every 2 s while any listed export is still queued or running, and stops once all are done. */
export function useListExports(cursor?: string) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "exports", cursor ?? null),
    queryFn: ({ signal }) => listExports({ limit: 25, cursor }, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((e) => !isExportFinished(e.status)) ? 2_000 : false,
  });
}
