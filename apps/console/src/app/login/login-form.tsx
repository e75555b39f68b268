"use client";
import { TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useLogin } from "@/hooks/use-login";
import { fieldErrors } from "@/lib/api-error";

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: () => {
          router.replace(next);
          router.refresh();
        },
      },
    );
  };

  const fields = fieldErrors(login.error);
  return (
    <form onSubmit={onSubmit} aria-describedby={login.error ? "login-error" : undefined}>
      {login.error ? (
        <div id="login-error" className="alert" role="alert" data-testid="login-error">
          <TriangleAlert aria-hidden="true" size={18} style={{ flex: "none", marginTop: 2 }} />
          <p>{login.error.message}</p>
        </div>
      ) : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <Button type="submit" variant="primary" disabled={login.isPending || login.isSuccess}>
        {login.isPending || login.isSuccess ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
