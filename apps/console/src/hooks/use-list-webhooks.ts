import { useQuery } from "@tanstack/react-query";
import { listWebhooks } from "@/api/webhooks";
import { useOrgKey } from "./use-org-key";

export function useListWebhooks() {
  const queryKey = useOrgKey("webhooks");
  return useQuery({ queryKey, queryFn: ({ signal }) => listWebhooks(signal) });
}
