"use client";
import { TriangleAlert } from "lucide-react";
import { ApiError } from "@/lib/api-error";
import { Button } from "./button";

type TErrorStateProps = { error: unknown; title?: string; onRetry?: () => void };

/** Shows the API's message as the API wrote it, with its code, and a retry when one makes sense. */
export function ErrorState({ error, title = "This could not be loaded", onRetry }: TErrorStateProps) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="error-state" role="alert">
      <TriangleAlert aria-hidden="true" color="#b91c1c" size={28} />
      <h2>{title}</h2>
      <p className="error-state-message">{message}</p>
      {code ? (
        <p>
          Error code: <code>{code}</code>
        </p>
      ) : null}
      {onRetry ? (
        <Button onClick={onRetry} variant="secondary">
          Try again
        </Button>
      ) : null}
    </div>
  );
}
