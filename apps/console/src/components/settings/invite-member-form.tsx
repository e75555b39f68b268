"use client";
import { ROLES, type TCreatedInvite, type TRole } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useCreateInvite } from "@/hooks/use-change-members";
import { fieldErrors } from "@/lib/api-error";
import { FormActions } from "../admin/form-actions";
import { CopyableCode } from "../admin/secret-once";
import { SelectField } from "../admin/select-field";
import { ROLE_LABEL } from "../shell/role-label";
import { Field } from "../ui/field";

export function InviteMemberForm() {
  const invite = useCreateInvite();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<TRole>("viewer");
  const errors = fieldErrors(invite.error);
  const [created, setCreated] = useState<TCreatedInvite | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email, name, role }, { onSuccess: setCreated });
  };
  if (created) {
    return (
      <div className="form-stack">
        <p>
          Send this link to <strong>{created.invite.email}</strong>. It works once, until{" "}
          {new Date(created.invite.expiresAt).toLocaleString()}, and is not shown again.
        </p>
        <CopyableCode label="Invite link" value={created.acceptUrl} />
      </div>
    );
  }
  return (
    <form className="form-stack" onSubmit={submit}>
      <Field
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
        error={errors.email}
      />
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={errors.name}
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value as TRole)}
        error={errors.role}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
      />
      <FormActions mutation={invite} label="Create invite link" pendingLabel="Inviting…" />
    </form>
  );
}
