import { ZMe, type TMe } from "@kt/contract";
import { cache } from "react";
import { serverApiGet } from "./api-fetch";

/** The caller, asked of the API once per request however many server components need it (layout, pages). */
export const getMe = cache((): Promise<TMe> => serverApiGet("/v1/me", ZMe));
