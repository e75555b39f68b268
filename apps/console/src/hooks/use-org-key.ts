import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

/** Query keys scoped to the signed-in caller's org. */
export function useOrgKey(resource: string, ...params: unknown[]): readonly unknown[] {
  return orgKey(useSession().org.id, resource, ...params);
}
