import type { TAcceptInvite } from "@kt/contract";
import { useMutation } from "@tanstack/react-query";
import { acceptInvite } from "@/api/invites";
import { login } from "@/api/session";

/**
 * Joins the org, then signs in to that org through the Console's session route (so the JWT lands in the
 * httpOnly cookie). A wrong current password answers 401: `signInAttempt` keeps the global handler from
 * sending the visitor to /login.
 */
export function useAcceptInvite() {
  return useMutation({
    mutationFn: async (input: TAcceptInvite) => {
      const accepted = await acceptInvite(input);
      return login({ email: accepted.user.email, password: input.password, orgId: accepted.org.id });
    },
    meta: { signInAttempt: true },
  });
}
