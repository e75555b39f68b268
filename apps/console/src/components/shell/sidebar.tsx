"use client";
import { can, type TRole } from "@kt/contract";
import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { MAIN_NAV, SETTINGS_ICON, SETTINGS_NAV, type TNavItem } from "./nav";

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLink({ item, pathname }: { item: TNavItem; pathname: string }) {
  const Icon = item.icon;
  return (
    <li>
      <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
        <Icon aria-hidden="true" size={18} />
        {item.label}
      </Link>
    </li>
  );
}

export function Sidebar({ role }: { role: TRole }) {
  const pathname = usePathname();
  const main = MAIN_NAV.filter((item) => can(role, item.permission));
  const settings = SETTINGS_NAV.filter((item) => can(role, item.permission));
  return (
    <aside className="shell-sidebar">
      <Link href="/dashboard" className="shell-brand">
        <ShieldCheck aria-hidden="true" size={22} />
        kt Console
      </Link>
      <nav className="shell-nav" aria-label="Main">
        <ul>
          {main.map((item) => (
            <NavLink key={item.href} item={item} pathname={pathname} />
          ))}
        </ul>
        {settings.length > 0 ? (
          <>
            <div className="shell-nav-group" id="nav-settings">
              <SETTINGS_ICON aria-hidden="true" size={12} /> Settings
            </div>
            <ul aria-labelledby="nav-settings">
              {settings.map((item) => (
                <NavLink key={item.href} item={item} pathname={pathname} />
              ))}
            </ul>
          </>
        ) : null}
      </nav>
    </aside>
  );
}
