"use client";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/ui/error-state";
import { usePreviewInvite } from "@/hooks/use-preview-invite";
import { AcceptInviteForm } from "./accept-invite-form";
import { useFragmentToken } from "./use-fragment-token";

/** The accept page's states: reading the link, no token in it, the API refusing it, or the form. */
export function AcceptInvite() {
  const fragment = useFragmentToken();
  const token = fragment.state === "found" ? fragment.token : null;
  const preview = usePreviewInvite(token);

  if (fragment.state === "missing") {
    return (
      <div>
        <h1>Accept invite</h1>
        <ErrorState
          title="This link has no invite in it"
          error={new Error("Open the full link from your invite email, or ask an admin to invite you again.")}
        />
        <p>
          Already a member? <a href="/login">Sign in</a>.
        </p>
      </div>
    );
  }
  if (fragment.state === "reading" || preview.isPending) {
    return (
      <div>
        <h1>Accept invite</h1>
        <Skeleton lines={4} label="Checking the invite" />
      </div>
    );
  }
  if (preview.isError) {
    return (
      <div>
        <h1>Accept invite</h1>
        <ErrorState title="This invite cannot be used" error={preview.error} />
        <p>
          Already a member? <a href="/login">Sign in</a>.
        </p>
      </div>
    );
  }
  return <AcceptInviteForm token={token!} preview={preview.data} />;
}
