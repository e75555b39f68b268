import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { AcceptInvite } from "@/components/invite/accept-invite";

export const metadata: Metadata = { title: "Accept invite" };

/** Public: the token rides in the URL fragment, which only the page's script reads. */
export default function AcceptInvitePage() {
  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <ShieldCheck aria-hidden="true" size={26} color="#1d4ed8" />
          kt Console
        </div>
        <AcceptInvite />
      </div>
    </main>
  );
}
