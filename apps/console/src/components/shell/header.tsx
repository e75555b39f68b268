"use client";
import type { TMe } from "@kt/contract";
import { Building2, LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLogout } from "@/hooks/use-logout";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ROLE_LABEL } from "./role-label";

export function Header({ me }: { me: TMe }) {
  const router = useRouter();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        router.replace("/login");
        router.refresh();
      },
    });
  return (
    <header className="shell-header">
      <div className="shell-org" data-testid="org-name">
        <Building2 aria-hidden="true" size={16} style={{ verticalAlign: "-2px", marginRight: 6 }} />
        {me.org.name}
      </div>
      <div className="shell-user">
        <span>
          Signed in as <strong data-testid="user-email">{me.user.name || me.user.email}</strong>
          {me.user.name ? <span className="visually-hidden"> ({me.user.email})</span> : null}
        </span>
        <span data-testid="user-role" data-role={me.role}>
          <Badge tone="info">{ROLE_LABEL[me.role]}</Badge>
        </span>
        <Button variant="secondary" size="sm" onClick={signOut} disabled={logout.isPending}>
          <LogOut aria-hidden="true" size={16} />
          Sign out
        </Button>
      </div>
    </header>
  );
}
