import { useEffect, useState } from "react";

export type TFragmentToken = { state: "reading" } | { state: "missing" } | { state: "found"; token: string };

/**
 * Reads `#token=…` once, then drops the fragment from the address bar so the token does not linger in
 * history or get copied along with the URL.
 */
export function useFragmentToken(): TFragmentToken {
  const [result, setResult] = useState<TFragmentToken>({ state: "reading" });
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token")?.trim();
    // A second run (React's strict mode) finds the fragment already dropped: keep what the first one read.
    setResult((prev) =>
      prev.state === "found" ? prev : token ? { state: "found", token } : { state: "missing" },
    );
    if (token) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  }, []);
  return result;
}
