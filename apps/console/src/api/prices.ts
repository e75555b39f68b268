import {
  ZPriceChangeResult,
  ZPriceList,
  type TPriceChangeResult,
  type TPriceList,
  type TSetPrice,
} from "@kt/contract";
import { apiRequest } from "./client";

export function listPrices(signal?: AbortSignal): Promise<TPriceList> {
  return apiRequest({ path: "/v1/prices", schema: ZPriceList, signal });
}

/** Sets the org's price for a model (admin); the API recomputes the cost of its stored events. */
export function setPrice(body: TSetPrice): Promise<TPriceChangeResult> {
  return apiRequest({ path: "/v1/prices", method: "PUT", schema: ZPriceChangeResult, body });
}
