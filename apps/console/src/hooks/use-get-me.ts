import { useQuery } from "@tanstack/react-query";
import { getMe } from "@/api/me";
import { orgKey } from "./query-keys";

/** The signed-in caller; the shell seeds it from the server so it is available on first paint. */
export function useGetMe(orgId: string) {
  return useQuery({ queryKey: orgKey(orgId, "me"), queryFn: ({ signal }) => getMe(signal) });
}
