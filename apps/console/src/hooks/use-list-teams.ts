import { useQuery } from "@tanstack/react-query";
import { getTeam, listTeams } from "@/api/teams";
import { useOrgKey } from "./use-org-key";

export function useListTeams(archived: "true" | "false" | "all" = "false") {
  const queryKey = useOrgKey("teams", archived);
  return useQuery({ queryKey, queryFn: ({ signal }) => listTeams(archived, signal) });
}

export function useGetTeam(id: string | null) {
  const queryKey = useOrgKey("teams", "detail", id);
  return useQuery({ queryKey, queryFn: ({ signal }) => getTeam(id ?? "", signal), enabled: id !== null });
}
