"use client";
import { useState, type FormEvent } from "react";
import { useAssignEscalation, useResolveEscalation } from "@/hooks/use-change-escalations";
import { useGetEscalation } from "@/hooks/use-list-escalations";
import { fieldErrors } from "@/lib/api-error";
import { MutationError } from "../admin/mutation-error";
import { QueryState } from "../admin/query-state";
import { StatusBadge } from "../admin/status-badge";
import { useCan, useSession } from "../shell/session-context";
import { Button } from "../ui/button";
import { Time } from "../ui/time";
import { EscalationComments } from "./escalation-comments";
import { EventContext } from "./event-context";
import { SlaCountdown } from "./sla-countdown";

function ResolveForm({ id }: { id: string }) {
  const resolve = useResolveEscalation();
  const [reason, setReason] = useState("");
  const [decision, setDecision] = useState<"approve" | "reject">("approve");
  const error = fieldErrors(resolve.error).reason;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resolve.mutate({ id, body: { decision, reason } });
  };
  return (
    <form className="form-stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor="resolve-reason">Reason for the decision</label>
        <textarea
          id="resolve-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-invalid={error ? true : undefined}
        />
        {error ? <p className="field-error">{error}</p> : null}
      </div>
      <MutationError error={resolve.error} />
      <div className="row-actions">
        <Button
          type="submit"
          variant="primary"
          onClick={() => setDecision("approve")}
          disabled={resolve.isPending}
        >
          Approve
        </Button>
        <Button
          type="submit"
          variant="danger"
          onClick={() => setDecision("reject")}
          disabled={resolve.isPending}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}

export function EscalationDetail({ id, names }: { id: string; names: Map<string, string> }) {
  const me = useSession();
  const canDecide = useCan("escalations:decide");
  const escalation = useGetEscalation(id);
  const assign = useAssignEscalation();
  return (
    <QueryState query={escalation} loadingLabel="Loading the escalation">
      {(e) => (
        <div className="form-stack">
          <dl className="kv">
            <dt>Priority</dt>
            <dd>{e.priority}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={e.status} />
            </dd>
            <dt>SLA</dt>
            <dd>
              <SlaCountdown escalation={e} /> (due <Time value={e.dueAt} />)
            </dd>
            <dt>Policy</dt>
            <dd>{e.policy}</dd>
            <dt>Reason</dt>
            <dd>{e.reason}</dd>
            <dt>Assignee</dt>
            <dd>
              {e.assigneeId === null
                ? "unassigned"
                : e.assigneeId === me.user.id
                  ? "You"
                  : (names.get(e.assigneeId) ?? "a member")}
            </dd>
            {e.resolutionReason ? (
              <>
                <dt>Decision</dt>
                <dd>
                  {e.status}: {e.resolutionReason}
                </dd>
              </>
            ) : null}
          </dl>
          {canDecide && e.status === "open" && e.assigneeId !== me.user.id ? (
            <div>
              <Button
                onClick={() => assign.mutate({ id: e.id, assigneeId: me.user.id })}
                disabled={assign.isPending}
              >
                Assign to me
              </Button>
              <MutationError error={assign.error} />
            </div>
          ) : null}
          {canDecide && e.status === "open" ? <ResolveForm id={e.id} /> : null}
          <h3>The request</h3>
          <EventContext eventId={e.eventId} />
          <EscalationComments escalationId={e.id} comments={e.comments} />
        </div>
      )}
    </QueryState>
  );
}
