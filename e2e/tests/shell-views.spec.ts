import { expect, test } from "@playwright/test";
import { can, type TPermission } from "@kt/contract";
import { Shell } from "../pages/shell";
import { expectNoSeriousA11yIssues } from "../support/a11y";
import { storageStateFor } from "../support/auth";
import { createCostExportAsAdmin, ingestDemoEvents } from "../support/ingest-events";
import { saveScreenshot } from "../support/screenshots";

/**
 * Every route of the shell, with the permission that opens it and the heading it must show; `ready` is the test id
 * a data view shows once its data has rendered, so its scan and screenshot are of the view with data.
 */
const VIEWS: readonly { path: string; heading: string; permission: TPermission; ready?: string }[] = [
  { path: "/dashboard", heading: "Dashboard", permission: "dashboard:read", ready: "chart-requests-by-action" },
  { path: "/events", heading: "Events", permission: "events:read", ready: "events-ready" },
  { path: "/cost-center", heading: "Cost Center", permission: "costs:read", ready: "chart-spend-over-time" },
  { path: "/escalations", heading: "Escalations", permission: "escalations:read" },
  { path: "/templates", heading: "Templates", permission: "templates:read" },
  { path: "/configurations", heading: "Configurations", permission: "configs:read" },
  { path: "/gateways", heading: "Gateways", permission: "gateways:read" },
  { path: "/audit-log", heading: "Audit Log", permission: "audit:read" },
  { path: "/exports", heading: "Exports", permission: "exports:read", ready: "exports-ready" },
  { path: "/settings/gateway-keys", heading: "Gateway keys", permission: "gateway_keys:read" },
  { path: "/settings/api-tokens", heading: "API tokens", permission: "api_tokens:read" },
  { path: "/settings/members", heading: "Members", permission: "members:read" },
  { path: "/settings/teams", heading: "Teams", permission: "teams:read" },
  { path: "/settings/webhooks", heading: "Webhooks", permission: "webhooks:read" },
];

test.describe("every view as admin", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.beforeAll(async () => {
    await ingestDemoEvents();
    await createCostExportAsAdmin();
  });

  for (const view of VIEWS) {
    test(`${view.path} has its heading, no serious accessibility findings, and a screenshot`, async ({
      page,
    }) => {
      await page.goto(view.path);
      await expect(page.getByRole("heading", { level: 1, name: view.heading })).toBeVisible();
      await new Shell(page).expectSignedInAs("admin");
      if (view.ready) await expect(page.getByTestId(view.ready)).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await saveScreenshot(page, `view${view.path.replaceAll("/", "-")}`);
    });
  }
});

test.describe("views a role may not read", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a viewer opening a view by URL is told it is not available for their role", async ({ page }) => {
    const hidden = VIEWS.filter((v) => !can("viewer", v.permission));
    expect(hidden.length).toBeGreaterThan(0);
    for (const view of hidden) {
      await page.goto(view.path);
      await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
    }
    await saveScreenshot(page, "viewer-not-allowed");
  });
});

test("the log-in page has no serious accessibility findings", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yIssues(page);
});
