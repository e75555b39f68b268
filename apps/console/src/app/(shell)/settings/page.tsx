"use client";
import { can } from "@kt/contract";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SETTINGS_NAV } from "@/components/shell/nav";
import { useSession } from "@/components/shell/session-context";
import { Skeleton } from "@/components/ui/skeleton";

/** /settings opens the first settings page the caller's role may read. */
export default function SettingsIndex() {
  const router = useRouter();
  const { role } = useSession();
  const first = SETTINGS_NAV.find((item) => can(role, item.permission))?.href ?? "/dashboard";
  useEffect(() => router.replace(first), [router, first]);
  return <Skeleton lines={2} label="Opening settings" />;
}
