"use client";
import { can, type TPermission } from "@kt/contract";
import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "../ui/empty-state";
import { ROLE_LABEL } from "./role-label";
import { useSession } from "./session-context";

/** A view opened by URL that the caller's role may not read explains why instead of failing on every call. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: TPermission;
  children: ReactNode;
}) {
  const { role } = useSession();
  if (can(role, permission)) return <>{children}</>;
  return (
    <EmptyState icon={<Lock size={32} />} title="Not available for your role">
      Your role ({ROLE_LABEL[role]}) cannot open this view. Ask an admin of your organisation if you need it.
    </EmptyState>
  );
}
