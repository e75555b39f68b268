"use client";
import { useRouter } from "next/navigation";
import { ErrorState } from "@/components/ui/error-state";

/** When the API cannot answer who the caller is, say so plainly instead of showing an empty shell. */
export function ShellUnavailable({ message }: { message: string }) {
  const router = useRouter();
  return (
    <main className="login">
      <div style={{ maxWidth: 560 }}>
        <ErrorState
          title="The Console cannot reach the kt API"
          error={new Error(message)}
          onRetry={() => router.refresh()}
        />
      </div>
    </main>
  );
}
