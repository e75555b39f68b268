/** Where the Console's server reaches the API. Only the Console's server talks to it; browsers go through /api/kt. */
export function apiBaseUrl(): string {
  const raw = process.env.KT_API_URL ?? "http://127.0.0.1:4000";
  return raw.replace(/\/+$/, "");
}

/** Mark the session cookie Secure when the Console is served over HTTPS (set KT_COOKIE_SECURE=1 behind TLS). */
export function cookieSecure(): boolean {
  return process.env.KT_COOKIE_SECURE === "1" || process.env.KT_COOKIE_SECURE === "true";
}
