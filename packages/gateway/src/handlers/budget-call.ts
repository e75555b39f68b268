import { estimateCallUsd } from "../events/budget-estimate";
import type { TBudgetCall } from "../events/budget";
import type { TChatRequest } from "../http/openai-types";
import type { RequestRecord } from "./event-builder";

/** The budget admission of a call of a budgeted team: keyed by its event id, estimated only if a reservation needs it. */
export function budgetCall(record: RequestRecord, teamId: string, request: TChatRequest): TBudgetCall {
  return {
    eventId: record.id,
    eventTs: record.startedAt.toISOString(),
    teamId,
    estimateUsd: () => estimateCallUsd(request, record.snap.router.candidates(request.model)),
  };
}
