import { useMutation, useQueryClient } from "@tanstack/react-query";
import { logout } from "@/api/session";

/** Signs out and forgets every cached answer, so the next user on this browser sees nothing of the last. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({ mutationFn: logout, onSuccess: () => client.clear() });
}
