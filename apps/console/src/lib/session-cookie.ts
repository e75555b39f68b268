/** The httpOnly cookie holding the API's JWT. Read by middleware (edge) and route handlers (node). */
export const SESSION_COOKIE = "kt_session";

/** Request header, set by middleware, carrying the path a visitor asked for, to return there after log-in. */
export const REQUESTED_PATH_HEADER = "x-kt-requested-path";
