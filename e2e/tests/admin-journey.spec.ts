import { expect, test } from "@playwright/test";
import { CostCenterPage, EventsPage } from "../pages/data-views";
import { Shell } from "../pages/shell";
import { storageStateFor } from "../support/auth";
import { ingestDemoEvents, type TSeededEvents } from "../support/ingest-events";
import { saveScreenshot } from "../support/screenshots";

test.use({ storageState: storageStateFor("admin") });

let seeded: TSeededEvents;
test.beforeAll(async () => {
  seeded = await ingestDemoEvents();
});

test("admin: dashboard → filter events → open an event → audit log diff", async ({ page }) => {
  const shell = new Shell(page);
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-summary")).toBeVisible();
  await expect(page.getByTestId("chart-requests-by-action")).toBeVisible();
  await expect(page.getByTestId("dashboard-summary")).toContainText("Block rate");

  await shell.open("Events");
  const events = new EventsPage(page);
  await events.filterBy({ action: "blocked", user: seeded.user });
  await expect(page).toHaveURL(/action=blocked/);
  await expect(page).toHaveURL(new RegExp(`user=${encodeURIComponent(seeded.user)}`));
  const rows = events.rows();
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByText("blocked", { exact: true })).toBeVisible();

  await events.openFirst();
  await expect(page).toHaveURL(/event=/);
  await expect(events.drawer.getByText("Blocked by")).toBeVisible();
  const decisions = events.drawer.getByRole("table", { name: /Policy decisions/ });
  const blocking = decisions.getByRole("row").filter({ hasText: "instruction override attempt" });
  await expect(blocking).toContainText("prompt-injection");
  await expect(blocking).toContainText("block");
  await expect(decisions.getByRole("row").filter({ hasText: "pii" })).toContainText("passed");
  await saveScreenshot(page, "admin-event-drawer");
  await page.keyboard.press("Escape");
  await expect(events.drawer).toBeHidden();

  await shell.open("Audit Log");
  // The newest entry is this run's gateway registration (the audit log view is the other Console engineer's).
  await page.getByRole("button", { name: /Before\/after/ }).first().click();
  const diff = page.getByRole("dialog");
  await expect(diff.getByRole("heading", { name: "Before → after" })).toBeVisible();
  await saveScreenshot(page, "admin-journey-audit-diff");
});

test("admin: an unknown price is called out and can be set", async ({ page }) => {
  const costs = new CostCenterPage(page);
  await costs.goto();
  const unpriced = page.getByTestId("unpriced-models");
  const model = unpriced.locator("li").filter({ hasText: seeded.unpricedModel });
  await expect(model).toBeVisible();
  await model.getByRole("button", { name: /Set price/ }).click();
  await model.getByLabel("Input, USD per 1M tokens").fill("0.3");
  await model.getByLabel("Output, USD per 1M tokens").fill("1.2");
  await model.getByRole("button", { name: "Save price" }).click();
  await expect(page.getByTestId("price-saved")).toHaveText(
    new RegExp(`Price of ${seeded.unpricedModel} saved; \\d+ events recomputed`),
  );
  await expect(model).toHaveCount(0);
});
