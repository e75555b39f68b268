import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { CostCenterPage } from "../pages/data-views";
import { storageStateFor } from "../support/auth";
import { ingestDemoEvents } from "../support/ingest-events";
import { saveScreenshot } from "../support/screenshots";

test.use({ storageState: storageStateFor("finance") });

test.beforeAll(async () => {
  await ingestDemoEvents();
});

test("finance: cost center → export → the downloaded CSV parses", async ({ page }) => {
  const costs = new CostCenterPage(page);
  await costs.goto();
  await expect(page.getByTestId("month-forecast")).toContainText("Month-end forecast");
  // Finance reads prices but may not set them.
  await expect(page.getByRole("button", { name: /Set price/ })).toHaveCount(0);
  await saveScreenshot(page, "finance-cost-center");

  const download = page.waitForEvent("download", { timeout: 60_000 });
  await costs.exportButton().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const path = await file.path();
  const rows: Record<string, string>[] = parse(await readFile(path, "utf8"), { columns: true, skip_empty_lines: true });
  expect(rows.length).toBeGreaterThan(0);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["day", "teamName", "model", "requests", "costUsd"]));
  const requests = rows.reduce((sum, r) => sum + Number(r.requests), 0);
  expect(requests).toBeGreaterThanOrEqual(60);
  for (const r of rows) expect(Number.isFinite(Number(r.costUsd))).toBe(true);

  await page.goto("/exports");
  await expect(page.getByTestId("export-download").first()).toBeVisible();
  await saveScreenshot(page, "finance-exports");
});
