import { BUDGET_ROUTES, ZBudgetList } from "@kt/contract";
import type { z } from "zod";
import { apiRequest } from "./client";

export type TBudgetList = z.infer<typeof ZBudgetList>;

export function listBudgets(signal?: AbortSignal): Promise<TBudgetList> {
  return apiRequest({ path: BUDGET_ROUTES.list, schema: ZBudgetList, signal });
}
