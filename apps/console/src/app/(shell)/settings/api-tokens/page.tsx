import { Ticket } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "API tokens" };

export default function ApiTokensPage() {
  return (
    <PlannedView
      title="API tokens"
      description="Tokens for scripts and the kt CLI, acting with your role or a narrower one."
      permission="api_tokens:read"
      icon={<Ticket size={32} />}
      emptyTitle="API tokens will be listed here"
      emptyBody="Each token shows its name, prefix (kt_api_…), creator, last use and expiry. The secret is shown once when it is created; revoke a token to stop it working at once."
    />
  );
}
