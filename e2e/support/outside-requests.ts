import type { Page } from "@playwright/test";

/** Records every request the page makes to a host other than the Console's: there must be none. */
export function recordOutsideRequests(page: Page, baseURL: string): string[] {
  const host = new URL(baseURL).host;
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.host !== host) outside.push(request.url());
  });
  return outside;
}
