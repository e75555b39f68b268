import { useQuery } from "@tanstack/react-query";
import { previewInvite } from "@/api/invites";

/** What an invite link offers; the token is the key since the visitor has no org yet. */
export function usePreviewInvite(token: string | null) {
  return useQuery({
    queryKey: ["invite-preview", token],
    queryFn: () => previewInvite(token!),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
  });
}
