"use client";
import { TriangleAlert } from "lucide-react";

/** A failed action's message, as the API wrote it, next to the form that sent it. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "The action failed.";
  return (
    <div className="alert" role="alert">
      <TriangleAlert aria-hidden="true" size={18} />
      <p>{message}</p>
    </div>
  );
}
