import { useMutation } from "@tanstack/react-query";
import { login } from "@/api/session";

/** A failed sign-in answers 401 too; `signInAttempt` tells the global handler not to redirect to /login. */
export function useLogin() {
  return useMutation({ mutationFn: login, meta: { signInAttempt: true } });
}
