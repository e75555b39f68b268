"use client";
import type { TEscalationComment } from "@kt/contract";
import { useState, type FormEvent } from "react";
import { useCommentOnEscalation } from "@/hooks/use-change-escalations";
import { fieldErrors } from "@/lib/api-error";
import { MutationError } from "../admin/mutation-error";
import { useCan } from "../shell/session-context";
import { Button } from "../ui/button";
import { Time } from "../ui/time";

type TProps = { escalationId: string; comments: TEscalationComment[] };

/** The discussion on an escalation; those who may decide can add to it, open or closed. */
export function EscalationComments({ escalationId, comments }: TProps) {
  const canComment = useCan("escalations:decide");
  return (
    <section aria-labelledby="escalation-comments">
      <h3 id="escalation-comments">Comments</h3>
      {comments.length === 0 ? (
        <p className="muted">No comment yet.{canComment ? " Add context for whoever decides." : ""}</p>
      ) : (
        <ul data-testid="escalation-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.authorLabel}</strong> (<Time value={c.createdAt} compact />
              ): {c.body}
            </li>
          ))}
        </ul>
      )}
      {canComment ? <CommentForm escalationId={escalationId} /> : null}
    </section>
  );
}

function CommentForm({ escalationId }: { escalationId: string }) {
  const comment = useCommentOnEscalation();
  const [body, setBody] = useState("");
  const error = fieldErrors(comment.error).body;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    comment.mutate({ id: escalationId, body }, { onSuccess: () => setBody("") });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor="escalation-comment">Add a comment</label>
        <textarea
          id="escalation-comment"
          rows={2}
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "escalation-comment-error" : undefined}
        />
        {error ? (
          <p id="escalation-comment-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <MutationError error={comment.error} />
      <div className="row-actions">
        <Button type="submit" disabled={comment.isPending}>
          {comment.isPending ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}
