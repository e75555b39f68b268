"use client";
import type { TInvitePreview } from "@kt/contract";
import { TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ROLE_LABEL } from "@/components/shell/role-label";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import { useAcceptInvite } from "@/hooks/use-accept-invite";
import { fieldErrors } from "@/lib/api-error";

type TAcceptInviteFormProps = { token: string; preview: TInvitePreview };

/** A new account chooses a name and password; an existing account proves itself with its current password. */
export function AcceptInviteForm({ token, preview }: TAcceptInviteFormProps) {
  const router = useRouter();
  const accept = useAcceptInvite();
  const [name, setName] = useState(preview.name);
  const [password, setPassword] = useState("");
  const existing = preview.existingAccount;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    accept.mutate(
      { token, password, ...(existing ? {} : { name }) },
      {
        onSuccess: () => {
          router.replace("/dashboard");
          router.refresh();
        },
      },
    );
  };

  const fields = fieldErrors(accept.error);
  const busy = accept.isPending || accept.isSuccess;
  return (
    <>
      <div>
        <h1>Join {preview.org.name}</h1>
        <p className="login-lead">
          You are invited as <strong data-testid="invite-role">{ROLE_LABEL[preview.role]}</strong> with{" "}
          <strong data-testid="invite-email">{preview.email}</strong>. The link works until{" "}
          <Time value={preview.expiresAt} />.
        </p>
      </div>
      <form onSubmit={onSubmit} aria-describedby={accept.error ? "invite-error" : undefined}>
        {accept.error ? (
          <div id="invite-error" className="alert" role="alert" data-testid="invite-error">
            <TriangleAlert aria-hidden="true" size={18} style={{ flex: "none", marginTop: 2 }} />
            <p>{accept.error.message}</p>
          </div>
        ) : null}
        <input type="email" name="email" autoComplete="username" value={preview.email} readOnly hidden />
        {existing ? null : (
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
          />
        )}
        <Field
          label={existing ? "Current password" : "Choose a password"}
          name="password"
          type="password"
          autoComplete={existing ? "current-password" : "new-password"}
          hint={
            existing
              ? `${preview.email} already has a kt account: enter its password to join ${preview.org.name}.`
              : "At least 10 characters."
          }
          required
          minLength={existing ? 1 : 10}
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Joining…" : `Join ${preview.org.name}`}
        </Button>
      </form>
    </>
  );
}
