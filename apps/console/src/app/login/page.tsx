import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type TLoginPageProps = { searchParams: Promise<{ next?: string | string[] }> };

/** Only same-site paths, so a crafted link cannot bounce a fresh session to another site. */
function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/dashboard";
  return value;
}

export default async function LoginPage({ searchParams }: TLoginPageProps) {
  const { next } = await searchParams;
  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <ShieldCheck aria-hidden="true" size={26} color="#1d4ed8" />
          kt Console
        </div>
        <div>
          <h1>Sign in</h1>
          <p className="login-lead">Use the email and password of your kt account.</p>
        </div>
        <LoginForm next={safeNext(next)} />
      </div>
    </main>
  );
}
