"use client";
import { can } from "@kt/contract";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SETTINGS_NAV } from "@/components/shell/nav";
import { useSession } from "@/components/shell/session-context";

export function SettingsTabs() {
  const pathname = usePathname();
  const { role } = useSession();
  return (
    <nav className="settings-tabs" aria-label="Settings">
      {SETTINGS_NAV.filter((item) => can(role, item.permission)).map((item) => (
        <Link key={item.href} href={item.href} aria-current={pathname === item.href ? "page" : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
