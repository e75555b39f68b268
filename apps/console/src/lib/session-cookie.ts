/** The httpOnly cookie holding the API's JWT. Read by middleware (edge) and route handlers (node). */
export const SESSION_COOKIE = "kt_session";
