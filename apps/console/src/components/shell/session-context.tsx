"use client";
import { can, type TMe, type TPermission } from "@kt/contract";
import { createContext, useContext, type ReactNode } from "react";

const SessionContext = createContext<TMe | null>(null);

/** The signed-in caller, resolved once by the shell's server layout from GET /v1/me. */
export function SessionProvider({ me, children }: { me: TMe; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function useSession(): TMe {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession must be used inside the signed-in shell");
  return me;
}

/** Whether the caller's role may take `action`; views hide what it may not (the API refuses it anyway). */
export function useCan(action: TPermission): boolean {
  return can(useSession().role, action);
}
